package org.twitchadvisor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consultation on the example people: starting from {@code {"twitching": true}} and answering each proposed
 * question from the person's file (skipping it when the file has no answer), it must end where {@code assess} on
 * the whole file ends, asking fewer questions than the table has; and at every stop no single answer to any open
 * question may change the triage or a finding's level.
 */
class ConsultationTest {
    static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    /** Example, stop rule -> questions asked / answered, printed at the end for the closing note. */
    private static final Map<String, String> COUNTS = new ConcurrentSkipListMap<>();

    static List<Path> examples() throws IOException {
        return DeterminismTest.examples();
    }

    /** The result that counts: triage and each finding's type, subject and level. */
    static Map<String, String> result(Assessment a) {
        Map<String, String> r = new TreeMap<>();
        r.put("triage", a.triage().id());
        a.findings().forEach(f -> r.put(f.type() + ":" + f.subject(), f.level()));
        return r;
    }

    /** A whole consultation answered from a file: where it stopped, with what, after asking what. */
    record Run(Consultation end, Questionnaire answers, Set<String> skipped, List<String> asked) {
    }

    static Run interview(Questionnaire full, StopRule stopRule) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("twitching", Boolean.TRUE);
        Set<String> skipped = new HashSet<>();
        List<String> asked = new ArrayList<>();
        Consultation step = ADVISOR.consultation(new Questionnaire(full.respondent(), answers), skipped, stopRule);
        while (!step.stop()) {
            String q = step.next().get(0).question();
            assertFalse(asked.contains(q), "question " + q + " was proposed twice: " + asked);
            asked.add(q);
            if (full.answers().containsKey(q)) {
                answers.put(q, full.answers().get(q));
            } else {
                skipped.add(q);
            }
            step = ADVISOR.consultation(new Questionnaire(full.respondent(), answers), skipped, stopRule);
        }
        return new Run(step, new Questionnaire(full.respondent(), answers), skipped, asked);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theConsultationEndsWhereTheWholeFileDoes(Path example) throws IOException {
        Questionnaire full = ADVISOR.readJson(Files.readString(example));
        Assessment whole = ADVISOR.assess(full);
        int table = ADVISOR.questions().size();
        for (StopRule rule : StopRule.values()) {
            Run run = interview(full, rule);
            Consultation end = run.end();
            List<String> asked = run.asked();
            long answered = asked.stream().filter(full.answers()::containsKey).count();
            COUNTS.put(example.getFileName() + " " + rule.id(), asked.size() + " asked (" + answered + " answered from "
                    + "the file, " + (asked.size() - answered) + " skipped) of " + table + " questions; the file answers "
                    + full.answers().size());
            assertTrue(asked.size() < table, example + ": asked " + asked.size() + " of " + table);
            if (rule == StopRule.ALL_FINDINGS) {
                assertEquals(result(whole), result(end.assessment()), example + " after asking " + asked);
            } else {
                // The quicker rule promises only that no single answer changes the triage or a decisive finding; a
                // finding that needs two more answers to become likely may stay unfound. The triage must be right.
                assertEquals(whole.triage(), end.assessment().triage(), example + " (decisive) after asking " + asked);
                Map<String, String> missed = new TreeMap<>(result(whole));
                missed.entrySet().removeAll(result(end.assessment()).entrySet());
                COUNTS.merge(example.getFileName() + " " + rule.id(), "; differs from the whole file in " + missed,
                        String::concat);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StopRule.class)
    void atTheStopNoSingleAnswerChangesTriageOrALevel(StopRule rule) throws IOException {
        for (Path example : examples()) {
            Questionnaire full = ADVISOR.readJson(Files.readString(example));
            Run run = interview(full, rule);
            assertTrue(run.end().next().isEmpty());
            Map<String, String> now = result(run.end().assessment());
            Questionnaire reached = run.answers();
            for (Question q : ADVISOR.questions()) {
                if (reached.answers().containsKey(q.id()) || run.skipped().contains(q.id()) || !applies(q, reached)) {
                    continue;
                }
                for (Object value : allowed(q)) {
                    Map<String, Object> with = new LinkedHashMap<>(reached.answers());
                    with.put(q.id(), value);
                    Map<String, String> then = result(ADVISOR.assess(new Questionnaire(null, with)));
                    String what = example.getFileName() + " after " + run.asked() + ": " + q.id() + "=" + value;
                    if (rule == StopRule.DECISIVE) {
                        assertEquals(now.get("triage"), then.get("triage"), what + " changes the triage");
                        for (String key : union(now.keySet(), then.keySet())) {
                            if (decisive(now.get(key)) || decisive(then.get(key))) {
                                assertEquals(now.get(key), then.get(key), what + " changes " + key);
                            }
                        }
                    } else {
                        assertEquals(now, then, what + " changes the result");
                    }
                }
            }
        }
    }

    private static boolean decisive(String level) {
        return level != null && List.of("likely", "confirmed", "ruled_out").contains(level);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static boolean applies(Question q, Questionnaire answers) {
        return org.twitchadvisor.internal.questions.SkipLogic.applies(q, answers.answers());
    }

    /** Every allowed answer: yes/no, each value, each any-of value alone and none, numbers across the range. */
    static List<Object> allowed(Question q) {
        List<Object> values = new ArrayList<>();
        switch (q.type()) {
            case YES_NO -> values.addAll(List.of(true, false));
            case ONE_OF -> values.addAll(q.values());
            case ANY_OF -> {
                q.values().forEach(v -> values.add(List.of(v)));
                values.add(List.of());
            }
            case NUMBER -> {
                // A fine grid over the whole range, independent of the thresholds the consultation tries.
                BigDecimal step = q.max().subtract(q.min()).divide(BigDecimal.valueOf(1000));
                for (BigDecimal v = q.min(); v.compareTo(q.max()) <= 0; v = v.add(step)) {
                    values.add(v);
                }
            }
            default -> { }
        }
        return values;
    }

    @Test
    void anUnknownSkippedQuestionIsNamed() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class, () -> ADVISOR.consultation(
                ADVISOR.readJson("{\"twitching\": true}"), Set.of("dieet"), StopRule.ALL_FINDINGS));
        assertEquals("skipped question 'dieet' is not a question; did you mean 'diet'?", e.getMessage());
    }

    @AfterAll
    static void printCounts() {
        System.out.println("Questions asked per example (consultation from {\"twitching\": true}, asked = answered + skipped):");
        COUNTS.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }
}
