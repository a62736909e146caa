package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.internal.engine.RuleInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule is cited, and a rules folder with uncited or broken rules is refused with file:line problems. */
class RulesFolderTest {

    @Test
    void everyRuleHasAClaimRegisteredSourcesAndALayer() {
        var kb = TestRules.knowledgeBase();
        assertTrue(kb.rules().size() > 90, "the knowledge base has " + kb.rules().size() + " rules");
        Set<String> registered = kb.sourceIds();
        for (RuleInfo r : kb.rules().values()) {
            assertFalse(r.claim().isBlank(), r.name());
            assertFalse(r.sources().isEmpty(), r.name());
            assertTrue(registered.containsAll(r.sources()), r.name() + " cites " + r.sources());
            assertTrue(r.layer().matches("[1-4]-[a-z-]+"), r.name() + " is in " + r.file());
            assertTrue(r.line() > 0, r.name() + " has no line");
            assertFalse(r.claim().equalsIgnoreCase(r.name()), "the claim should say more than the name: " + r.name());
        }
    }

    @Test
    void everyArticleIsCited() {
        var kb = TestRules.knowledgeBase();
        for (String article : List.of("000", "001", "002", "003", "004")) {
            long rules = kb.rules().values().stream().filter(r -> r.sources().contains(article)).count();
            assertTrue(rules >= 10, "article " + article + " is cited by only " + rules + " rules");
        }
    }

    static Path copyRules(Path tmp) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                Path target = tmp.resolve(rules.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return tmp;
    }

    private static List<RuleProblem> problems(Path dir) {
        return assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(dir)).problems();
    }

    @Test
    void aRuleWithoutClaimOrSourcesIsRefusedWithFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = copyRules(tmp);
        Files.writeString(dir.resolve("2-deficiencies/uncited.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "coffee lowers magnesium"
                when
                    Answer(question == "stress", value == "high")
                then
                    insertLogical(new DeficiencyEvidence("magnesium", "coffee"));
                end

                rule "tea lowers magnesium"
                    @claim("Tea drains magnesium.")
                    @sources("007")
                when
                    Answer(question == "diet")
                then
                    insertLogical(new DeficiencyEvidence("magnesium", "tea"));
                end
                """);
        List<RuleProblem> problems = problems(dir);
        assertEquals(List.of(
                "2-deficiencies/uncited.drl:5:1: error: rule \"coffee lowers magnesium\" has no @claim(\"...\"): say in your own words what the rule claims",
                "2-deficiencies/uncited.drl:5:1: error: rule \"coffee lowers magnesium\" has no @sources(\"...\"): name the articles (000-004) or registered references it rests on"),
                problems.subList(0, 2).stream().map(RuleProblem::toString).toList());
        assertTrue(problems.get(2).toString().startsWith(
                "2-deficiencies/uncited.drl:12:1: error: rule \"tea lowers magnesium\" cites source '007', which is not registered in data/sources.csv"),
                problems.get(2).toString());
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = copyRules(tmp);
        Files.writeString(dir.resolve("2-lifestyle/broken.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "broken rule"
                    @claim("x") @sources("000")
                when
                    Answer(question == "stress" value == "high")
                then
                    insertLogical(new LifestyleFactor("stress", "x"));
                end
                """);
        List<RuleProblem> problems = problems(dir);
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("2-lifestyle/broken.drl") && p.line() == 8),
                problems.toString());
    }

    @Test
    void aBrokenTableRowIsNamedByFileAndLine(@TempDir Path tmp) throws IOException {
        Path dir = copyRules(tmp);
        Path ranges = dir.resolve("data/reference-ranges.csv");
        Files.writeString(ranges, Files.readString(ranges) + "lab_iron,iron,low,30,ng/mL,who-ferritin-2020\n");
        List<String> problems = problems(dir).stream().map(RuleProblem::toString).toList();
        assertTrue(problems.contains("data/reference-ranges.csv:9:1: error: 'lab_iron' is not a number question of data/questions.csv"),
                problems.toString());
        assertTrue(problems.contains("data/reference-ranges.csv:9:1: error: deficient_below must be a number, not 'low'"),
                problems.toString());
    }

    @Test
    void aLabRangeIsThereOnlyForALabValueThePersonGave(@TempDir Path tmp) throws IOException {
        Path dir = copyRules(tmp);
        Files.writeString(dir.resolve("2-deficiencies/range.drl"), """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "a ferritin range is there"
                    @claim("Only to see when the ferritin range is in a session.")
                    @sources("004")
                    @weight(0.1)
                when
                    ReferenceRange(question == "lab_ferritin_ng_ml")
                then
                    insertLogical(new DeficiencyEvidence("iron", "ferritin_range"));
                end
                """);
        TwitchAdvisor advisor = TwitchAdvisor.fromDirectory(dir);
        String rule = "a ferritin range is there";
        assertFalse(advisor.assess(advisor.readJson("{\"twitching\": true}")).rulesFired().contains(rule));
        assertFalse(advisor.assess(advisor.readJson("{\"lab_magnesium_mmol_l\": 0.8}")).rulesFired().contains(rule));
        assertTrue(advisor.assess(advisor.readJson("{\"lab_ferritin_ng_ml\": 80}")).rulesFired().contains(rule));
    }
}
