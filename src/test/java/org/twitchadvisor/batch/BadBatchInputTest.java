package org.twitchadvisor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A record the fuzzing found could stop a batch, or vanish from it, now ends as its own error record and the batch
 * goes on: every record read is one result or one error record.
 */
class BadBatchInputTest {
    static JsonNode json(String line) {
        return CsvInputTest.json(line);
    }

    static void assertEveryRecordAccountedFor(BatchRun run, long records) {
        assertEquals(records, run.summary().rowsRead(), run.errors());
        assertEquals(run.summary().assessed(), run.resultLines().size());
        assertEquals(run.summary().rejected(), run.errorLines().size());
        assertEquals(records, run.resultLines().size() + run.errorLines().size());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNumberTooLargeForADoubleIsOneErrorRecordInJsonLines() {
        BatchRun run = BatchRun.of("""
                {"respondent": "j1", "diet": "vegan"}
                {"respondent": "j2", "caffeine_cups_per_day": 1e400}
                {"respondent": "j3", "lab_ferritin_ng_ml": "-1e400"}
                {"respondent": "j4", "diet": "omnivore"}
                """, BatchRun.jsonLines());
        assertEveryRecordAccountedFor(run, 4);
        assertEquals(List.of("j1", "j4"), CsvInputTest.respondents(run));
        JsonNode big = json(run.errorLines().get(0));
        assertEquals(2, big.get("line").asInt());
        assertEquals("j2", big.get("respondent").asText());
        assertEquals("caffeine_cups_per_day", big.get("question").asText());
        assertEquals("1e400", big.get("value").asText());
        assertEquals("question 'caffeine_cups_per_day': 1e400 is not a finite number", big.get("message").asText());
        assertEquals("question 'lab_ferritin_ng_ml': -1e400 is not a finite number",
                json(run.errorLines().get(1)).get("message").asText());
    }

    @Test
    void aNumberTooLargeForADoubleIsOneErrorRecordInAFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\"diet\": \"vegan\"}");
        Files.writeString(dir.resolve("b.json"), "{\"lab_magnesium_mmol_l\": 1e400}");
        Files.writeString(dir.resolve("c.json"), "{\"lab_magnesium_mmol_l\": \"0e-2147483647\"}");
        BatchRun run = BatchRun.of(dir, BatchOptions.defaults().withThreads(2));
        assertEveryRecordAccountedFor(run, 3);
        assertEquals(List.of("a", "c"), CsvInputTest.respondents(run));
        JsonNode error = json(run.errorLines().get(0));
        assertEquals("b", error.get("respondent").asText());
        assertEquals("question 'lab_magnesium_mmol_l': 1e400 is not a finite number", error.get("message").asText());
    }

    @Test
    void aLoneCarriageReturnEndsALineAsLfAndCrlfDo() {
        BatchRun cr = BatchRun.of("{\"respondent\": \"a\"}\r{\"respondent\": \"b\"}\r{\"respondent\": \"c\", \"diet\": \"x\"}\r",
                BatchRun.jsonLines());
        assertEveryRecordAccountedFor(cr, 3);
        assertEquals(List.of("a", "b"), CsvInputTest.respondents(cr));
        assertEquals(3, json(cr.errorLines().get(0)).get("line").asInt());
        // Mixed line ends: CRLF is one line end, CR and LF one each, and blank lines count as lines.
        BatchRun mixed = BatchRun.of("{\"respondent\": \"a\"}\r\n\r{\"respondent\": \"b\"}\n\r\n{\"diet\": \"x\"}",
                BatchRun.jsonLines());
        assertEveryRecordAccountedFor(mixed, 3);
        assertEquals(5, json(mixed.errorLines().get(0)).get("line").asInt(), mixed.errors());
    }

    @Test
    void textAfterTheObjectAndDuplicateKeysAreErrorRecords() {
        BatchRun run = BatchRun.of("""
                {"respondent": "a", "diet": "vegan"} x
                {"respondent": "b"}{"respondent": "c"}
                {"respondent": "d", "diet": "vegan", "diet": null}
                {"respondent": "e", "respondent": "f"}
                {"respondent": "g"}
                """, BatchRun.jsonLines());
        assertEveryRecordAccountedFor(run, 5);
        assertEquals(List.of("g"), CsvInputTest.respondents(run));
        List<JsonNode> errors = run.errorLines().stream().map(BadBatchInputTest::json).toList();
        assertTrue(errors.get(0).get("message").asText().startsWith("unexpected text after the questionnaire's"
                + " closing brace at line 1, column 36"), run.errors());
        assertEquals("a", errors.get(0).get("respondent").asText());
        assertTrue(errors.get(1).get("message").asText().startsWith("unexpected text after"), run.errors());
        assertEquals("diet", errors.get(2).get("question").asText());
        assertEquals("the question 'diet' is answered twice", errors.get(2).get("message").asText());
        assertEquals("the question 'respondent' is answered twice", errors.get(3).get("message").asText());
    }

    @Test
    void aJsonLineThatIsNotUtf8IsAnErrorRecordNamingTheLine() {
        byte[] input = concat(utf8("{\"respondent\": \"r1\"}\n{\"respondent\": \"r"), new byte[] {(byte) 0xFF},
                utf8("2\"}\n{\"respondent\": \"r\uFFFD3\"}\n"));
        BatchRun run = BatchRun.of(TwitchAdvisor.bundled(), input, BatchRun.jsonLines());
        assertEveryRecordAccountedFor(run, 3);
        // A replacement character that the input holds, properly encoded, is a character like any other.
        assertEquals(List.of("r1", "r\uFFFD3"), CsvInputTest.respondents(run));
        JsonNode error = json(run.errorLines().get(0));
        assertEquals(2, error.get("line").asInt());
        assertEquals("this line is not UTF-8 text: invalid byte 0xFF at offset 17 of the line",
                error.get("message").asText());
    }

    @Test
    void aCsvCellThatIsNotUtf8IsAnErrorRecordNamingTheQuestion() {
        byte[] input = concat(utf8("respondent,diet,stress\nr1,vegan,low\nr2,v"), new byte[] {(byte) 0xE9},
                utf8("gan,low\n"), new byte[] {(byte) 0xE9}, utf8("3,vegan,low\nr\uFFFD4,omnivore,high\nr5,vegan,\n"));
        BatchRun run = BatchRun.of(TwitchAdvisor.bundled(), input, BatchRun.csv());
        assertEveryRecordAccountedFor(run, 5);
        assertEquals(List.of("r1", "r\uFFFD4", "r5"), CsvInputTest.respondents(run));
        JsonNode diet = json(run.errorLines().get(0));
        assertEquals(3, diet.get("line").asInt());
        assertEquals("r2", diet.get("respondent").asText());
        assertEquals("diet", diet.get("question").asText());
        assertEquals("question 'diet': the answer is not UTF-8 text: invalid byte 0xE9 at offset 40 of the file;"
                + " save the file as UTF-8", diet.get("message").asText());
        JsonNode id = json(run.errorLines().get(1));
        assertEquals(4, id.get("line").asInt());
        assertTrue(id.get("respondent").isNull(), "a name with a bad byte names nobody");
        assertEquals("respondent", id.get("question").asText());
    }

    @Test
    void manyBadBytesAcrossManyRowsEachRejectOnlyTheirRow() {
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes(utf8("respondent,diet\n"));
        for (int i = 0; i < 3000; i++) {
            boolean bad = i % 7 == 3;
            input.writeBytes(utf8("r" + i + ","));
            input.writeBytes(bad ? "végan".getBytes(StandardCharsets.ISO_8859_1) : utf8("vegan"));
            input.writeBytes(utf8("\n"));
            if (!bad) {
                expected.append('r').append(i).append(' ');
            }
        }
        BatchRun run = BatchRun.of(TwitchAdvisor.bundled(), input.toByteArray(), BatchRun.csv());
        assertEveryRecordAccountedFor(run, 3000);
        assertEquals(expected.toString().trim(), String.join(" ", CsvInputTest.respondents(run)));
        for (String line : run.errorLines()) {
            assertEquals("diet", json(line).get("question").asText(), line);
        }
    }

    @Test
    void aCsvHeaderThatIsNotUtf8RefusesTheFile() {
        byte[] input = concat(utf8("respondent,di"), new byte[] {(byte) 0xE8}, utf8("t\nr1,vegan\n"));
        TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                () -> BatchRun.of(TwitchAdvisor.bundled(), input, BatchRun.csv()));
        assertEquals("survey: the header row is not UTF-8 text: invalid byte 0xE8 at offset 13 of the file; save the"
                + " file as UTF-8", e.getMessage());
    }

    @Test
    void aUtf16InputIsRefusedSayingSo() {
        String csv = "respondent,diet\nr1,vegan\n";
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE")) {
            byte[] input = csv.getBytes(Charset.forName(charset));
            TwitchAdvisorException e = assertThrows(TwitchAdvisorException.class,
                    () -> BatchRun.of(TwitchAdvisor.bundled(), input, BatchRun.csv()));
            assertEquals("survey: not UTF-8 text: this is UTF-16; save it as UTF-8", e.getMessage(), charset);
        }
        byte[] jsonl = "{\"respondent\": \"r1\"}\n".getBytes(StandardCharsets.UTF_16LE);
        assertThrows(TwitchAdvisorException.class, () -> BatchRun.of(TwitchAdvisor.bundled(), jsonl,
                BatchRun.jsonLines()));
    }

    @Test
    void aFolderFileIsDecodedAsAQuestionnaireFileIs(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("bom.json"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8("{\"diet\": \"vegan\"}")));
        Files.write(dir.resolve("latin1.json"), "{\"diet\": \"végan\"}".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("utf16.json"), "{\"diet\": \"vegan\"}".getBytes(StandardCharsets.UTF_16));
        BatchRun run = BatchRun.of(dir, BatchOptions.defaults().withThreads(2));
        assertEveryRecordAccountedFor(run, 3);
        assertEquals(List.of("bom"), CsvInputTest.respondents(run));
        assertEquals("this file is not UTF-8 text: invalid byte 0xE9 at offset 11",
                json(run.errorLines().get(0)).get("message").asText());
        assertEquals("latin1", json(run.errorLines().get(0)).get("respondent").asText());
        assertEquals("this file is not UTF-8 text: this is UTF-16; save it as UTF-8",
                json(run.errorLines().get(1)).get("message").asText());
    }

    /**
     * The per-record handling itself, whatever fails: here writing a result fails halfway for one respondent, as an
     * unforeseen bug would. That record becomes an error record saying so, without the half-written bytes, and the
     * records around it are written as usual.
     */
    @Test
    void anUnexpectedFailureOfOneRecordIsThatRecordsErrorRecord() {
        TwitchAdvisor advisor = TwitchAdvisor.bundled();
        ResultFormat real = ResultFormat.of(BatchOptions.defaults(), advisor);
        ResultFormat failsOnR2 = new ResultFormat() {
            @Override
            public String header() {
                return "";
            }

            @Override
            public void write(Assessment a, ByteArrayOutputStream out) {
                if (a.respondent().equals("r2")) {
                    out.writeBytes(utf8("{\"half\": "));
                    throw new IllegalStateException("a bug");
                }
                real.write(a, out);
            }
        };
        List<RawRecord> records = new ArrayList<>();
        for (String r : List.of("r1", "r2", "r3")) {
            records.add(RawRecord.json("survey", records.size() + 1, "{\"respondent\": \"" + r + "\"}", null));
        }
        RecordAssessor.Result result = new RecordAssessor(advisor, null, failsOnR2, Compression.NONE, false).assess(records);
        List<String> lines = result.results().toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("r1", "r3"), lines.stream().map(l -> json(l).get("respondent").asText()).toList());
        List<String> errors = result.errors().toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, errors.size());
        JsonNode error = json(errors.get(0));
        assertEquals(2, error.get("line").asInt());
        assertNull(error.get("question").textValue());
        assertEquals("internal error while assessing this record (a bug: please report it); the other records are"
                + " not affected", error.get("message").asText());
        assertEquals(3, result.tally().read);
        assertEquals(2, result.tally().assessed);
        assertEquals(1, result.tally().rejected);
    }
}
