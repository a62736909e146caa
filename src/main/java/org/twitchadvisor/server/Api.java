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
import java.util.LinkedHashMap;
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
