package org.twitchadvisor;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.twitchadvisor.internal.explain.TextRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the public facade with questionnaires: {@code readJson}, then {@code assess}, {@code toJson} and
 * {@code toText} of whatever is accepted. Invariants: bad input is an {@link InvalidQuestionnaireException} whose
 * every message is for a person; nothing else escapes; accepted input gives valid JSON and text whose size is
 * bounded by the input's, however its numbers were written.
 *
 * <p>{@code mvn test} runs the seeds in {@code src/test/resources/org/twitchadvisor/QuestionnaireFuzzTestInputs}
 * (regression mode); docs/batch.md says how to fuzz for longer.
 */
@Order(Integer.MAX_VALUE)
class QuestionnaireFuzzTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void questionnaireBytes(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        check(() -> ADVISOR.readJson(input), text);
        check(() -> ADVISOR.readJson(text), text);
    }

    @FuzzTest(maxDuration = "60s")
    void questionnaireFromTheCatalogue(FuzzedDataProvider data) {
        String json = FuzzInputs.questionnaireJson(data, ADVISOR.questions(), true);
        check(() -> ADVISOR.readJson(json), json);
    }

    private static void check(Supplier<Questionnaire> read, String input) {
        Questionnaire q;
        try {
            q = read.get();
        } catch (InvalidQuestionnaireException e) {
            assertFalse(e.problems().isEmpty(), "an exception without problems");
            for (Problem p : e.problems()) {
                FuzzInputs.assertPlain(p.message(), input);
            }
            FuzzInputs.assertPlain(e.getMessage(), input);
            return;
        }
        Assessment a = ADVISOR.assess(q);
        String json = ADVISOR.toJson(a);
        JsonNode back;
        try {
            back = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the output contract is not valid JSON: " + json, e);
        }
        assertEquals(q.respondent(), back.get("respondent").textValue());
        String text = ADVISOR.toText(a);
        assertTrue(text.endsWith(TextRenderer.DISCLAIMER + "\n"), "the disclaimer ends the text");
        // An assessment of the bundled rules is a few kilobytes plus what it quotes from the answers.
        long bound = 200_000 + 20L * input.length();
        assertTrue(json.length() < bound && text.length() < bound, "output of " + text.length() + " characters");
    }
}
