package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twitchadvisor.TwitchAdvisor;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twitchadvisor.server.LiveServer.JSON;
import static org.twitchadvisor.server.LiveServer.get;
import static org.twitchadvisor.server.LiveServer.post;
import static org.twitchadvisor.server.LiveServer.postJson;
import static org.twitchadvisor.server.LiveServer.tree;

/** Every operation and every error status over real HTTP on a loopback port. */
class ApiTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    static List<Path> examples() {
        return LiveServer.examples();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void assessAnswersWhatTheLibraryAnswers(Path example) throws Exception {
        byte[] body = Files.readAllBytes(example);
        HttpResponse<String> r = post("/api/assess", "application/json", body);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(ADVISOR.toJson(ADVISOR.assess(ADVISOR.readJson(body))), r.body());
    }

    @Test
    void assessTakesABodyWithNoContentType() throws Exception {
        HttpResponse<String> r = post("/api/assess", null, Files.readAllBytes(Path.of("facts/examples/vegan-runner.json")));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void badAnswersAre400WithTheProblemListTheCliPrints() {
        HttpResponse<String> r = postJson("/api/assess", "{\"diet\": \"carnivore\", \"twitchng\": true}");
        assertProblem(r, 400);
        JsonNode body = tree(r);
        assertEquals(HttpProblem.INVALID_INPUT, body.get("type").asText());
        JsonNode problems = body.get("problems");
        assertEquals(2, problems.size(), body.toString());
        List<String> messages = new ArrayList<>();
        problems.forEach(p -> messages.add(p.get("message").asText()));
        assertTrue(messages.contains("question 'diet': 'carnivore' is not one of omnivore, pescatarian, vegetarian, vegan"),
                messages.toString());
        assertTrue(messages.contains("unknown question 'twitchng' (did you mean 'twitching'?)"), messages.toString());
        JsonNode diet = problems.get(messages.indexOf(
                "question 'diet': 'carnivore' is not one of omnivore, pescatarian, vegetarian, vegan"));
        assertEquals("diet", diet.get("question").asText());
        assertEquals("carnivore", diet.get("value").asText());
        assertEquals("[\"omnivore\",\"pescatarian\",\"vegetarian\",\"vegan\"]", diet.get("allowed").toString());
    }

    @Test
    void invalidJsonIs400NamingWhere() {
        HttpResponse<String> r = postJson("/api/assess", "{\"diet\": ");
        assertProblem(r, 400);
        assertTrue(tree(r).get("detail").asText().startsWith("invalid JSON at line 1"), r.body());
    }

    @Test
    void jsonNestedDeeperThanTheReaderAllowsIs400() {
        HttpResponse<String> r = postJson("/api/assess", "{\"symptoms\": " + "[".repeat(50) + "]".repeat(50) + "}");
        assertProblem(r, 400);
        assertTrue(tree(r).get("detail").asText().contains("nesting depth"), r.body());
    }

    @Test
    void aStringLongerThanTheReaderAllowsIs400() {
        HttpResponse<String> r = postJson("/api/assess", "{\"respondent\": \"" + "x".repeat(200_000) + "\"}");
        assertProblem(r, 400);
        assertTrue(tree(r).get("detail").asText().contains("String value length"), r.body());
    }

    @Test
    void aBodyOverTheLimitIs413() {
        byte[] body = ("{\"respondent\": \"" + " ".repeat((int) ServerOptions.DEFAULT_MAX_BODY) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = post("/api/assess", "application/json", body);
        assertProblem(r, 413);
        assertEquals("the body is larger than the limit of 1000000 bytes", tree(r).get("detail").asText());
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> r = post("/api/assess", "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(r, 415);
    }

    @Test
    void anUnknownRouteIs404() {
        assertProblem(get("/api/nothing-here"), 404);
        assertProblem(postJson("/cds-services/no-such-service", "{}"), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(get("/api/assess"), 405);
        assertProblem(postJson("/health", "{}"), 405);
    }

    @Test
    void questionsListEveryQuestionWithTypeValuesAndWording() {
        HttpResponse<String> r = get("/api/questions");
        assertEquals(200, r.statusCode());
        JsonNode questions = tree(r).get("questions");
        assertEquals(ADVISOR.questions().size(), questions.size());
        JsonNode diet = null;
        for (JsonNode q : questions) {
            if (q.get("id").asText().equals("diet")) {
                diet = q;
            }
        }
        assertEquals("one_of", diet.get("type").asText());
        assertEquals("[\"omnivore\",\"pescatarian\",\"vegetarian\",\"vegan\"]", diet.get("values").toString());
        assertEquals("What is your eating pattern?", diet.get("text").asText());
    }

    @Test
    void rulesAreTheCatalogue() throws Exception {
        HttpResponse<String> r = get("/api/rules");
        assertEquals(200, r.statusCode());
        assertEquals(JSON.readTree(JSON.writeValueAsString(ADVISOR.catalog())), tree(r));
    }

    @Test
    void healthNamesTheRuleset() {
        HttpResponse<String> r = get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("{\"status\":\"ok\",\"ruleset\":\"" + ADVISOR.ruleset() + "\"}", r.body());
    }

    @Test
    void thePageIsServedWithAPolicyThatKeepsItOnThisServer() {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Twitch Advisor"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("connect-src 'self'"));
    }

    @Test
    void consultationProposesTheNextQuestionWithWhy() {
        HttpResponse<String> r = postJson("/api/consultation", "{\"answers\": {\"twitching\": true}, \"skipped\": [\"diet\"]}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = tree(r);
        assertFalse(body.get("stop").asBoolean());
        JsonNode first = body.get("next").get(0);
        assertFalse(first.get("why").asText().isEmpty(), first.toString());
        body.get("next").forEach(n -> assertFalse(n.get("question").asText().equals("diet"), "a skipped question is asked"));
        assertEquals(ADVISOR.toJson(ADVISOR.assess(ADVISOR.readJson("{\"twitching\": true}"))), body.get("assessment").toString());
    }

    @Test
    void consultationRefusesAnUnknownSkippedQuestion() {
        assertProblem(postJson("/api/consultation", "{\"answers\": {}, \"skipped\": [\"dite\"]}"), 400);
        assertProblem(postJson("/api/consultation", "[]"), 400);
    }

    @Test
    void whatIfAnswersWhatTheLibraryAnswers() throws Exception {
        String answers = Files.readString(Path.of("facts/examples/vegan-runner.json"));
        HttpResponse<String> r = postJson("/api/what-if", "{\"answers\": " + answers
                + ", \"set\": {\"sun_exposure\": \"ample\"}, \"unset\": [\"low_intake\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JSON.readTree(JSON.writeValueAsString(ADVISOR.whatIf(ADVISOR.readJson(answers),
                java.util.Map.of("sun_exposure", "ample"), java.util.Set.of("low_intake")))), tree(r));
        assertFalse(tree(r).get("changes").isEmpty());
        assertProblem(postJson("/api/what-if", "{\"answers\": {}, \"set\": {\"diet\": \"carnivore\"}}"), 400);
        assertProblem(postJson("/api/what-if", "{\"answers\": {}, \"set\": []}"), 400);
    }

    @Test
    void whyNotAnswersWhatTheLibraryAnswers() throws Exception {
        String answers = Files.readString(Path.of("facts/examples/vegan-runner.json"));
        HttpResponse<String> r = postJson("/api/why-not", "{\"answers\": " + answers + ", \"subject\": \"magnesium\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(JSON.readTree(JSON.writeValueAsString(ADVISOR.whyNot(ADVISOR.readJson(answers), "magnesium"))), tree(r));
        assertFalse(tree(r).get("rules").isEmpty());
        assertProblem(postJson("/api/why-not", "{\"answers\": {}, \"subject\": \"unobtainium\"}"), 400);
        assertProblem(postJson("/api/why-not", "{\"answers\": {}}"), 400);
    }

    /** A problem answer: the status, problem+json, and nothing of Java in it. */
    static void assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(HttpProblem.CONTENT_TYPE, r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode body = tree(r);
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("title").asText().isEmpty());
        assertFalse(r.body().contains("Exception") || r.body().contains("at org.") || r.body().contains("at io."),
                r.body());
    }
}
