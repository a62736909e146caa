package org.twitchadvisor.internal.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Writes every CSV the project makes for spreadsheets (the rule catalogue of {@code twitch rules list}, the
 * results of {@code twitch batch --format csv}), so all of them are safe to open in the same way.
 *
 * <p>Quoting is Jackson's (RFC 4180): a cell is quoted when it holds a character below {@code -} (the
 * separator, quotes, line breaks, tabs, spaces) or is longer than 24 characters, so no reader misplaces a
 * cell. No text cell can run as a spreadsheet formula: one that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is written with a {@code '} in front
 * (the OWASP advice against CSV injection), so {@code =HYPERLINK(...)} shows as the text {@code '=HYPERLINK(...)}
 * and a respondent id {@code -12} as {@code '-12}. Numbers, which only the program itself puts in a row (a
 * score, a line number, a weight), are written as numbers, negative ones too: {@code -0.5} is a value to a
 * spreadsheet, not a formula.
 */
public final class SpreadsheetCsv {
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            // Rows go into the caller's stream one after another; the caller closes it.
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private SpreadsheetCsv() {
    }

    /**
     * The rows as CSV text, each ending in a line feed.
     *
     * @param rows the rows, the header first; a cell is text, a {@link Number}, or {@code null} for an empty cell
     * @return the CSV
     */
    public static String text(List<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            for (List<?> row : rows) {
                row(gen, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a string writer does not fail", e);
        }
        return out.toString();
    }

    /**
     * Appends one row, ending in a line feed, as UTF-8.
     *
     * @param row the cells: text, a {@link Number}, or {@code null} for an empty cell
     * @param out where the row goes; not closed
     * @throws IOException when {@code out} fails
     */
    public static void write(List<?> row, OutputStream out) throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            row(gen, row);
        }
    }

    /**
     * The text as a cell may hold it: with a {@code '} in front when it starts like a formula.
     *
     * @param text a cell's text
     * @return the text, or {@code '} and the text when it starts with {@code = + - @}, a tab or a carriage return
     */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static void row(JsonGenerator gen, List<?> cells) throws IOException {
        gen.writeStartArray();
        for (Object cell : cells) {
            if (cell == null) {
                gen.writeString(""); // Jackson leaves out a null at the end of a row, which would make the row short.
            } else if (cell instanceof BigDecimal d) {
                gen.writeNumber(d);
            } else if (cell instanceof BigInteger i) {
                gen.writeNumber(i);
            } else if (cell instanceof Double d) {
                gen.writeNumber(d);
            } else if (cell instanceof Float f) {
                gen.writeNumber(f);
            } else if (cell instanceof Number n) {
                gen.writeNumber(n.longValue());
            } else {
                gen.writeString(neutralise(cell.toString()));
            }
        }
        gen.writeEndArray();
    }
}
