package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Consultation;
import org.twitchadvisor.NextQuestion;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.StopRule;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch interview} with scripted standard input, as a person at a terminal or a script would drive it. */
class InterviewCommandTest {
    static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    static final String EXAMPLE = "facts/examples/vegan-runner.json";

    /** The lines a person with this file would type: each proposed question's answer from the file, or skip. */
    static String script(Questionnaire full) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Set<String> skipped = new HashSet<>();
        StringBuilder typed = new StringBuilder();
        Consultation step = ADVISOR.consultation(new Questionnaire(null, answers), skipped, StopRule.ALL_FINDINGS);
        while (!step.stop()) {
            NextQuestion q = step.next().get(0);
            Object value = full.answers().get(q.question());
            if (value == null) {
                skipped.add(q.question());
                typed.append("skip\n");
            } else {
                answers.put(q.question(), value);
                typed.append(cell(value)).append('\n');
            }
            step = ADVISOR.consultation(new Questionnaire(null, answers), skipped, StopRule.ALL_FINDINGS);
        }
        return typed.toString();
    }

    /** The result that counts: triage and each finding's type, subject and level. */
    static final class ConsultationResults {
        static Map<String, String> of(Assessment a) {
            Map<String, String> r = new java.util.TreeMap<>();
            r.put("triage", a.triage().id());
            a.findings().forEach(f -> r.put(f.type() + ":" + f.subject(), f.level()));
            return r;
        }
    }

    static String cell(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof List<?> l) {
            return l.isEmpty() ? "none" : String.join(",", l.stream().map(String::valueOf).toList());
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    @Test
    void aWholeConsultationEndsWithTheAssessmentOfTheWholeFile(@TempDir Path tmp) throws IOException {
        Questionnaire full = ADVISOR.readJson(Files.readAllBytes(Path.of(EXAMPLE)));
        Path saved = tmp.resolve("runner.json");
        CliRun run = CliRun.runWithInput(script(full) + "how 1\nquit\n", "interview", "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Nothing you could still answer would change the result."), run.out());
        // Questions whose answers would only move a score are not asked, so the scores may differ from the whole
        // file's; the triage, the findings and their levels may not.
        Assessment interviewed = ADVISOR.assess(ADVISOR.readJson(Files.readAllBytes(saved)));
        assertEquals(ConsultationResults.of(ADVISOR.assess(full)), ConsultationResults.of(interviewed));
        String text = ADVISOR.toText(interviewed);
        assertTrue(run.out().contains(text.substring(text.indexOf("Triage:"))), "the text of the saved answers' "
                + "assessment:\n" + run.out());
        assertTrue(run.out().contains(ADVISOR.howText(interviewed, 1)), "how 1 prints finding 1's tree");
        // assess reads what was saved.
        CliRun assess = CliRun.run("assess", "--format", "json", saved.toString());
        assertEquals(0, assess.exitCode(), assess.err());
        assertEquals(ADVISOR.toPrettyJson(interviewed) + System.lineSeparator(), assess.out());
    }

    @Test
    void aBadValueIsNamedAndAskedAgainWithNothingLost(@TempDir Path tmp) throws IOException {
        Path start = tmp.resolve("start.json");
        Files.writeString(start, "{\"twitching\": true, \"diet\": \"vegan\"}");
        Path saved = tmp.resolve("out.json");
        CliRun run = CliRun.runWithInput("cramps;tinglin\n99\n1,3\n", "interview", "--answers", start.toString(),
                "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("question 'symptoms': 'tinglin' is not one of cramps, spasms, tingling"), run.out());
        assertTrue(run.out().contains("question 'symptoms': '99' is not one of cramps"), run.out());
        assertTrue(run.out().contains("Please answer again: numbers 1 to 21 (like 1,3), the values, or none"), run.out());
        assertTrue(run.out().contains("End of input: the result of the answers so far."), run.out());
        Questionnaire back = ADVISOR.readJson(Files.readAllBytes(saved));
        assertEquals(Map.of("twitching", true, "diet", "vegan", "symptoms", List.of("cramps", "tingling")), back.answers());
        assertEquals("out", back.respondent());
    }

    @Test
    void backTakesTheLastAnswerBackAndSkipIsNeverAskedAgain(@TempDir Path tmp) throws IOException {
        Path saved = tmp.resolve("out.json");
        // First question from nothing is symptoms: answer, go back, answer differently; then skip the next one.
        Consultation first = ADVISOR.consultation(new Questionnaire(null, Map.of()));
        assertEquals("symptoms", first.next().get(0).question());
        CliRun run = CliRun.runWithInput("1\nback\n6\nskip\n", "interview", "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Back to 'symptoms': your answer to it is taken back."), run.out());
        Questionnaire back = ADVISOR.readJson(Files.readAllBytes(saved));
        assertEquals(Map.of("symptoms", List.of("fatigue")), back.answers());
        String skippedId = ADVISOR.consultation(new Questionnaire(null, Map.of("symptoms", List.of("fatigue"))))
                .next().get(0).question();
        List<String> asked = run.lines().stream().filter(l -> l.matches(".* \\[[a-z0-9_]+\\]"))
                .map(l -> l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).toList();
        assertEquals(List.of("symptoms", skippedId, "symptoms", skippedId), asked.subList(0, 4), run.out());
        assertFalse(asked.subList(4, asked.size()).contains(skippedId), "a skipped question is asked again:\n" + run.out());
        assertEquals(5, asked.size(), run.out());
        assertTrue(run.out().contains("You answered 1 question and skipped 1."), run.out());
    }

    @Test
    void whyIsAnsweredAtThePromptAndQuitShowsTheResult() {
        CliRun run = CliRun.runWithInput("?\nquit\nhow 9\nquit\n", "interview", "--answers", EXAMPLE);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Starting from 13 answers in " + EXAMPLE), run.out());
        assertTrue(run.out().contains("  - If you answer "), run.out());
        assertTrue(run.out().contains("Twitch Advisor assessment for vegan-runner"), run.out());
        assertTrue(run.out().contains("there is no finding 9; the findings are numbered 1 to "), run.out());
    }

    @Test
    void aBadAnswersFileIsNamed(@TempDir Path tmp) throws IOException {
        Path start = tmp.resolve("start.json");
        Files.writeString(start, "{\"diet\": \"vegn\"}");
        CliRun run = CliRun.runWithInput("", "interview", "--answers", start.toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode());
        assertEquals("twitch: " + start + ": question 'diet': 'vegn' is not one of omnivore, pescatarian, vegetarian, vegan"
                + System.lineSeparator(), run.err());
    }

    @Test
    void theStopRuleOptionReachesTheLibrary() throws IOException {
        Questionnaire start = ADVISOR.readJson("{\"twitching\": true, \"symptoms\": [\"cramps\"], \"diet\": \"vegan\"}");
        for (StopRule rule : StopRule.values()) {
            Consultation step = ADVISOR.consultation(start, Set.of(), rule);
            Path file = Files.createTempFile("start", ".json");
            Files.writeString(file, ADVISOR.toJson(start));
            String out = CliRun.runWithInput("", "interview", "--stop", rule == StopRule.DECISIVE ? "decisive" : "all",
                    "--answers", file.toString()).out();
            Files.delete(file);
            assertTrue(out.contains("[" + step.next().get(0).question() + "]"), rule + ":\n" + out);
        }
    }

    @Test
    void afterTheResultWhyNotWhatIfAndHowFollowTheText() throws IOException {
        String file = "facts/examples/tetany-urgent.json";
        CliRun run = CliRun.runWithInput("quit\nhow 1\nwhynot magnesium\nwhynot magnesum\nwhatif caffeine_cups_per_day=0\n"
                + "whatif diet=vegn\nquit\n", "interview", "--answers", file);
        assertEquals(0, run.exitCode(), run.err());
        Questionnaire q = ADVISOR.readJson(Files.readAllBytes(Path.of(file)));
        // Urgent: the text lists the red flags first, and how 1 is the first finding the person reads there.
        String how = ADVISOR.howText(ADVISOR.assess(q), 1);
        assertTrue(how.startsWith("1. [red flag] "), how);
        assertTrue(run.out().contains(how), run.out());
        assertTrue(run.out().contains(ADVISOR.toText(ADVISOR.whyNot(q, "magnesium"))), run.out());
        assertTrue(run.out().contains("'magnesum'"), run.out());
        assertTrue(run.out().contains(ADVISOR.toText(ADVISOR.whatIf(q, Map.of("caffeine_cups_per_day", "0"), Set.of()))),
                run.out());
        assertTrue(run.out().contains("question 'diet': 'vegn' is not one of omnivore, pescatarian, vegetarian, vegan."),
                run.out());
    }
}
