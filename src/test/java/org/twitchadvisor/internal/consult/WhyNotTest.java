package org.twitchadvisor.internal.consult;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.CandidateRule;
import org.twitchadvisor.Condition;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.WhyNot;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Why-not on the bundled rules: conditions sorted honestly, labs named, conclusions followed down. */
class WhyNotTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    private static WhyNot whyNot(Map<String, ?> answers, String subject) {
        Questionnaire q = ADVISOR.questionnaire(answers);
        return ADVISOR.whyNot(q, subject);
    }

    private static CandidateRule rule(WhyNot w, String name) {
        return w.rules().stream().filter(r -> r.rule().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no candidate " + name + " in " + w));
    }

    private static Stream<Condition> all(CandidateRule r) {
        return Stream.of(r.met(), r.failed(), r.unknown()).flatMap(List::stream);
    }

    @Test
    void aFindingALabValueRuledOutNamesTheLab() {
        WhyNot w = whyNot(Map.of("twitching", true, "symptoms", List.of("cramps"), "lab_magnesium_mmol_l", 0.9),
                "magnesium");
        assertEquals("ruled_out", w.found());
        CandidateRule low = rule(w, "a lab value below the reference range confirms a deficiency");
        assertEquals("LabResult(\"magnesium\", \"deficient\")", low.concludes());
        assertEquals(List.of("lab_magnesium_mmol_l"), low.failed().stream().map(Condition::question).toList());
        assertTrue(low.failed().get(0).text().contains("0.9"), low.failed().toString());
        CandidateRule adequate = rule(w, "a lab value in the reference range rules a deficiency out");
        assertTrue(adequate.failed().isEmpty() && adequate.unknown().isEmpty());
        assertTrue(adequate.met().stream().anyMatch(c -> "lab_magnesium_mmol_l".equals(c.question())));
    }

    @Test
    void aRuleBlockedByAnAdequateLabNamesTheLabBehindTheBlock() {
        // "low vitamin D impairs calcium absorption" needs no adequate vitamin D lab; this one is adequate.
        WhyNot w = whyNot(Map.of("sun_exposure", "limited", "lab_vitamin_d_ng_ml", 40), "calcium");
        CandidateRule link = rule(w, "low vitamin D impairs calcium absorption");
        assertTrue(link.failed().stream().anyMatch(c -> "lab_vitamin_d_ng_ml".equals(c.question())
                && c.text().contains("a lab value in the reference range rules a deficiency out")), link.toString());
    }

    @Test
    void aConditionOnAConclusionNotReachedNamesTheQuestionsOfTheRulesThatCouldReachIt() {
        WhyNot w = whyNot(Map.of("twitching", true), "potassium");
        assertNull(w.found());
        CandidateRule fluid = rule(w, "losing fluid depletes potassium");
        assertTrue(fluid.failed().isEmpty());
        List<String> waiting = fluid.unknown().stream().map(Condition::question).toList();
        assertTrue(waiting.containsAll(List.of("heavy_sweating", "symptoms", "medications")), waiting.toString());
    }

    @Test
    void answersGivenThatRuleAConclusionOutAreFailures() {
        WhyNot w = whyNot(Map.of("heavy_sweating", false, "symptoms", List.of(), "medications", List.of()), "potassium");
        CandidateRule fluid = rule(w, "losing fluid depletes potassium");
        assertTrue(fluid.unknown().isEmpty(), fluid.unknown().toString());
        assertEquals(List.of("heavy_sweating", "symptoms", "symptoms", "medications"),
                fluid.failed().stream().map(Condition::question).toList());
    }

    @Test
    void aRuleThatFiredHasOnlyMetConditions() {
        WhyNot w = whyNot(Map.of("twitching", true, "diet", "vegan"), "vitamin_b12");
        assertEquals("possible", w.found());
        CandidateRule vegan = rule(w, "a vegan diet raises the risk of low B12");
        assertTrue(vegan.failed().isEmpty() && vegan.unknown().isEmpty(), vegan.toString());
        assertEquals(2, vegan.met().size());
        assertTrue(vegan.met().stream().anyMatch(c -> "diet".equals(c.question())));
    }

    @Test
    void onlyRulesThatCanConcludeTheSubjectAreCandidates() {
        WhyNot w = whyNot(Map.of("twitching", true), "vitamin_b6");
        // No reference range for vitamin B6, so no lab rule can conclude it; every candidate concludes B6.
        assertTrue(w.rules().stream().allMatch(r -> r.concludes().contains("\"vitamin_b6\"")), w.toString());
        assertTrue(w.rules().stream().noneMatch(r -> r.concludes().startsWith("LabResult")));
        assertTrue(w.rules().stream().flatMap(WhyNotTest::all).allMatch(c -> c.text() != null && !c.text().isBlank()));
    }

    @Test
    void anUnknownSubjectListsTheKnownOnes() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> whyNot(Map.of("twitching", true), "magnesum"));
        String message = e.problems().get(0).message();
        assertEquals("magnesum", e.problems().get(0).value());
        assertTrue(message.contains("did you mean 'magnesium'"), message);
        assertTrue(message.contains("caffeine") && message.contains("paralysis"), message);
    }
}
