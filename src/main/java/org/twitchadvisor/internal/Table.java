package org.twitchadvisor.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.twitchadvisor.RuleProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reference table from {@code rules/data/}: a CSV file with a header row, edited by experts in a
 * spreadsheet. Lines starting with {@code #} are comments. Each row keeps its line number so a problem
 * can be reported as {@code file:line}.
 */
public final class Table {
    private static final CsvMapper MAPPER = new CsvMapper()
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    /** One data row. */
    public record Row(String file, int line, Map<String, String> cells) {
        /** @return the trimmed cell, or "" when absent */
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }
    }

    private final String file;
    private final List<Row> rows;

    private Table(String file, List<Row> rows) {
        this.file = file;
        this.rows = List.copyOf(rows);
    }

    /**
     * Parses a table and checks that it has the expected columns.
     *
     * @param file the file name shown in problems, relative to the rules folder
     * @param text the file's content
     * @param required the columns the table must have
     * @param problems where problems are added
     * @return the table, empty when it could not be read
     */
    public static Table parse(String file, String text, List<String> required, List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema).readValues(body)) {
            boolean headerChecked = false;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                int line = it.getParser().currentTokenLocation().getLineNr();
                if (!headerChecked) {
                    headerChecked = true;
                    for (String col : required) {
                        if (!row.containsKey(col)) {
                            problems.add(new RuleProblem(file, 1, 1, "error",
                                    "the table has no column '" + col + "'; it needs the columns " + String.join(", ", required)));
                        }
                    }
                }
                rows.add(new Row(file, line, new LinkedHashMap<>(row)));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, 0, "error", "the table cannot be read as CSV: " + e.getMessage()));
        }
        return new Table(file, rows);
    }

    /** @return the file name, relative to the rules folder */
    public String file() {
        return file;
    }

    /** @return the data rows, in file order */
    public List<Row> rows() {
        return rows;
    }
}
