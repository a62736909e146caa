package org.twitchadvisor.internal.consult;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.Change;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.WhatIf;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What-if on the bundled rules: the questions people ask ("if I stopped the diuretic"), and bad changes. */
class WhatIfTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    private static Questionnaire answers(Map<String, ?> answers) {
        return ADVISOR.questionnaire(answers);
    }

    private static boolean has(WhatIf w, String kind, String subject) {
        return w.changes().stream().anyMatch(c -> c.kind().equals(kind) && subject.equals(c.subject()));
    }

    @Test
    void stoppingTheDiureticRemovesTheFindingsItWasTheOnlyCauseOf() {
        Questionnaire q = answers(Map.of("twitching", true, "medications", List.of("diuretic")));
        WhatIf stopped = ADVISOR.whatIf(q, Map.of("medications", List.of()), Set.of());
        assertTrue(has(stopped, Change.FINDING_REMOVED, "potassium"), stopped.changes().toString());
        assertTrue(has(stopped, Change.FINDING_REMOVED, "medication"), stopped.changes().toString());
        assertTrue(stopped.after().findings().stream().noneMatch(f -> f.subject().equals("potassium")));
        assertEquals(new Change(Change.FINDING_REMOVED, "potassium", "possible", null),
                stopped.changes().stream().filter(c -> "potassium".equals(c.subject())).findFirst().orElseThrow());
        // Removing the answer altogether says the same.
        assertEquals(stopped.changes(), ADVISOR.whatIf(q, Map.of(), Set.of("medications")).changes());
    }

    @Test
    void stoppingOneOfTwoCausesOfFluidLossLowersThePotassiumScore() {
        Questionnaire q = answers(Map.of("heavy_sweating", true, "medications", List.of("diuretic")));
        WhatIf w = ADVISOR.whatIf(q, Map.of("medications", "none"), Set.of());
        assertTrue(w.changes().contains(new Change(Change.SCORE_CHANGED, "potassium", 0.64, 0.4)), w.changes().toString());
    }

    @Test
    void takingAB12SupplementOnAVeganDietWeakensTheB12Finding() {
        Questionnaire q = answers(Map.of("twitching", true, "diet", "vegan"));
        WhatIf w = ADVISOR.whatIf(q, Map.of("supplements", "vitamin_b12"), Set.of());
        double before = score(w, true);
        double after = score(w, false);
        assertTrue(after < before, before + " -> " + after);
        assertTrue(w.changes().contains(new Change(Change.SCORE_CHANGED, "vitamin_b12", before, after)));
        assertEquals(List.of(new Change(Change.SCORE_CHANGED, "vitamin_b12", 0.45, 0.1)), w.changes());
        assertEquals("a B12 supplement lessens the B12 risk of a plant-based diet", w.after().findings().stream()
                .filter(f -> f.subject().equals("vitamin_b12")).findFirst().orElseThrow().because().get(0).rule());
    }

    private static double score(WhatIf w, boolean before) {
        return (before ? w.before() : w.after()).findings().stream().filter(f -> f.subject().equals("vitamin_b12"))
                .findFirst().orElseThrow().score();
    }

    @Test
    void aRedFlagAddedRaisesTheTriage() {
        Questionnaire q = answers(Map.of("twitching", true));
        WhatIf w = ADVISOR.whatIf(q, Map.of("symptoms", "paralysis"), Set.of());
        assertEquals(new Change(Change.TRIAGE_CHANGED, null, "self_care", "urgent"), w.changes().get(0));
        assertTrue(has(w, Change.FINDING_ADDED, "paralysis"));
    }

    @Test
    void noChangeGivesNoChanges() {
        Questionnaire q = answers(Map.of("twitching", true, "diet", "vegan"));
        WhatIf w = ADVISOR.whatIf(q, Map.of("diet", "VEGAN "), Set.of());
        assertEquals(List.of(), w.changes());
        assertEquals(w.before(), w.after());
    }

    @Test
    void changedValuesAreValidatedAsQuestionnaireInput() {
        Questionnaire q = answers(Map.of("twitching", true));
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> ADVISOR.whatIf(q, Map.of("diet", "carnivore", "caffeine_cups_per_day", "lots"), Set.of("twiching")));
        // The same messages as reading the same answers in a questionnaire.
        InvalidQuestionnaireException direct = assertThrows(InvalidQuestionnaireException.class,
                () -> ADVISOR.questionnaire(Map.of("diet", "carnivore", "caffeine_cups_per_day", "lots")));
        for (Problem p : direct.problems()) {
            assertTrue(e.problems().contains(p), e.problems() + " lacks " + p);
        }
        assertTrue(e.problems().stream().anyMatch(p -> p.message().contains("vegan")), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> "twiching".equals(p.question())
                && p.message().contains("did you mean 'twitching'")), e.getMessage());
    }

    @Test
    void aQuestionBothSetAndRemovedIsRefused() {
        Questionnaire q = answers(Map.of("twitching", true));
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> ADVISOR.whatIf(q, Map.of("diet", "vegan"), Set.of("diet")));
        assertEquals("diet", e.problems().get(0).question());
    }
}
