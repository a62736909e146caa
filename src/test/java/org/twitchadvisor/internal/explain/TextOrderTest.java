package org.twitchadvisor.internal.explain;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.TwitchAdvisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text puts what matters first: red flags and what to do before the deficiencies when care is advised. */
class TextOrderTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();

    @Test
    void anUrgentPersonReadsSeekCareBeforeAnyDeficiency() throws Exception {
        Assessment a = ADVISOR.assess(ADVISOR.readJson(Files.readString(Path.of("facts/examples/tetany-urgent.json"))));
        String text = ADVISOR.toText(a);
        int seekCare = text.indexOf("Seek care promptly");
        int firstDeficiency = text.indexOf("[deficiency]");
        assertTrue(seekCare > 0 && firstDeficiency > 0, text);
        assertTrue(seekCare < firstDeficiency, text);
        assertTrue(text.indexOf("Seek medical care promptly") < firstDeficiency, text);
        assertTrue(text.lines().toList().get(3).startsWith("1. [red flag] Seek care promptly: "), text);
        // The JSON keeps the contract's order: deficiencies first.
        assertEquals("deficiency", a.findings().get(0).type());
    }

    @Test
    void seeADoctorAlsoPutsTheRedFlagsFirst() {
        Assessment a = ADVISOR.assess(ADVISOR.questionnaire(Map.of("twitching", true, "twitch_worsening", true,
                "diet", "vegan")));
        assertEquals("see_doctor", a.triage().id());
        List<Finding> order = TextRenderer.readingOrder(a);
        assertEquals("red_flag", order.get(0).type());
        assertEquals(a.findings().size(), order.size());
        assertTrue(order.containsAll(a.findings()));
    }

    @Test
    void selfCareKeepsTheContractOrder() {
        Assessment a = ADVISOR.assess(ADVISOR.questionnaire(Map.of("twitching", true, "diet", "vegan")));
        assertEquals("self_care", a.triage().id());
        assertEquals(a.findings(), TextRenderer.readingOrder(a));
    }
}
