package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.Question;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.cli.TwitchCli;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twitchadvisor.server.LiveServer.JSON;

/**
 * FHIR round trip: the exported Questionnaire and a QuestionnaireResponse built from each example person parse and
 * validate with HAPI's R4 parser, and assessing that response (library, HTTP, CLI, batch) equals assessing the
 * example's own JSON.
 */
class FhirTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    static List<Path> examples() {
        return LiveServer.examples();
    }

    @Test
    void theExportedQuestionnaireIsValidR4WithOneItemPerQuestion() {
        HttpResponse<String> r = LiveServer.get("/fhir/Questionnaire");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
        Questionnaire q = Fhir.R4.newJsonParser().parseResource(Questionnaire.class, r.body());
        assertEquals(List.of(), Fhir.errors(q));
        assertEquals(ADVISOR.questions().size(), q.getItem().size());
        for (int i = 0; i < q.getItem().size(); i++) {
            Question question = ADVISOR.questions().get(i);
            Questionnaire.QuestionnaireItemComponent item = q.getItem().get(i);
            assertEquals(question.id(), item.getLinkId());
            assertEquals(question.text(), item.getText());
            assertEquals(question.type() == Question.Type.ANY_OF, item.getRepeats(), question.id());
            List<String> codes = new ArrayList<>();
            item.getAnswerOption().forEach(o -> codes.add(o.getValueCoding().getCode()));
            assertEquals(question.values(), codes, question.id());
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aResponseBuiltFromEachExampleIsValidAndAssessesTheSame(Path example) throws Exception {
        byte[] plain = Files.readAllBytes(example);
        String expected = ADVISOR.toJson(ADVISOR.assess(ADVISOR.readJson(plain)));
        QuestionnaireResponse built = Fhir.response(JSON.readTree(plain), ADVISOR.questions());
        String fhirJson = Fhir.R4.newJsonParser().encodeResourceToString(built);
        assertEquals(List.of(), Fhir.errors(Fhir.R4.newJsonParser().parseResource(QuestionnaireResponse.class, fhirJson)));
        assertEquals(expected, ADVISOR.toJson(ADVISOR.assess(ADVISOR.readJson(fhirJson))));
        HttpResponse<String> r = LiveServer.post("/api/assess", "application/fhir+json", fhirJson.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(expected, r.body());
    }

    @Test
    void twitchAssessAndBatchReadQuestionnaireResponses(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder ndjson = new StringBuilder();
        StringBuilder plainLines = new StringBuilder();
        for (Path example : examples()) {
            JsonNode plain = JSON.readTree(Files.readAllBytes(example));
            String fhirJson = Fhir.R4.newJsonParser().encodeResourceToString(Fhir.response(plain, ADVISOR.questions()));
            ndjson.append(fhirJson).append('\n');
            plainLines.append(plain).append('\n');
        }
        Files.writeString(dir.resolve("responses.ndjson"), ndjson);
        Files.writeString(dir.resolve("plain.jsonl"), plainLines);
        assertEquals(0, TwitchCli.run("batch", dir.resolve("responses.ndjson").toString(), "--output",
                dir.resolve("fhir-out.jsonl").toString(), "--quiet"));
        assertEquals(0, TwitchCli.run("batch", dir.resolve("plain.jsonl").toString(), "--output",
                dir.resolve("plain-out.jsonl").toString(), "--quiet"));
        assertEquals(Files.readString(dir.resolve("plain-out.jsonl")), Files.readString(dir.resolve("fhir-out.jsonl")));

        Path one = dir.resolve("vegan-runner.json");
        Files.writeString(one, ndjson.toString().lines().filter(l -> l.contains("vegan-runner")).findFirst().orElseThrow());
        assertEquals(0, TwitchCli.run("assess", one.toString(), "--format", "json"));
    }

    @Test
    void aResponseThatDoesNotFitIs400NamingTheItem() {
        String response = """
                {"resourceType": "QuestionnaireResponse", "status": "completed", "item": [
                  {"linkId": "diet", "answer": [{"valueCoding": {"system": "urn:twitch-advisor:answer", "code": "carnivore"}}]},
                  {"linkId": "alcohol", "answer": [{"valueCoding": {"code": "none"}}, {"valueCoding": {"code": "heavy"}}]},
                  {"linkId": "twitching", "answer": [{"valueDate": "2020-01-01"}]}]}""";
        HttpResponse<String> r = LiveServer.post("/api/assess", "application/fhir+json", response.getBytes(StandardCharsets.UTF_8));
        ApiTest.assertProblem(r, 400);
        List<String> messages = new ArrayList<>();
        LiveServer.tree(r).get("problems").forEach(p -> messages.add(p.get("message").asText()));
        assertEquals(List.of("item[2].answer[0] (linkId 'twitching'): valueDate is not an answer this questionnaire takes "
                        + "(valueBoolean, valueCoding, valueDecimal, valueInteger or valueString)",
                "question 'alcohol' has 2 answers; only an any-of question takes more than one",
                "question 'diet': 'carnivore' is not one of omnivore, pescatarian, vegetarian, vegan"), messages);
    }
}
