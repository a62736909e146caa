package org.twitchadvisor.spark;

import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * One compiled advisor per executor JVM and rule set, built on first use by whichever task needs it and shared by
 * every later task of that JVM: compiling the rules takes about a second, assessing one questionnaire about 50 µs.
 */
final class AdvisorHolder {
    private static final Map<String, TwitchAdvisor> BY_HASH = new ConcurrentHashMap<>();

    private AdvisorHolder() {
    }

    /**
     * @param rules the rules as text, or {@code null} for the rules bundled in the library
     * @return the advisor for those rules in this JVM
     */
    static TwitchAdvisor advisor(RulesText rules) {
        if (rules == null) {
            return TwitchAdvisor.bundled();
        }
        // computeIfAbsent blocks the other tasks of this JVM on the same rules until the one compilation is done.
        return BY_HASH.computeIfAbsent(rules.hash(), hash -> compile(rules));
    }

    private static TwitchAdvisor compile(RulesText rules) {
        Path dir = rules.materialise(Path.of(System.getProperty("java.io.tmpdir")));
        try {
            return TwitchAdvisor.fromDirectory(dir);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the rules copy " + dir, e);
        }
    }
}
