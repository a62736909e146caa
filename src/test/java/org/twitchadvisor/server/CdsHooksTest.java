package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Triage;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.fhir.CdsHooks;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twitchadvisor.server.LiveServer.JSON;

/** CDS Hooks 2.0: discovery and service calls, checked field by field against the specification's rules. */
class CdsHooksTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    private static final Set<String> CARD_FIELDS = Set.of("uuid", "summary", "detail", "indicator", "source",
            "suggestions", "selectionBehavior", "overrideReasons", "links");

    @Test
    void discoveryListsTheServiceWithItsRequiredFields() {
        HttpResponse<String> r = LiveServer.get("/cds-services");
        assertEquals(200, r.statusCode());
        JsonNode body = LiveServer.tree(r);
        assertNoNulls(body, "$");
        JsonNode services = body.get("services");
        assertEquals(1, services.size());
        JsonNode s = services.get(0);
        assertEquals("patient-view", s.get("hook").asText());
        assertEquals("twitch-advisor", s.get("id").asText());
        assertFalse(s.get("description").asText().isEmpty());
        s.get("prefetch").elements().forEachRemaining(template -> assertTrue(template.isTextual()));
        assertTrue(s.get("prefetch").get("questionnaireResponse").asText().contains("{{context.patientId}}"));
    }

    @Test
    void anUrgentPersonGetsACriticalCardPerUrgentRedFlag() throws Exception {
        Path person = Path.of("facts/examples/tetany-urgent.json");
        Assessment a = assess(person);
        assertEquals(Triage.URGENT, a.triage());
        JsonNode cards = call(prefetch(person)).get("cards");
        checkCards(cards, a);
        assertTrue(cards.get(0).get("summary").asText().startsWith("Urgent: seek care promptly for "), cards.toString());
        assertEquals("critical", cards.get(0).get("indicator").asText());
    }

    @Test
    void aSelfCarePersonGetsInfoCardsForTheLikelyFindings() throws Exception {
        Path person = Path.of("facts/examples/vegan-runner.json");
        Assessment a = assess(person);
        assertEquals(Triage.SELF_CARE, a.triage());
        JsonNode cards = call(prefetch(person)).get("cards");
        checkCards(cards, a);
        assertFalse(cards.isEmpty());
        cards.forEach(c -> assertEquals("info", c.get("indicator").asText()));
        JsonNode first = cards.get(0);
        assertTrue(first.get("detail").asText().contains("**Why**"), first.toString());
        assertTrue(first.get("source").get("label").asText().contains("000 Nutrient deficiencies behind leg twitching"),
                first.toString());
    }

    @Test
    void theResponseMayComeInContextOrAsABundle() throws Exception {
        Path person = Path.of("facts/examples/tetany-urgent.json");
        JsonNode expected = call(prefetch(person));
        ObjectNode inContext = request();
        inContext.putObject("context").put("patientId", "p1").set("questionnaireResponse", response(person));
        assertEquals(expected, call(inContext));
        ObjectNode bundled = request();
        ObjectNode bundle = bundled.putObject("prefetch").putObject("questionnaireResponse");
        bundle.put("resourceType", "Bundle").put("type", "searchset").putArray("entry").addObject()
                .set("resource", response(person));
        assertEquals(expected, call(bundled));
    }

    @Test
    void nothingToSayIsAnEmptyCardList() {
        ObjectNode req = request();
        ObjectNode qr = req.putObject("prefetch").putObject("questionnaireResponse");
        qr.put("resourceType", "QuestionnaireResponse").put("status", "completed");
        qr.putArray("item").addObject().put("linkId", "twitching").putArray("answer").addObject().put("valueBoolean", false);
        HttpResponse<String> r = LiveServer.postJson("/cds-services/twitch-advisor", req.toString());
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"cards\":[]}", r.body());
    }

    @Test
    void aCallWithoutAResponseOrHookInstanceIs400() {
        ApiTest.assertProblem(LiveServer.postJson("/cds-services/twitch-advisor", "{\"hook\": \"patient-view\"}"), 400);
        HttpResponse<String> r = LiveServer.postJson("/cds-services/twitch-advisor", request().toString());
        ApiTest.assertProblem(r, 400);
        assertTrue(LiveServer.tree(r).get("detail").asText().contains("carries no QuestionnaireResponse"), r.body());
    }

    /** One card per red flag and per likely or confirmed finding, in the assessment's order, fields as specified. */
    private static void checkCards(JsonNode cards, Assessment a) {
        assertNoNulls(cards, "cards");
        List<Finding> carded = new ArrayList<>();
        for (Finding f : a.findings()) {
            if (f.type().equals("red_flag") || f.level().equals("likely") || f.level().equals("confirmed")) {
                carded.add(f);
            }
        }
        carded.sort(java.util.Comparator.comparingInt(f -> CdsHooks.INDICATORS.indexOf(indicator(f, a))));
        assertEquals(carded.size(), cards.size(), cards.toString());
        for (int i = 0; i < cards.size(); i++) {
            JsonNode card = cards.get(i);
            Finding f = carded.get(i);
            card.fieldNames().forEachRemaining(name -> assertTrue(CARD_FIELDS.contains(name), name));
            String summary = card.get("summary").asText();
            assertTrue(!summary.isEmpty() && summary.length() < 140, summary);
            assertTrue(Set.of("info", "warning", "critical").contains(card.get("indicator").asText()));
            assertEquals(indicator(f, a), card.get("indicator").asText(), f.toString());
            if (!f.type().equals("red_flag")) {
                assertEquals(f.summary(), summary);
            }
            assertFalse(card.get("source").get("label").asText().isEmpty());
            String detail = card.get("detail").asText();
            assertTrue(detail.contains("**Why**") && detail.contains("not a medical device"), detail);
            for (String advice : f.advice()) {
                assertTrue(detail.contains(advice.substring(0, Math.min(20, advice.length()))), advice);
            }
        }
    }

    /** The indicator the specification of the service gives a finding's card. */
    private static String indicator(Finding f, Assessment a) {
        if (f.type().equals("red_flag")) {
            return f.level().equals("urgent") ? "critical" : "warning";
        }
        return a.triage() == Triage.SELF_CARE ? "info" : "warning";
    }

    private static void assertNoNulls(JsonNode node, String path) {
        assertFalse(node.isNull(), path + " is null: optional fields are omitted, not null");
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertNoNulls(node.get(name), path + "." + name);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            assertNoNulls(node.get(i), path + "[" + i + "]");
        }
    }

    private static Assessment assess(Path person) throws Exception {
        return ADVISOR.assess(ADVISOR.readJson(Files.readAllBytes(person)));
    }

    private static ObjectNode request() {
        ObjectNode req = JSON.createObjectNode();
        req.put("hook", "patient-view").put("hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        return req;
    }

    private static JsonNode response(Path person) throws Exception {
        return JSON.readTree(Fhir.R4.newJsonParser().encodeResourceToString(
                Fhir.response(JSON.readTree(Files.readAllBytes(person)), ADVISOR.questions())));
    }

    private static ObjectNode prefetch(Path person) throws Exception {
        ObjectNode req = request();
        req.putObject("context").put("userId", "Practitioner/1").put("patientId", "p1");
        req.putObject("prefetch").set("questionnaireResponse", response(person));
        return req;
    }

    private static JsonNode call(JsonNode request) {
        HttpResponse<String> r = LiveServer.postJson("/cds-services/twitch-advisor", request.toString());
        assertEquals(200, r.statusCode(), r.body());
        return LiveServer.tree(r);
    }
}
