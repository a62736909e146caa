package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Rule folders that once ended in an internal error, a stack overflow or a Java decoder's words. */
class RuleFolderInputTest {
    private static final String HEAD = "package org.twitchadvisor.rules;\n\nimport org.twitchadvisor.facts.*;\n\n";

    private static Path folder(Path dir, byte[] file) throws IOException {
        Path rules = TestFolders.tablesOnly(dir);
        Files.createDirectories(rules.resolve("9-x"));
        Files.write(rules.resolve("9-x/a.drl"), file);
        return rules;
    }

    private static String onlyProblem(Path rules) {
        InvalidRulesException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules)));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0).toString();
    }

    private static byte[] rule(String condition) {
        return (HEAD + "rule \"r\"\n    @claim(\"c\")\n    @sources(\"000\")\nwhen\n    " + condition
                + "\nthen\n    insertLogical(new RiskFactor(\"poor_diet\"));\nend\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOopathPatternIsNamedAtItsLine(@TempDir Path dir) throws IOException {
        assertEquals("9-x/a.drl:9:5: error: this pattern does not name a fact type (an OOPath such as /answers[...] is "
                        + "not allowed): write the fact type and its conditions, e.g. Answer(question == \"diet\", value == \"vegan\")",
                onlyProblem(folder(dir, rule("/answers[ value == \"vegan\" ]"))));
    }

    @Test
    void thousandsOfNestedBracketsAreAPlainMessage(@TempDir Path dir) throws IOException {
        String p = onlyProblem(folder(dir, rule("Answer(" + "(".repeat(5000) + "value == \"vegan\"" + ")".repeat(5000) + ")")));
        assertEquals("9-x/a.drl:9:1: error: brackets are nested too deeply here to read the file; a condition needs a few "
                + "levels at most", p);
    }

    /** Twenty levels once kept the compiled-code check busy for minutes: its compiler is exponential in depth. */
    @Test
    void aFewDozenNestedBracketsAreRefusedQuickly(@TempDir Path dir) throws IOException {
        String p = onlyProblem(folder(dir, rule("Answer(" + "(".repeat(20) + "value == \"vegan\"" + ")".repeat(20) + ")")));
        assertEquals("9-x/a.drl:9:1: error: brackets are nested more than 6 deep in this constraint; a condition needs a "
                + "few levels at most", p);
    }

    @Test
    void aFileThatIsNotUtf8SaysWhereInWords(@TempDir Path dir) throws IOException {
        byte[] latin1 = (HEAD + "// caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("9-x/a.drl:5:7: error: not UTF-8 text: invalid byte 0xE9 at offset 75; save the file as UTF-8", onlyProblem(folder(dir, latin1)));
    }

    @Test
    void aUtf16FileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        assertEquals("9-x/a.drl:1:1: error: not UTF-8 text: this is UTF-16; save it as UTF-8",
                onlyProblem(folder(dir, HEAD.getBytes(StandardCharsets.UTF_16))));
        assertEquals("9-x/a.drl:1:1: error: not UTF-8 text: this is UTF-16; save it as UTF-8",
                onlyProblem(folder(dir.resolve("le"), HEAD.getBytes(StandardCharsets.UTF_16LE))));
    }
}
