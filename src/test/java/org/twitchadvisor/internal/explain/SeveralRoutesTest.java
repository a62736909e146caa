package org.twitchadvisor.internal.explain;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several routes to one conclusion count (docs/scoring.md, rule 3): each separate cause of fluid loss is a
 * vote through "losing fluid depletes potassium", although the fluid-loss rules between carry no weight.
 */
class SeveralRoutesTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    private static Finding finding(Map<String, ?> answers, String subject) {
        Assessment a = ADVISOR.assess(ADVISOR.questionnaire(answers));
        return a.findings().stream().filter(f -> f.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + subject + " finding for " + answers));
    }

    @Test
    void oneTwoAndThreeCausesOfFluidLossMakeLowPotassiumStrictlyMoreCertain() {
        double sweat = finding(Map.of("heavy_sweating", true), "potassium").score();
        double diuretic = finding(Map.of("medications", List.of("diuretic")), "potassium").score();
        double vomiting = finding(Map.of("symptoms", List.of("vomiting")), "potassium").score();
        double two = finding(Map.of("heavy_sweating", true, "medications", List.of("diuretic")), "potassium").score();
        double three = finding(Map.of("heavy_sweating", true, "medications", List.of("diuretic"),
                "symptoms", List.of("vomiting")), "potassium").score();
        // One cause: the link's weight alone.
        assertEquals(0.4, sweat);
        assertEquals(0.4, diuretic);
        assertEquals(0.4, vomiting);
        // Two and three independent votes of 0.4: 1 - 0.6^2 and 1 - 0.6^3.
        assertEquals(0.64, two);
        assertEquals(0.78, three);
        assertTrue(sweat < two && two < three);
    }

    @Test
    void theSecondRouteIsShownUnderTheOneNodeOfTheLink() {
        Finding potassium = finding(Map.of("heavy_sweating", true, "symptoms", List.of("vomiting", "diarrhea")),
                "potassium");
        assertEquals(1, potassium.because().size());
        assertEquals("losing fluid depletes potassium", potassium.because().get(0).rule());
        assertEquals(3, potassium.because().get(0).because().size());
        assertEquals(0.78, potassium.score());
    }

    @Test
    void twoCausesOfFluidLossAlsoStrengthenDehydration() {
        double one = finding(Map.of("heavy_sweating", true), "dehydration").score();
        double two = finding(Map.of("heavy_sweating", true, "symptoms", List.of("diarrhea")), "dehydration").score();
        assertEquals(0.3, one);
        assertEquals(0.51, two);
    }

    @Test
    void twoAnswersOfOneQuestionToOneRuleStillCountOnce() {
        // Tingling and numbness are one piece of B12 evidence (docs/scoring.md): unchanged by the routes rule.
        double one = finding(Map.of("symptoms", List.of("tingling")), "vitamin_b12").score();
        double both = finding(Map.of("symptoms", List.of("tingling", "numbness")), "vitamin_b12").score();
        assertEquals(one, both);
    }

    @Test
    void twoReasonsForLowVitaminDCombineBeforeTheCalciumLinkAppliesOnce() {
        double sun = finding(Map.of("sun_exposure", "limited"), "calcium").score();
        double sunAndFood = finding(Map.of("sun_exposure", "limited", "low_intake", List.of("fish")), "calcium").score();
        // Low vitamin D is a judgement of its own (weighted rules): 0.6 x 0.45, then 0.6 x (1 - 0.55 x 0.85).
        assertEquals(0.27, sun);
        assertEquals(0.32, sunAndFood);
    }
}
