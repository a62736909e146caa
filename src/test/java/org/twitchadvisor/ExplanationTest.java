package org.twitchadvisor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The because-trees come from what fired: rule, claim, sources, matched answers and sub-derivations. */
class ExplanationTest {
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    private Assessment assess(String json) {
        return advisor.assess(advisor.readJson(json));
    }

    static Optional<Finding> finding(Assessment a, String type, String subject) {
        return a.findings().stream().filter(f -> f.type().equals(type) && f.subject().equals(subject)).findFirst();
    }

    @Test
    void limitedSunLowersVitaminDWhichLowersCalciumAbsorption() {
        Assessment a = assess("{\"sun_exposure\": \"limited\"}");
        Finding calcium = finding(a, "deficiency", "calcium").orElseThrow();
        assertEquals(1, calcium.because().size());
        Explanation chain = calcium.because().get(0);
        assertEquals("low vitamin D impairs calcium absorption", chain.rule());
        assertEquals(List.of("000", "001", "002", "003", "004"), chain.sources());
        assertEquals(Map.of(), chain.answers(), "the chain rule rests on a conclusion, not on answers");
        assertEquals(1, chain.because().size());
        Explanation leaf = chain.because().get(0);
        assertEquals("limited sun exposure lowers vitamin D", leaf.rule());
        assertEquals(Map.of("sun_exposure", "limited"), leaf.answers());
        assertEquals(List.of(), leaf.because());
        assertTrue(leaf.claim().length() > 20);
        // chained certainty: 0.6 x 0.45
        assertEquals(0.27, calcium.score(), 1e-9);
        Finding vitaminD = finding(a, "deficiency", "vitamin_d").orElseThrow();
        assertEquals(0.45, vitaminD.score(), 1e-9);
    }

    @Test
    void anyOfAnswersListOnlyTheMatchedValuesAndYesNoIsABoolean() {
        Assessment a = assess("{\"twitching\": true, \"symptoms\": [\"sore_tongue\", \"headache\"], \"heavy_sweating\": true}");
        Explanation tongue = finding(a, "deficiency", "vitamin_b12").orElseThrow().because().get(0);
        assertEquals("a sore tongue points to low B12", tongue.rule());
        assertEquals(Map.of("symptoms", List.of("sore_tongue")), tongue.answers());
        Explanation fluid = finding(a, "deficiency", "potassium").orElseThrow().because().get(0);
        assertEquals(Map.of("heavy_sweating", true), fluid.because().get(0).answers());
    }

    @Test
    void aReferenceValueAddsItsSourceAndTheNumberAsGiven() {
        Assessment a = assess("{\"caffeine_cups_per_day\": 6}");
        Explanation e = finding(a, "lifestyle", "caffeine").orElseThrow().because().get(0);
        assertEquals("excessive caffeine over-excites the nerves", e.rule());
        assertTrue(e.sources().contains("fda-caffeine-400mg"), e.sources().toString());
        assertEquals("{\"caffeine_cups_per_day\":6}", advisorJson(e.answers()));
    }

    @Test
    void aRuleThatDidNotFireIsNotInTheTree() {
        Assessment a = assess("{\"caffeine_cups_per_day\": 4}");
        assertTrue(finding(a, "lifestyle", "caffeine").isEmpty(), "4 cups is not more than the limit of 4");
        assertTrue(a.findings().isEmpty(), a.findings().toString());
        assertEquals(Triage.SELF_CARE, a.triage());
    }

    @Test
    void aRuleFiringForTwoCausesIsOneNodeWithBothCausesBelowIt() {
        // Two vitamin D causes: the chain rule fires twice; it stays one piece of calcium evidence whose
        // premise combines both causes, and each cause keeps its own explanation below it.
        Assessment a = assess("{\"sun_exposure\": \"limited\", \"low_intake\": [\"fish\"]}");
        Finding calcium = finding(a, "deficiency", "calcium").orElseThrow();
        assertEquals(1, calcium.because().size());
        Explanation chain = calcium.because().get(0);
        assertEquals("low vitamin D impairs calcium absorption", chain.rule());
        assertEquals(List.of("limited sun exposure lowers vitamin D", "rarely eating vitamin D foods limits vitamin D intake"),
                chain.because().stream().map(Explanation::rule).toList());
        assertEquals(Math.round(100 * 0.6 * (1 - (1 - 0.45) * (1 - 0.15))) / 100.0, calcium.score());
    }

    @Test
    void twoAnswersMatchedByOneRuleCountOnce() {
        Assessment a = assess("{\"symptoms\": [\"tingling\", \"numbness\"]}");
        Finding b12 = finding(a, "deficiency", "vitamin_b12").orElseThrow();
        assertEquals(1, b12.because().size());
        assertEquals(Map.of("symptoms", List.of("tingling", "numbness")), b12.because().get(0).answers());
        assertEquals(0.3, b12.score());
    }

    @Test
    void aNormalLabValueRulesTheDeficiencyOutAndStopsTheChain() {
        Assessment a = assess("{\"sun_exposure\": \"limited\", \"lab_vitamin_d_ng_ml\": 35}");
        Finding d = finding(a, "deficiency", "vitamin_d").orElseThrow();
        assertEquals("ruled_out", d.level());
        assertEquals(0.0, d.score());
        assertEquals("a lab value in the reference range rules a deficiency out", d.because().get(0).rule());
        assertTrue(finding(a, "deficiency", "calcium").isEmpty(), "no calcium chain from a vitamin D ruled out");
        assertTrue(d.advice().isEmpty(), "no food advice for a nutrient ruled out: " + d.advice());
    }

    @Test
    void aLowLabValueConfirms() {
        Assessment a = assess("{\"lab_potassium_mmol_l\": 3.1}");
        Finding k = finding(a, "deficiency", "potassium").orElseThrow();
        assertEquals("confirmed", k.level());
        assertEquals(Triage.SEE_DOCTOR, a.triage());
        assertTrue(k.because().get(0).sources().contains("nih-ods-potassium"));
    }

    private String advisorJson(Map<String, Object> answers) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(answers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
