package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a questionnaire can be wrong gets a message naming the question, the value and what is allowed. */
class QuestionnaireValidationTest {
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    private Problem onlyProblem(String json) {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class, () -> advisor.readJson(json));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    @Test
    void unknownQuestionIsNamedWithASuggestion() {
        Problem p = onlyProblem("{\"dietx\": \"vegan\"}");
        assertEquals("dietx", p.question());
        assertEquals("unknown question 'dietx' (did you mean 'diet'?)", p.message());
    }

    @Test
    void valueOutsideTheListNamesQuestionValueAndAllowedValues() {
        Problem p = onlyProblem("{\"diet\": \"vegn\"}");
        assertEquals("diet", p.question());
        assertEquals("vegn", p.value());
        assertEquals("question 'diet': 'vegn' is not one of omnivore, pescatarian, vegetarian, vegan", p.message());
    }

    @Test
    void anyOfValueOutsideTheListIsNamed() {
        Problem p = onlyProblem("{\"twitch_sites\": [\"calf\", \"knee\"]}");
        assertEquals("twitch_sites", p.question());
        assertEquals("knee", p.value());
        assertTrue(p.message().contains("'knee' is not one of leg, calf, foot, eyelid"), p.message());
    }

    @Test
    void yesNoMustBeYesOrNo() {
        Problem p = onlyProblem("{\"twitching\": \"maybe\"}");
        assertEquals("question 'twitching': 'maybe' is not yes or no (true or false)", p.message());
    }

    @Test
    void numberMustBeANumber() {
        Problem p = onlyProblem("{\"caffeine_cups_per_day\": \"lots\"}");
        assertEquals("question 'caffeine_cups_per_day': 'lots' is not a number in cups", p.message());
    }

    @Test
    void numberMustBeInRange() {
        Problem p = onlyProblem("{\"caffeine_cups_per_day\": 80}");
        assertEquals("question 'caffeine_cups_per_day': 80 is outside the allowed range 0 to 50 cups", p.message());
    }

    @Test
    void wrongJsonTypeIsNamed() {
        Problem p = onlyProblem("{\"twitch_sites\": 3}");
        assertEquals("question 'twitch_sites': '3' is not a list of values from leg, calf, foot, eyelid, hand, arm, face, other",
                p.message());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        Problem p = onlyProblem("{\n  \"diet\": \"vegan\",\n  \"twitching\" true\n}");
        assertTrue(p.message().startsWith("invalid JSON at line 3, column "), p.message());
    }

    @Test
    void aQuestionnaireMustBeAnObject() {
        assertEquals("a questionnaire must be a JSON object of question id to answer, not array",
                onlyProblem("[1, 2]").message());
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> advisor.readJson("{\"diet\": \"vegn\", \"stress\": \"extreme\", \"colour\": \"red\"}"));
        assertEquals(List.of("diet", "stress", "colour"), e.problems().stream().map(Problem::question).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"twitching\": true}|true",
            "{\"twitching\": \"yes\"}|true",
            "{\"twitching\": \" YES \"}|true",
            "{\"twitching\": false}|false",
            "{\"twitching\": \"No\"}|false"})
    void yesNoAcceptsBooleansAndWordsInAnyCase(String json, boolean expected) {
        assertEquals(expected, advisor.readJson(json).answers().get("twitching"));
    }

    @Test
    void valuesAreCaseInsensitiveAndTrimmed() {
        Questionnaire q = advisor.readJson("{\"diet\": \" Vegan \", \"twitch_sites\": [\"CALF\", \" foot\"]}");
        assertEquals("vegan", q.answers().get("diet"));
        assertEquals(List.of("calf", "foot"), q.answers().get("twitch_sites"));
    }

    @Test
    void nullMeansNotAnsweredAndAnEmptyListMeansNone() {
        Questionnaire q = advisor.readJson("{\"diet\": null, \"symptoms\": [], \"supplements\": [\"none\"]}");
        assertFalse(q.answers().containsKey("diet"));
        assertEquals(List.of(), q.answers().get("symptoms"));
        assertEquals(List.of(), q.answers().get("supplements"));
    }

    @Test
    void csvCellsFollowTheContract() {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("respondent", "r1");
        cells.put("twitching", "1");
        cells.put("twitch_sites", "calf;foot");
        cells.put("symptoms", "none");
        cells.put("diet", "");
        cells.put("caffeine_cups_per_day", "2.5");
        Questionnaire q = advisor.fromCsvCells(cells);
        assertEquals("r1", q.respondent());
        assertEquals(Boolean.TRUE, q.answers().get("twitching"));
        assertEquals(List.of("calf", "foot"), q.answers().get("twitch_sites"));
        assertEquals(List.of(), q.answers().get("symptoms"));
        assertFalse(q.answers().containsKey("diet"), "an empty cell is not answered");
        assertEquals(new BigDecimal("2.5"), q.answers().get("caffeine_cups_per_day"));
    }

    @Test
    void javaMapsAreValidatedTheSameWay() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> advisor.questionnaire(Map.of("alcohol", "lots")));
        assertEquals("question 'alcohol': 'lots' is not one of none, moderate, heavy", e.problems().get(0).message());
    }
}
