package org.twitchadvisor.internal.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.RuleProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule set is tried on made-up people as it is loaded, so a loop is refused then, with the rule named. */
class SettleProbeTest {
    private static final KnowledgeBase BUNDLED = KnowledgeBase.load(RuleFolder.read(Path.of("rules")),
            KnowledgeBase.Checks.SOURCE);

    @Test
    void theBundledRulesSettleForEveryProbe() {
        assertEquals(List.of(), SettleProbe.probe(BUNDLED));
    }

    @Test
    void aRuleSetThatDoesNotSettleWithinTheBoundIsReportedAtTheRuleThatFiredMost() {
        List<RuleProblem> problems = SettleProbe.probe(BUNDLED, 3);
        assertEquals(1, problems.size(), problems::toString);
        RuleProblem p = problems.get(0);
        assertTrue(p.file().endsWith(".drl") && p.line() > 0, p::toString);
        assertTrue(p.message().startsWith("rule \"") && p.message().contains("keeps firing (over 3 firings for one made-up"), p::toString);
        assertTrue(BUNDLED.rule(p.message().split("\"")[1]) != null, p::toString);
    }

    /**
     * Three thousand well-formed rules, each firing once per twitching site (up to eight times a person, some
     * 24,000 firings for the probe who names every site), are a large rule set, not a loop.
     */
    @Test
    void aLargeWellFormedFolderIsNotMistakenForALoop(@TempDir Path dir) throws IOException {
        Path rules = org.twitchadvisor.TestFolders.tablesOnly(dir);
        Files.createDirectories(rules.resolve("9-many"));
        StringBuilder drl = new StringBuilder("package org.twitchadvisor.rules;\n\nimport org.twitchadvisor.facts.*;\n\n");
        for (int i = 0; i < 3_000; i++) {
            drl.append("rule \"a twitching site hints at a poor diet ").append(i).append("\"\n    @claim(\"c\")\n    @sources(\"000\")\n")
                    .append("when\n    Answer(question == \"twitch_sites\")\nthen\n    insertLogical(new RiskFactor(\"poor_diet\"));\nend\n\n");
        }
        Files.writeString(rules.resolve("9-many/many.drl"), drl);
        KnowledgeBase kb = KnowledgeBase.load(RuleFolder.read(rules), KnowledgeBase.Checks.SOURCE);
        assertTrue(Engine.defaultMaxFirings(kb) > Engine.DEFAULT_MAX_FIRINGS);
        assertEquals(List.of(), SettleProbe.probe(kb));
    }
}
