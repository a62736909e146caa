package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.TwitchAdvisor;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twitchadvisor.server.LiveServer.JSON;

/** The OpenAPI document in the repository says exactly which routes the server has. */
class OpenApiTest {
    private static final Path DOCUMENT = Path.of("src/main/resources/org/twitchadvisor/server/openapi.json");

    @Test
    void theDocumentListsExactlyTheServersRoutes() throws Exception {
        TreeSet<String> documented = new TreeSet<>();
        JsonNode paths = JSON.readTree(Files.readAllBytes(DOCUMENT)).get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            path.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        TreeSet<String> served = new TreeSet<>();
        new Api(TwitchAdvisor.bundled(), JSON).routes().forEach(r -> served.add(r.method() + " " + r.path()));
        assertEquals(served, documented);
    }

    @Test
    void theServerServesTheDocumentAndEveryDocumentedRouteIsThere() throws Exception {
        HttpResponse<String> r = LiveServer.get("/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode served = LiveServer.tree(r);
        assertEquals(JSON.readTree(Files.readAllBytes(DOCUMENT)), served);
        assertTrue(served.get("openapi").asText().startsWith("3."));
        for (Iterator<Map.Entry<String, JsonNode>> p = served.get("paths").fields(); p.hasNext(); ) {
            Map.Entry<String, JsonNode> path = p.next();
            String concrete = path.getKey().replace("{id}", "twitch-advisor");
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext(); ) {
                String method = m.next();
                HttpResponse<String> answer = method.equals("get") ? LiveServer.get(concrete)
                        : LiveServer.postJson(concrete, "{}");
                assertNotEquals(404, answer.statusCode(), method + " " + concrete + ": " + answer.body());
                assertNotEquals(405, answer.statusCode(), method + " " + concrete + ": " + answer.body());
                assertTrue(path.getValue().get(method).get("responses").has(String.valueOf(answer.statusCode())),
                        method + " " + concrete + " answered " + answer.statusCode() + ", which the document does not list");
            }
        }
    }
}
