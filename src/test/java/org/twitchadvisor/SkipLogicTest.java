package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.internal.questions.SkipLogic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ask_if column: how it reads, what the rule check refuses (by file and line), and that it never rejects answers. */
class SkipLogicTest {
    static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    static Question question(String id) {
        return ADVISOR.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theBundledTableReadsAsTheArticlesAsk() {
        assertEquals(List.of(new AskIf("symptoms", "=", "tingling"), new AskIf("symptoms", "=", "numbness")),
                question("tingling_sites").askIf());
        assertEquals(List.of(new AskIf("urge_to_move_legs", "=", "yes")), question("relieved_by_movement").askIf());
        assertEquals(List.of(new AskIf("labs_tested", "=", "magnesium")), question("lab_magnesium_mmol_l").askIf());
        assertEquals(List.of(new AskIf("twitching", "=", "yes")), question("twitch_timing").askIf());
        assertTrue(question("symptoms").askIf().isEmpty());
        assertTrue(question("diet").askIf().isEmpty());
    }

    @Test
    void valuesOfOneQuestionAreAlternativesAndAnUnansweredGateKeepsTheQuestionClosed() {
        Question tingling = question("tingling_sites");
        assertTrue(SkipLogic.applies(tingling, Map.of("symptoms", List.of("numbness"))));
        assertTrue(SkipLogic.applies(tingling, Map.of("symptoms", List.of("cramps", "tingling"))));
        assertFalse(SkipLogic.applies(tingling, Map.of("symptoms", List.of("cramps"))));
        assertFalse(SkipLogic.applies(tingling, Map.of("symptoms", List.of())));
        assertFalse(SkipLogic.applies(tingling, Map.of()));
        Question relieved = question("relieved_by_movement");
        assertTrue(SkipLogic.applies(relieved, Map.of("urge_to_move_legs", true)));
        assertFalse(SkipLogic.applies(relieved, Map.of("urge_to_move_legs", false)));
        assertTrue(SkipLogic.applies(question("diet"), Map.of()));
    }

    @Test
    void conditionsOnDifferentQuestionsMustAllHold() {
        Question q = new Question("x", Question.Type.YES_NO, List.of(), "", null, null, "x?", List.of(
                new AskIf("twitching", "=", "yes"), new AskIf("diet", "=", "vegan"), new AskIf("diet", "=", "vegetarian"),
                new AskIf("caffeine_cups_per_day", "answered", null)));
        assertTrue(SkipLogic.applies(q, Map.of("twitching", true, "diet", "vegetarian", "caffeine_cups_per_day", 0)));
        assertFalse(SkipLogic.applies(q, Map.of("twitching", true, "diet", "omnivore", "caffeine_cups_per_day", 0)));
        assertFalse(SkipLogic.applies(q, Map.of("twitching", true, "diet", "vegan")));
    }

    @Test
    void assessAcceptsAnAnswerWhoseQuestionWouldNotHaveBeenAsked() {
        Questionnaire q = ADVISOR.readJson("{\"twitching\": false, \"twitch_sites\": [\"calf\"], \"lab_magnesium_mmol_l\": 0.6}");
        assertEquals("confirmed", ADVISOR.assess(q).findings().stream().filter(f -> f.subject().equals("magnesium"))
                .findFirst().orElseThrow().level());
        assertTrue(ADVISOR.fromCsvCells(Map.of("relieved_by_movement", "yes")).answers().containsKey("relieved_by_movement"));
    }

    static Stream<Arguments> badAskIf() {
        return Stream.of(
                Arguments.of("tingling_sites", "symptom=tingling", "data/questions.csv:15:1: error: question 'tingling_sites': "
                        + "ask_if names 'symptom', which is not a question of data/questions.csv (did you mean 'symptoms'?)"),
                Arguments.of("tingling_sites", "symptoms=tinglin|numbness", "data/questions.csv:15:1: error: question "
                        + "'tingling_sites': ask_if wants 'symptoms' to be 'tinglin', which is not one of its values (cramps, "
                        + "spasms, tingling, numbness, muscle_weakness, fatigue, headache, nausea, vomiting, diarrhea, "
                        + "loss_of_appetite, irregular_heartbeat, constipation, memory_problems, mood_changes, sore_tongue, "
                        + "dental_problems, bone_pain, sleep_problems, sustained_contractions, paralysis); did you mean 'tingling'?"),
                Arguments.of("relieved_by_movement", "urge_to_move_legs=true", "data/questions.csv:17:1: error: question "
                        + "'relieved_by_movement': ask_if wants 'urge_to_move_legs' to be 'true', which is not one of its "
                        + "values (yes, no)"),
                Arguments.of("stress", "caffeine_cups_per_day=5", "data/questions.csv:26:1: error: question 'stress': ask_if "
                        + "compares 'caffeine_cups_per_day', a number question, with '5'; for such a question write "
                        + "'caffeine_cups_per_day answered'"),
                Arguments.of("stress", "twitching yes", "data/questions.csv:26:1: error: question 'stress': ask_if "
                        + "'twitching yes' cannot be read at 'twitching yes'; write QUESTION=VALUE, QUESTION=VALUE|VALUE or "
                        + "QUESTION answered, several joined by &"),
                Arguments.of("stress", "twitching=yes &", "data/questions.csv:26:1: error: question 'stress': ask_if "
                        + "'twitching=yes &' cannot be read at ''; write QUESTION=VALUE, QUESTION=VALUE|VALUE or "
                        + "QUESTION answered, several joined by &"),
                Arguments.of("twitching", "twitch_sites answered", "data/questions.csv:7:1: error: question 'twitching': "
                        + "ask_if goes round in a circle (twitching waits on twitch_sites waits on twitching), so none of "
                        + "these questions would ever be asked"),
                Arguments.of("stress", "stress=high", "data/questions.csv:26:1: error: question 'stress': ask_if goes round "
                        + "in a circle (stress waits on stress), so none of these questions would ever be asked"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badAskIf")
    void theRuleCheckNamesFileLineAndWhatIsWrong(String question, String askIf, String expected, @TempDir Path tmp)
            throws IOException {
        Path rules = TestFolders.tablesOnly(tmp);
        Path table = rules.resolve("data/questions.csv");
        List<String> lines = Files.readAllLines(table);
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(question + ",")) {
                at = i;
            }
        }
        String row = lines.get(at);
        lines.set(at, row.substring(0, row.lastIndexOf(',') + 1) + "\"" + askIf + "\"");
        Files.write(table, lines);
        List<String> problems = assertThrows(InvalidRulesException.class, () -> TwitchAdvisor.fromDirectory(rules))
                .problems().stream().map(RuleProblem::toString).toList();
        assertEquals(List.of(expected), problems);
    }

    @Test
    void aTableWithoutTheColumnStillReadsAndAsksEverything(@TempDir Path tmp) throws IOException {
        Path rules = TestFolders.tablesOnly(tmp);
        Path table = rules.resolve("data/questions.csv");
        List<String> lines = Files.readAllLines(table).stream()
                .map(l -> l.startsWith("#") ? l : l.substring(0, l.lastIndexOf(','))).toList();
        Files.write(table, lines);
        TwitchAdvisor old = TwitchAdvisor.fromDirectory(rules);
        assertTrue(old.questions().stream().allMatch(q -> q.askIf().isEmpty()));
        assertTrue(old.catalog().warnings().stream().noneMatch(w -> w.file().equals("data/questions.csv")),
                old.catalog().warnings().toString());
    }
}
