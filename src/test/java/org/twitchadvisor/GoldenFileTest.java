package org.twitchadvisor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden files: each example questionnaire in facts/examples against its expected JSON assessment in
 * src/test/resources/golden. The rule set id is masked so a rule edit that changes no output needs no
 * new golden file. After a deliberate change, regenerate with {@code mvn test -Dtest=GoldenFileTest -Dgolden.update=true}
 * and review the diff.
 */
class GoldenFileTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static List<Path> examples() throws IOException {
        return DeterminismTest.examples();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void assessmentMatchesGoldenFile(Path example) throws IOException {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        String actual = advisor.toPrettyJson(advisor.assess(advisor.readJson(Files.readString(example))))
                .replace(advisor.ruleset(), "*") + "\n";
        Path expected = GOLDEN.resolve(example.getFileName().toString().replace(".json", ".expected.json"));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, actual);
        }
        assertTrue(Files.exists(expected), "no golden file " + expected + "; run with -Dgolden.update=true");
        assertEquals(Files.readString(expected), actual, "assessment of " + example + " differs from " + expected);
    }
}
