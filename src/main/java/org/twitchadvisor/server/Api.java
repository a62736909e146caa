package org.twitchadvisor.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.twitchadvisor.Question;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.fhir.CdsHooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations: each reads the body, hands it to the advisor and writes what the advisor returns. Documents
 * that never change while the server runs (questions, rules, FHIR Questionnaire, OpenAPI) are rendered once.
 */
final class Api {
    static final String JSON = "application/json";
    static final String FHIR_JSON = "application/fhir+json";

    private final TwitchAdvisor advisor;
    private final ObjectMapper json;
    private final Map<String, Question> questions = new LinkedHashMap<>();
    private final String questionsJson;
    private final String rulesJson;
    private final String healthJson;
    private final String fhirQuestionnaire;
    private final String cdsDiscovery;
    private final byte[] openApi;

    Api(TwitchAdvisor advisor, ObjectMapper json) {
        this.advisor = advisor;
        this.json = json;
        advisor.questions().forEach(q -> questions.put(q.id(), q));
        try {
            this.questionsJson = json.writeValueAsString(questionsDocument());
            this.rulesJson = json.writeValueAsString(advisor.catalog());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the question table and the catalogue always serialise", e);
        }
        this.healthJson = json.createObjectNode().put("status", "ok").put("ruleset", advisor.ruleset()).toString();
        this.fhirQuestionnaire = advisor.fhirQuestionnaire();
        this.cdsDiscovery = advisor.cdsHooksDiscovery();
        this.openApi = resource("openapi.json");
    }

    /** @return every operation, in the order the OpenAPI document lists them */
    List<Route> routes() {
        return List.of(
                new Route("POST", "/api/assess", this::assess),
                new Route("POST", "/api/consultation", this::consultation),
                new Route("POST", "/api/what-if", this::whatIf),
                new Route("POST", "/api/why-not", this::whyNot),
                new Route("GET", "/api/questions", ctx -> ctx.contentType(JSON).result(questionsJson)),
                new Route("GET", "/api/rules", ctx -> ctx.contentType(JSON).result(rulesJson)),
                new Route("GET", "/health", ctx -> ctx.contentType(JSON).result(healthJson)),
                new Route("GET", "/openapi.json", ctx -> ctx.contentType(JSON).result(openApi)),
                new Route("GET", "/fhir/Questionnaire", ctx -> ctx.contentType(FHIR_JSON).result(fhirQuestionnaire)),
                new Route("GET", "/cds-services", ctx -> ctx.contentType(JSON).result(cdsDiscovery)),
                new Route("POST", "/cds-services/{id}", this::cdsCall));
    }

    /** @return the question table by id, for the allowed values a problem names */
    Map<String, Question> questions() {
        return questions;
    }

    private void assess(Context ctx) throws IOException {
        ctx.contentType(JSON);
        advisor.writeJson(advisor.assess(advisor.readJson(Bodies.json(ctx))), ctx.outputStream());
    }

    /** {@code {"answers": {...}, "skipped": [ids], "stop": "all_findings"|"decisive"}}: the next questions worth asking. */
    private void consultation(Context ctx) throws IOException {
        JsonNode body = Bodies.object(ctx, json);
        Set<String> skipped = new LinkedHashSet<>(Bodies.strings(body, "skipped"));
        org.twitchadvisor.StopRule stop = body.path("stop").asText("all_findings").equals("decisive")
                ? org.twitchadvisor.StopRule.DECISIVE : org.twitchadvisor.StopRule.ALL_FINDINGS;
        ctx.contentType(JSON).result(json.writeValueAsString(
                advisor.consultation(Bodies.answers(body, advisor, json), skipped, stop)));
    }

    /** {@code {"answers": {...}, "set": {id: answer}, "unset": [ids]}}: the result before and after, and what changed. */
    private void whatIf(Context ctx) throws IOException {
        JsonNode body = Bodies.object(ctx, json);
        JsonNode set = body.get("set");
        if (set != null && !set.isNull() && !set.isObject()) {
            throw Bodies.invalid("set", "'set' must be a JSON object of question id to its new answer");
        }
        Map<String, Object> changes = set == null || set.isNull() ? Map.of()
                : json.convertValue(set, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        ctx.contentType(JSON).result(json.writeValueAsString(advisor.whatIf(Bodies.answers(body, advisor, json),
                changes, new LinkedHashSet<>(Bodies.strings(body, "unset")))));
    }

    /** {@code {"answers": {...}, "subject": id}}: the rules that could conclude the subject, with what they lack. */
    private void whyNot(Context ctx) throws IOException {
        JsonNode body = Bodies.object(ctx, json);
        JsonNode subject = body.get("subject");
        if (subject == null || !subject.isTextual() || subject.asText().isBlank()) {
            throw Bodies.invalid("subject", "'subject' must name a finding subject, e.g. \"magnesium\"");
        }
        ctx.contentType(JSON).result(json.writeValueAsString(advisor.whyNot(Bodies.answers(body, advisor, json),
                subject.asText())));
    }

    private void cdsCall(Context ctx) {
        if (!ctx.pathParam("id").equals(CdsHooks.SERVICE_ID)) {
            HttpProblem.send(ctx, json, 404, "Not Found", "no CDS service '" + ctx.pathParam("id")
                    + "'; GET /cds-services lists the services");
            return;
        }
        ctx.contentType(JSON).result(advisor.cdsHooksCall(Bodies.json(ctx)));
    }

    private ObjectNode questionsDocument() {
        ObjectNode doc = json.createObjectNode().put("ruleset", advisor.ruleset());
        ArrayNode list = doc.putArray("questions");
        for (Question q : advisor.questions()) {
            ObjectNode item = list.addObject().put("id", q.id()).put("type", q.type().name().toLowerCase(Locale.ROOT))
                    .put("text", q.text());
            if (!q.values().isEmpty()) {
                q.values().forEach(item.putArray("values")::add);
            }
            if (!q.unit().isEmpty()) {
                item.put("unit", q.unit());
            }
            if (q.min() != null) {
                item.put("min", q.min());
            }
            if (q.max() != null) {
                item.put("max", q.max());
            }
            if (!q.askIf().isEmpty()) {
                item.set("askIf", json.valueToTree(q.askIf()));
            }
        }
        return doc;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Api.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name + " beside " + Api.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
