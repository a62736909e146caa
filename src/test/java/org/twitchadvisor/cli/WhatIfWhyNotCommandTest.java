package org.twitchadvisor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code twitch whatif} and {@code twitch whynot}: they delegate to the library, and bad input gets exit code 3. */
class WhatIfWhyNotCommandTest {
    static final String DIURETIC = "facts/examples/diuretic-heat-worker.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void whatIfTextListsTheChanges() {
        CliRun r = CliRun.run("whatif", DIURETIC, "--set", "medications=none");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("Triage: see_doctor", "  potassium: score 0.87 -> 0.78", "  dehydration: score 0.76 -> 0.65",
                "  - medication (was possible)"), r.lines().subList(0, 4));
        assertEquals("", r.err());
    }

    @Test
    void whatIfJsonIsTheLibrarysWhatIf() throws IOException {
        CliRun r = CliRun.run("whatif", DIURETIC, "--set", "caffeine_cups_per_day=6", "--set", "symptoms=cramps;paralysis",
                "--unset", "medications", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        String expected = advisor.toPrettyJson(advisor.whatIf(advisor.readJson(Files.readString(Path.of(DIURETIC))),
                Map.of("caffeine_cups_per_day", "6", "symptoms", "cramps;paralysis"), Set.of("medications")));
        assertEquals(expected, r.out().strip());
        JsonNode changes = JSON.readTree(r.out()).get("changes");
        assertEquals("triage_changed", changes.get(0).get("kind").asText());
        assertEquals("urgent", changes.get(0).get("after").asText());
    }

    @Test
    void anUnknownValueInSetNamesTheQuestionAndTheAllowedValues() {
        CliRun r = CliRun.run("whatif", DIURETIC, "--set", "medications=aspirin");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: --set/--unset: question 'medications': 'aspirin' is not one of diuretic, other\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnknownQuestionInSetOrUnsetIsNamed() {
        CliRun r = CliRun.run("whatif", DIURETIC, "--set", "cofee=0", "--unset", "medication");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("unknown question 'cofee'"), r.err());
        assertTrue(r.err().contains("unknown question 'medication' (did you mean 'medications'?)"), r.err());
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRun r = CliRun.run("whynot", "no-such.json", "magnesium");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("twitch: no-such.json: no such file\n", r.err());
    }

    @Test
    void whyNotTextShowsEachCandidateRule() {
        CliRun r = CliRun.run("whynot", DIURETIC, "magnesium");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("magnesium: found possible\n"), r.out());
        assertTrue(r.out().contains("\"heavy drinking can leave magnesium low\" fails [000, 003]\n"
                + "  concludes DeficiencyEvidence(\"magnesium\", \"heavy_alcohol\")\n"
                + "  failed: RiskFactor(factor == heavy_alcohol) would follow from \"heavy drinking depletes nutrients\", "
                + "but alcohol: heavy — alcohol = none\n"), r.out());
    }

    @Test
    void whyNotJsonIsTheLibrarysWhyNot() throws IOException {
        CliRun r = CliRun.run("whynot", DIURETIC, "vitamin_b12", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        assertEquals(advisor.toPrettyJson(advisor.whyNot(advisor.readJson(Files.readString(Path.of(DIURETIC))),
                "vitamin_b12")), r.out().strip());
        assertEquals("vitamin_b12", JSON.readTree(r.out()).get("subject").asText());
    }

    @Test
    void anUnknownSubjectListsTheKnownSubjects() {
        CliRun r = CliRun.run("whynot", DIURETIC, "zinc");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().startsWith("twitch: whynot: unknown subject 'zinc'"), r.err());
        assertTrue(r.err().contains("known subjects: alcohol, caffeine, calcium"), r.err());
        assertEquals(1, r.err().lines().count());
    }
}
