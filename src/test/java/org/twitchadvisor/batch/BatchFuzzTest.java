package org.twitchadvisor.batch;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.twitchadvisor.FuzzInputs;
import org.twitchadvisor.Question;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing the batch readers through {@link BatchRunner}. Invariants: nothing escapes but a
 * {@link TwitchAdvisorException} for an input that cannot be used as a whole (a header, an encoding), with a message
 * for a person; every record of the input, counted here independently of the readers, is exactly one result or one
 * error record, in input order; every error record's message is for a person.
 *
 * <p>{@code mvn test} runs the seeds in {@code src/test/resources/org/twitchadvisor/batch/BatchFuzzTestInputs}
 * (regression mode); docs/batch.md says how to fuzz for longer.
 */
@Order(Integer.MAX_VALUE)
class BatchFuzzTest {
    private static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    private static final BatchOptions CSV = BatchOptions.defaults().withInputFormat(BatchOptions.InputFormat.CSV)
            .withThreads(1);
    private static final BatchOptions JSON_LINES = BatchOptions.defaults()
            .withInputFormat(BatchOptions.InputFormat.JSON_LINES).withThreads(1);
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    /** A CSV survey of known columns whose structure is sound, so that every row written must come back. */
    @FuzzTest(maxDuration = "60s")
    void csvSurvey(FuzzedDataProvider data) {
        List<Question> questions = ADVISOR.questions();
        Set<String> columns = new LinkedHashSet<>(List.of("respondent"));
        int width = data.consumeInt(1, 6);
        for (int i = 0; i < width; i++) {
            columns.add(data.pickValue(questions).id());
        }
        List<String> header = new ArrayList<>(columns);
        if (header.size() < 2) {
            // A one-column row with an empty cell is a blank line, which is skipped and is no record.
            header.add("diet");
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(String.join(",", header.stream().map(h -> data.consumeBoolean() ? h
                : h.toUpperCase(Locale.ROOT)).toList()).getBytes(StandardCharsets.UTF_8));
        Map<String, Question> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.id(), q));
        String lineEnd = data.pickValue(LINE_ENDS);
        in.writeBytes(bytes(lineEnd));
        long line = 2;
        int rows = data.consumeInt(0, 12);
        List<Long> rowLines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (data.consumeInt(0, 9) == 0) {
                // The same line end again: an LF after a CR would only complete that CR's line end.
                in.writeBytes(bytes(lineEnd));
                line++;
            }
            rowLines.add(line);
            for (int c = 0; c < header.size(); c++) {
                if (c > 0) {
                    in.write(',');
                }
                byte[] cell = c == 0 && data.consumeInt(0, 5) > 0 ? bytes("r" + r) : cell(data, byId.get(header.get(c)));
                line += lineEnds(cell);
                in.writeBytes(quoted(cell));
            }
            lineEnd = data.pickValue(LINE_ENDS);
            in.writeBytes(bytes(lineEnd));
            line++;
        }
        byte[] input = in.toByteArray();
        BatchRun run = BatchRun.of(ADVISOR, input, CSV);
        String text = new String(input, StandardCharsets.UTF_8);
        assertNull(run.summary().stoppedBy(), "a sound structure stopped reading");
        assertAccountedFor(run, rows, text);
        for (String error : run.errorLines()) {
            JsonNode e = CsvInputTest.json(error);
            long at = e.get("line").asLong();
            int row = rowLines.indexOf(at);
            assertTrue(row >= 0, "an error record at line " + at + ", where no row starts: " + rowLines);
            String respondent = e.get("respondent").textValue();
            assertTrue(respondent == null || !respondent.matches("r\\d+") || respondent.equals("r" + row),
                    "line " + at + " is row " + row + ", not " + respondent);
        }
    }

    /** Any bytes as a CSV: a header that cannot be used refuses the file; otherwise every row read is accounted for. */
    @FuzzTest(maxDuration = "60s")
    void csvBytes(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        BatchRun run;
        try {
            run = BatchRun.of(ADVISOR, input, CSV);
        } catch (TwitchAdvisorException e) {
            FuzzInputs.assertPlain(e.getMessage(), text);
            return;
        }
        assertAccountedFor(run, run.summary().rowsRead(), text);
        if (run.summary().stoppedBy() != null) {
            FuzzInputs.assertPlain(run.summary().stoppedBy(), text);
        }
    }

    /** Any bytes as JSON Lines: every line that is not blank, counted here, is one result or one error record. */
    @FuzzTest(maxDuration = "60s")
    void jsonLinesBytes(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        BatchRun run;
        try {
            run = BatchRun.of(ADVISOR, input, JSON_LINES);
        } catch (TwitchAdvisorException e) {
            // Only a whole input in another encoding is refused: a byte order mark of UTF-16, or zero bytes.
            boolean utf16Bom = input.length >= 2 && ((input[0] & 0xFF) == 0xFE && (input[1] & 0xFF) == 0xFF
                    || (input[0] & 0xFF) == 0xFF && (input[1] & 0xFF) == 0xFE);
            boolean zeros = false;
            for (int i = 0; i < Math.min(4, input.length); i++) {
                zeros |= input[i] == 0;
            }
            assertTrue(utf16Bom || zeros, "refused: " + e.getMessage());
            FuzzInputs.assertPlain(e.getMessage(), text);
            return;
        }
        assertAccountedFor(run, nonBlankLines(input), text);
    }

    /** Questionnaires from the catalogue, one per line, with every kind of line end and a blank line now and then. */
    @FuzzTest(maxDuration = "60s")
    void jsonLinesSurvey(FuzzedDataProvider data) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        int lines = data.consumeInt(0, 10);
        for (int i = 0; i < lines; i++) {
            in.writeBytes(bytes(data.consumeInt(0, 9) == 0 ? " "
                    : FuzzInputs.questionnaireJson(data, ADVISOR.questions(), false)));
            in.writeBytes(bytes(data.pickValue(LINE_ENDS)));
        }
        byte[] input = in.toByteArray();
        BatchRun run = BatchRun.of(ADVISOR, input, JSON_LINES);
        assertAccountedFor(run, nonBlankLines(input), new String(input, StandardCharsets.UTF_8));
    }

    /** Every record is one result or one error record, in order, and every error record is for a person. */
    private static void assertAccountedFor(BatchRun run, long records, String input) {
        BatchSummary s = run.summary();
        assertEquals(records, s.rowsRead(), "records read; errors: " + run.errors());
        assertEquals(s.rowsRead(), s.assessed() + s.rejected());
        assertEquals(s.assessed(), run.resultLines().size());
        assertEquals(s.rejected(), run.errorLines().size());
        long previous = 0;
        for (String error : run.errorLines()) {
            JsonNode e = CsvInputTest.json(error);
            FuzzInputs.assertPlain(e.get("message").asText(), input);
            for (JsonNode p : e.get("problems")) {
                FuzzInputs.assertPlain(p.get("message").asText(), input);
            }
            long line = e.get("line").asLong();
            assertTrue(line > previous, "error records out of order: " + run.errors());
            previous = line;
        }
    }

    /** Lines as LF, CRLF and a lone CR end them, a UTF-8 byte order mark dropped, blank ones not counted. */
    static long nonBlankLines(byte[] input) {
        int from = input.length >= 3 && (input[0] & 0xFF) == 0xEF && (input[1] & 0xFF) == 0xBB
                && (input[2] & 0xFF) == 0xBF ? 3 : 0;
        long count = 0;
        int start = from;
        for (int i = from; i <= input.length; i++) {
            if (i == input.length || input[i] == '\n' || input[i] == '\r') {
                if (!new String(input, start, i - start, StandardCharsets.UTF_8).isBlank()) {
                    count++;
                }
                if (i < input.length - 1 && input[i] == '\r' && input[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return count;
    }

    private static byte[] cell(FuzzedDataProvider data, Question q) {
        List<String> allowed = q.values().isEmpty() ? List.of("yes", "no", "1", "2.5", "1e400", "0e-2147483647")
                : q.values();
        return switch (data.consumeInt(0, 7)) {
            case 0, 1, 2 -> bytes(data.pickValue(allowed));
            case 3 -> bytes("");
            case 4 -> bytes(data.pickValue(allowed) + ";" + data.pickValue(allowed));
            case 5 -> data.consumeBytes(6);
            default -> bytes(data.consumeString(8));
        };
    }

    /** RFC 4180: a cell with a separator, a quote or a line break is quoted, its quotes doubled. */
    private static byte[] quoted(byte[] cell) {
        boolean quote = false;
        for (byte b : cell) {
            quote |= b == ',' || b == '"' || b == '\n' || b == '\r';
        }
        if (!quote) {
            return cell;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('"');
        for (byte b : cell) {
            if (b == '"') {
                out.write('"');
            }
            out.write(b);
        }
        out.write('"');
        return out.toByteArray();
    }

    /** Line ends inside a quoted cell, counted as the file's lines are. */
    private static int lineEnds(byte[] cell) {
        int n = 0;
        for (int i = 0; i < cell.length; i++) {
            if (cell[i] == '\n' || cell[i] == '\r' && (i + 1 == cell.length || cell[i + 1] != '\n')) {
                n++;
            }
        }
        return n;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
