package org.twitchadvisor.internal.explain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The batch speed-ups must not change a byte: the hand-built tie-break text is the record's own
 * {@code toString()}, and JSON written through the explanation cache is what a plain mapper writes.
 */
class SpeedupEquivalenceTest {

    static List<Assessment> examples() throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        List<Assessment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("facts/examples"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(advisor.assess(advisor.readJson(Files.readString(p))));
            }
        }
        return out;
    }

    static void collect(List<Explanation> nodes, List<Explanation> into) {
        for (Explanation e : nodes) {
            into.add(e);
            collect(e.because(), into);
        }
    }

    @Test
    void theTieBreakTextIsTheRecordsToString() throws IOException {
        List<Explanation> nodes = new ArrayList<>();
        for (Assessment a : examples()) {
            for (Finding f : a.findings()) {
                collect(f.because(), nodes);
            }
        }
        assertFalse(nodes.isEmpty());
        for (Explanation e : nodes) {
            assertEquals(e.toString(), FindingAssembler.text(e));
        }
    }

    @Test
    void cachedJsonIsWhatAPlainMapperWrites() throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        ObjectMapper plain = new ObjectMapper();
        for (int round = 0; round < 2; round++) {
            for (Assessment a : examples()) {
                assertEquals(plain.writeValueAsString(a), advisor.toJson(a), "round " + round);
            }
        }
    }
}
