package org.twitchadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV edge cases a real survey export has, each read the way docs/batch.md says. */
class CsvInputTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "respondent,twitching,twitch_sites,diet,caffeine_cups_per_day";

    static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> respondents(BatchRun run) {
        return run.resultLines().stream().map(l -> json(l).get("respondent").asText()).toList();
    }

    /** The assessment the library gives for the same cells, to compare a batch line against. */
    static String expected(Map<String, String> cells) {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        return advisor.toJson(advisor.assess(advisor.fromCsvCells(cells)));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumn() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = (HEADER + "\nr1,yes,calf,vegan,2\n").getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, input, 0, 3);
        System.arraycopy(text, 0, input, 3, text.length);
        BatchRun run = BatchRun.of(TwitchAdvisor.bundled(), input, BatchRun.csv());
        assertEquals(1, run.summary().assessed(), run.errors());
        assertEquals(List.of("r1"), respondents(run));
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        String csv = HEADER + "\n\"Smith, J\",yes,\"calf;foot\",vegan,2\n\"multi\nline \"\"id\"\"\",yes,eyelid,omnivore,1\nr3,no,,omnivore,\n";
        BatchRun run = BatchRun.of(csv, BatchRun.csv());
        assertEquals(List.of("Smith, J", "multi\nline \"id\"", "r3"), respondents(run));
        assertEquals(expected(Map.of("respondent", "Smith, J", "twitching", "yes", "twitch_sites", "calf;foot",
                "diet", "vegan", "caffeine_cups_per_day", "2")), run.resultLines().get(0));
    }

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedLineBreaks() {
        String csv = HEADER + "\n\"a\nb\",yes,calf,vegan,2\nr2,yes,calf,vegn,2\n";
        BatchRun run = BatchRun.of(csv, BatchRun.csv());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(4, error.get("line").asInt(), run.errors());
        assertEquals("diet", error.get("question").asText());
        assertEquals("vegn", error.get("value").asText());
        assertEquals("r2", error.get("respondent").asText());
    }

    @Test
    void crlfLineEndingsReadLikeLf() {
        BatchRun crlf = BatchRun.of(HEADER + "\r\nr1,yes,calf,vegan,2\r\nr2,yes,eyelid,vegn,1\r\n", BatchRun.csv());
        BatchRun lf = BatchRun.of(HEADER + "\nr1,yes,calf,vegan,2\nr2,yes,eyelid,vegn,1\n", BatchRun.csv());
        assertEquals(lf.results(), crlf.results());
        assertEquals(lf.errors(), crlf.errors());
        assertEquals(3, json(crlf.errorLines().get(0)).get("line").asInt());
    }

    @Test
    void raggedRowsAreErrorRecordsAndTheBatchGoesOn() {
        String csv = HEADER + "\nr1,yes,calf\nr2,yes,calf,vegan,2,extra\nr3,yes,calf,vegan,2\n";
        BatchRun run = BatchRun.of(csv, BatchRun.csv());
        assertEquals(3, run.summary().rowsRead());
        assertEquals(1, run.summary().assessed());
        assertEquals(2, run.summary().rejected());
        JsonNode tooFew = json(run.errorLines().get(0));
        assertEquals(2, tooFew.get("line").asInt());
        assertEquals("r1", tooFew.get("respondent").asText());
        assertEquals("this row has 3 cells but the header has 5 columns", tooFew.get("message").asText());
        JsonNode tooMany = json(run.errorLines().get(1));
        assertEquals(3, tooMany.get("line").asInt());
        assertEquals("this row has 6 cells but the header has 5 columns", tooMany.get("message").asText());
        assertEquals(List.of("r3"), respondents(run));
    }

    @Test
    void unknownColumnsRefuseTheFileNamingThemWithASuggestion() {
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                () -> BatchRun.of("respondent,diett,colour\nr1,vegan,red\n", BatchRun.csv()));
        assertTrue(e.getMessage().contains("unknown question 'diett' (did you mean 'diet'?)"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown question 'colour'"), e.getMessage());
        assertTrue(e.getMessage().contains("--ignore-unknown-columns"), e.getMessage());
    }

    @Test
    void unknownColumnsCanBeIgnored() {
        BatchRun run = BatchRun.of("respondent,colour,diet\nr1,red,vegan\n",
                BatchRun.csv().withIgnoreUnknownColumns(true));
        assertEquals(1, run.summary().assessed(), run.errors());
        assertEquals(expected(Map.of("respondent", "r1", "diet", "vegan")), run.resultLines().get(0));
    }

    @Test
    void anUnnamedTrailingColumnMayOnlyBeEmpty() {
        BatchRun run = BatchRun.of("respondent,diet,\nr1,vegan,\nr2,vegan,oops\n", BatchRun.csv());
        assertEquals(1, run.summary().assessed(), run.errors());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(3, error.get("line").asInt());
        assertTrue(error.get("message").asText().startsWith("column 3 has no name in the header"), run.errors());
    }

    @Test
    void aDuplicateColumnOrAMissingRespondentColumnRefusesTheFile() {
        TwitchAdvisorException twice = assertThrows(TwitchAdvisorException.class,
                () -> BatchRun.of("respondent,diet,Diet\nr1,vegan,vegan\n", BatchRun.csv()));
        assertTrue(twice.getMessage().contains("'diet' (columns 2 and 3)"), twice.getMessage());
        TwitchAdvisorException noId = assertThrows(TwitchAdvisorException.class,
                () -> BatchRun.of("diet\nvegan\n", BatchRun.csv()));
        assertTrue(noId.getMessage().contains("no 'respondent' column"), noId.getMessage());
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileHaveNoRows() {
        for (String csv : List.of("", HEADER, HEADER + "\n", HEADER + "\n\n\n")) {
            BatchRun run = BatchRun.of(csv, BatchRun.csv());
            assertEquals(0, run.summary().rowsRead(), csv);
            assertEquals("", run.results());
            assertEquals("", run.errors());
            assertNull(run.summary().stoppedBy());
        }
    }

    @Test
    void blankLinesAreSkippedAndNotCounted() {
        BatchRun run = BatchRun.of(HEADER + "\n\nr1,yes,calf,vegan,2\n\n\nr2,yes,calf,vegn,2\n", BatchRun.csv());
        assertEquals(2, run.summary().rowsRead());
        assertEquals(6, json(run.errorLines().get(0)).get("line").asInt());
    }

    @Test
    void aQuoteNeverClosedStopsReadingAfterRecordingTheRow() {
        String csv = HEADER + "\nr1,yes,calf,vegan,2\nr2,yes,\"calf,vegan,2\nr3,yes,calf,vegan,2\n";
        BatchRun run = BatchRun.of(csv, BatchRun.csv());
        assertEquals(List.of("r1"), respondents(run));
        assertEquals(2, run.summary().rowsRead());
        assertEquals(1, run.summary().rejected());
        assertEquals(3, json(run.errorLines().get(0)).get("line").asInt(), run.errors());
        assertTrue(run.summary().stoppedBy().contains("the CSV structure is broken"), run.summary().stoppedBy());
    }

    @Test
    void aRowWithoutARespondentIsAnErrorRecord() {
        BatchRun run = BatchRun.of(HEADER + "\n ,yes,calf,vegn,2\n", BatchRun.csv());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals("respondent", error.get("question").asText());
        assertTrue(error.get("respondent").isNull());
        assertEquals(2, error.get("problems").size(), "the missing id and the bad diet are both named");
        assertTrue(error.get("message").asText().contains("'vegn' is not one of"), run.errors());
    }

    @Test
    void everyProblemOfARowIsInItsOneErrorRecord() {
        BatchRun run = BatchRun.of(HEADER + "\nr1,maybe,knee,vegn,200\n", BatchRun.csv());
        assertEquals(1, run.errorLines().size());
        JsonNode error = json(run.errorLines().get(0));
        assertEquals("survey", error.get("file").asText());
        assertEquals("twitching", error.get("question").asText());
        assertEquals("maybe", error.get("value").asText());
        assertEquals(4, error.get("problems").size(), run.errors());
        assertEquals(List.of("twitching", "twitch_sites", "diet", "caffeine_cups_per_day"),
                error.get("problems").findValuesAsText("question"));
    }
}
