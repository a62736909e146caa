package org.twitchadvisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consultation API as embedders and the HTTP server use it: the JSON a plain ObjectMapper writes is the agreed
 * contract, the example in docs/consultation.md runs, and one advisor serves several threads.
 */
class ConsultationApiTest {
    static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void aPlainObjectMapperWritesTheContract() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Consultation c = ADVISOR.consultation(ADVISOR.readJson("{\"twitching\": true, \"symptoms\": [\"cramps\"], "
                + "\"labs_tested\": [\"magnesium\"]}"));
        JsonNode json = mapper.readTree(mapper.writeValueAsString(c));
        assertEquals(List.of("assessment", "next", "stop"), fields(json));
        // The nested assessment is exactly the output contract.
        assertEquals(mapper.readTree(ADVISOR.toJson(c.assessment())), json.get("assessment"));
        assertFalse(json.get("stop").asBoolean());
        JsonNode lab = null;
        for (JsonNode q : json.get("next")) {
            if (q.get("question").asText().equals("lab_magnesium_mmol_l")) {
                lab = q;
            }
            if (q.get("type").asText().equals("yes_no")) {
                assertEquals(List.of("question", "text", "type", "values", "why", "waiting"), fields(q));
                assertEquals("[\"yes\",\"no\"]", q.get("values").toString());
            }
        }
        assertTrue(lab != null, json.toString());
        assertEquals(List.of("question", "text", "type", "values", "unit", "min", "max", "why", "waiting"), fields(lab));
        assertEquals("mmol/L", lab.get("unit").asText());
        assertEquals(0, lab.get("min").asInt());
        assertEquals(10, lab.get("max").asInt());
        JsonNode waiting = lab.get("waiting").get(0);
        assertEquals(List.of("rule", "claim", "sources", "effect", "subject", "answers"), fields(waiting));
        Set<String> effects = new HashSet<>();
        lab.get("waiting").forEach(w -> effects.add(w.get("effect").asText()));
        assertTrue(effects.containsAll(List.of("raises triage", "confirms", "rules out")), effects.toString());
        // Skip logic on the public question record, as GET /api/questions will show it.
        Question tingling = ADVISOR.questions().stream().filter(q -> q.id().equals("tingling_sites")).findFirst().orElseThrow();
        assertEquals("[{\"question\":\"symptoms\",\"operator\":\"=\",\"value\":\"tingling\"},"
                + "{\"question\":\"symptoms\",\"operator\":\"=\",\"value\":\"numbness\"}]",
                mapper.writeValueAsString(tingling.askIf()));
        assertEquals("\"decisive\"", mapper.writeValueAsString(StopRule.DECISIVE));
    }

    @Test
    void theStopIsAnEmptyList() throws IOException {
        Questionnaire all = ADVISOR.readJson(Files.readAllBytes(Path.of("facts/examples/night-cramps.json")));
        Set<String> skipped = new HashSet<>();
        ADVISOR.questions().forEach(q -> skipped.add(q.id()));
        Consultation c = ADVISOR.consultation(all, skipped, StopRule.ALL_FINDINGS);
        assertTrue(c.stop());
        assertEquals("[]", new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(c)).get("next").toString());
    }

    @Test
    void oneAdvisorServesManyThreads() throws Exception {
        Questionnaire start = ADVISOR.readJson("{\"twitching\": true, \"diet\": \"vegan\"}");
        String expected = new ObjectMapper().writeValueAsString(ADVISOR.consultation(start));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> new ObjectMapper().writeValueAsString(ADVISOR.consultation(start))));
            }
            for (Future<String> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEmbeddingExampleRuns() {
        List<String> printed = new ArrayList<>();
        // consultation-example
        TwitchAdvisor advisor = TwitchAdvisor.bundled();              // thread-safe; share one
        Map<String, Object> answers = new java.util.LinkedHashMap<>(Map.of("twitching", true));
        Set<String> skipped = new HashSet<>();
        Consultation step = advisor.consultation(advisor.questionnaire(answers), skipped, StopRule.ALL_FINDINGS);
        while (!step.stop()) {
            NextQuestion next = step.next().get(0);                   // most urgent first
            printed.add(next.question() + ": " + next.text());        // next.why() says why it is asked
            if (next.question().equals("symptoms")) {
                answers.put("symptoms", List.of("cramps", "fatigue"));
            } else {
                skipped.add(next.question());                         // never proposed again
            }
            step = advisor.consultation(advisor.questionnaire(answers), skipped, StopRule.ALL_FINDINGS);
        }
        Assessment result = step.assessment();                        // as advisor.assess(...) gives it
        String how = advisor.howText(result, 1);                       // HOW finding 1 was concluded
        // /consultation-example
        assertEquals("symptoms: Which of these symptoms do you have now?", printed.get(0));
        assertTrue(printed.size() > 5, printed.toString());
        assertEquals(ADVISOR.assess(ADVISOR.questionnaire(answers)), result);
        assertTrue(how.startsWith("1. [deficiency] "), how);
    }

    @Test
    void theDocumentShowsExactlyThisExample() throws IOException {
        String doc = Files.readString(Path.of("docs/consultation.md"));
        int at = doc.indexOf("<!-- consultation-example");
        String fromDoc = doc.substring(doc.indexOf("```java", at) + "```java".length(), doc.indexOf("```", doc.indexOf("```java", at) + 7)).strip();
        String test = Files.readString(Path.of("src/test/java/org/twitchadvisor/ConsultationApiTest.java"));
        String fromTest = test.substring(test.indexOf("// consultation-example") + "// consultation-example".length(),
                test.indexOf("// /consultation-example")).strip();
        assertEquals(fromDoc, fromTest.lines().map(l -> l.replaceFirst("^ {8}", "")).reduce((a, b) -> a + "\n" + b).orElse(""));
    }
}
