package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library checks a rules folder before it compiles it, and refuses one that fails the check. */
class UntrustedRulesTest {

    /** Copies the repository's rules/ into a folder, so a test can add or change a file. */
    static Path copyOfRules(Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(TestRules.RULES)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(TestRules.RULES.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    @Test
    void aFolderWithForbiddenCodeIsRefusedBeforeItIsCompiled(@TempDir Path dir) throws IOException {
        Path rules = copyOfRules(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("9-bad"));
        Files.writeString(rules.resolve("9-bad/bad.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "compiling me would run my claim"
                    @claim(System.setProperty("twitch.advisor.test.pwned", "yes"))
                    @sources("000")
                when
                    $m : Measurement(java.io.File.separator != null)
                then
                    insertLogical(new RiskFactor("poor_diet"));
                    System.exit(3);
                end
                """);
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules));

        List<String> problems = e.problems().stream().map(RuleProblem::toString).toList();
        assertTrue(problems.contains("9-bad/bad.drl:6:12: error: 'System.setProperty' is not allowed in a rule: it gives "
                + "access to the Java runtime, which can stop the program or read its settings; rules run without a "
                + "sandbox, so a rule may only compare facts and insert a conclusion"), () -> String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("9-bad/bad.drl:9:22: error: 'java.io.File.separator'")),
                () -> String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("9-bad/bad.drl:12:5: error: 'System.exit'")),
                () -> String.join("\n", problems));
        assertTrue(e.getMessage().contains("9-bad/bad.drl:12:5"), "the message lists the problems too");
        // Drools evaluates annotation values as it compiles: had it compiled, the property would be set.
        assertNull(System.getProperty("twitch.advisor.test.pwned"));
    }

    @Test
    void aSyntaxErrorIsReportedAtItsFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copyOfRules(dir.resolve("rules"));
        Path magnesium = rules.resolve("2-deficiencies/magnesium.drl");
        List<String> lines = Files.readAllLines(magnesium);
        int line = lines.indexOf("    $r : RiskFactor(factor == \"poor_diet\")") + 1;
        lines.set(line - 1, "    $r : RiskFactor(factor == \"poor_diet\"");
        Files.write(magnesium, lines);

        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules));
        assertEquals(1, e.problems().size(), e::getMessage);
        RuleProblem p = e.problems().get(0);
        assertEquals("2-deficiencies/magnesium.drl", p.file());
        // The parser notices the missing bracket at 'then', the line after the mistake.
        assertEquals(line + 1, p.line(), p::toString);
        assertTrue(p.message().startsWith("unexpected 'then' here: check for a missing comma, bracket or quote just before it"),
                p::toString);
    }

    @Test
    void aMistakeOnlyTheCompilerSeesIsTranslatedAndLocated(@TempDir Path dir) throws IOException {
        Path rules = copyOfRules(dir.resolve("rules"));
        Files.createDirectories(rules.resolve("9-new"));
        Files.writeString(rules.resolve("9-new/lab.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "a ferritin value above a risk factor"
                    @claim("Compares a number with a fact, which the engine cannot do.")
                    @sources("000")
                when
                    $r : RiskFactor(factor == "poor_diet")
                    Measurement(question == "lab_ferritin_ng_ml", value > $r)
                then
                    insertLogical(new DeficiencyEvidence("iron", "poor_diet"));
                end
                """);
        InvalidRulesException e = assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules));
        assertEquals(1, e.problems().size(), e::getMessage);
        RuleProblem p = e.problems().get(0);
        // Drools gives this message no line; it is placed where the condition it quotes stands.
        assertEquals("9-new/lab.drl:10:51", p.file() + ":" + p.line() + ":" + p.column(), p::toString);
        assertTrue(p.message().startsWith("this comparison mixes kinds of value (a number and a RiskFactor fact): "
                + "compare numbers with numbers and text with text"), p::toString);
    }
}
