package org.twitchadvisor.internal.consult;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.WhatIf;
import org.twitchadvisor.WhyNot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plain Jackson mapper of the public records gives the JSON of the consultation contract (consult-api.md). */
class WhatIfWhyNotJsonTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private static Questionnaire example() throws Exception {
        return ADVISOR.readJson(Files.readString(Path.of("facts/examples/tetany-urgent.json")));
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void whatIfIsBeforeAfterAndChangesWithContractAssessments() throws Exception {
        WhatIf w = ADVISOR.whatIf(example(), Map.of("symptoms", "tingling"), Set.of("conditions"));
        JsonNode json = PLAIN.readTree(PLAIN.writeValueAsString(w));
        assertEquals(List.of("before", "after", "changes"), keys(json));
        // Each side is exactly the output contract's assessment.
        assertEquals(PLAIN.readTree(ADVISOR.toJson(w.before())), json.get("before"));
        assertEquals(PLAIN.readTree(ADVISOR.toJson(w.after())), json.get("after"));
        for (JsonNode c : json.get("changes")) {
            assertEquals(List.of("kind", "subject", "before", "after"), keys(c));
        }
        assertEquals("triage_changed", json.get("changes").get(0).get("kind").asText());
        assertEquals(PLAIN.readTree(ADVISOR.toPrettyJson(w)), json);
    }

    @Test
    void whyNotIsSubjectFoundAndRulesWithConditions() throws Exception {
        WhyNot w = ADVISOR.whyNot(example(), "potassium");
        JsonNode json = PLAIN.readTree(PLAIN.writeValueAsString(w));
        assertEquals(List.of("subject", "found", "rules"), keys(json));
        JsonNode rule = json.get("rules").get(0);
        assertEquals(List.of("rule", "claim", "sources", "concludes", "met", "failed", "unknown"), keys(rule));
        for (JsonNode r : json.get("rules")) {
            for (String part : List.of("met", "failed", "unknown")) {
                for (JsonNode c : r.get(part)) {
                    assertEquals(List.of("question", "text"), keys(c));
                }
            }
        }
        assertEquals(PLAIN.readTree(ADVISOR.toPrettyJson(w)), json);
    }
}
