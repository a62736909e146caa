package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.internal.authoring.cases.CaseResult;
import org.twitchadvisor.internal.authoring.cases.CaseRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs every expert case file under facts/cases against the bundled rules, and checks every rule has one. */
class CaseFilesTest {
    static final Path CASES = Path.of("facts/cases");

    static List<Path> cases() {
        return CaseRunner.caseFiles(CASES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caseHolds(Path file) {
        CaseResult r = new CaseRunner(TwitchAdvisor.bundled()).run(file, CASES.relativize(file).toString());
        assertTrue(r.passed(), () -> r.file() + " (" + r.description() + "):\n  " + String.join("\n  ", r.failures()));
    }

    @Test
    void everyRuleIsMadeToFireByAClaimCase() {
        // The claim cases arrive on their own branch; until then there is nothing to measure coverage with.
        assumeTrue(java.nio.file.Files.isDirectory(CASES.resolve("claims")), "no facts/cases/claims folder yet");
        CaseRunner runner = new CaseRunner(TwitchAdvisor.bundled());
        Set<String> fired = runner.runAll(CASES.resolve("claims")).stream()
                .flatMap(r -> r.rulesFired().stream()).collect(Collectors.toSet());
        Set<String> never = new TreeSet<>(TestRules.ruleNames());
        never.removeAll(fired);
        assertTrue(never.isEmpty(), () -> "rules no case under facts/cases/claims makes fire:\n  "
                + String.join("\n  ", never));
    }
}
