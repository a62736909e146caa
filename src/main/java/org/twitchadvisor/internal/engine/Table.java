package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.text.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.twitchadvisor.RuleProblem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reference table from {@code rules/data/}: a CSV file with a header row, edited by experts in a
 * spreadsheet. Lines starting with {@code #} are comments. Each row keeps its line number so a problem
 * can be reported as {@code file:line}.
 */
public final class Table {
    /** Columns for people, which no table reads: any table may have them. */
    public static final Set<String> NOTE_COLUMNS = Set.of("note", "meaning");
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
        return parse(file, text, required, List.of(), problems);
    }

    /**
     * Parses a table with columns it may do without, so that a folder written before a column existed still reads.
     *
     * @param file the file name shown in problems, relative to the rules folder
     * @param text the file's content
     * @param required the columns the table must have
     * @param optional the columns the table is read for when it has them
     * @param problems where problems are added
     * @return the table, empty when it could not be read
     */
    public static Table parse(String file, String text, List<String> required, List<String> optional,
                              List<RuleProblem> problems) {
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        // Read token by token: a row's first cell is where the row starts, whatever comments, blank lines or
        // multi-line cells come before it (the location after a whole row is already on the next line).
        try (CsvParser parser = (CsvParser) MAPPER.readerForMapOf(String.class).with(schema).createParser(body)) {
            Map<String, String> row = null;
            int line = 0;
            String column = null;
            JsonToken t = parser.nextToken();
            // The parser has read the header now, even of a table without rows.
            List<String> columns = new ArrayList<>();
            parser.getSchema().forEach(c -> columns.add(c.getName()));
            header(file, headerLine(body), columns, required, optional, problems);
            for (; t != null; t = parser.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    row = new LinkedHashMap<>();
                    line = 0;
                } else if (t == JsonToken.FIELD_NAME) {
                    column = parser.currentName();
                    line = line == 0 ? parser.currentTokenLocation().getLineNr() : line;
                } else if (t == JsonToken.VALUE_STRING && row != null) {
                    row.put(column, parser.getText());
                } else if (t == JsonToken.END_OBJECT && row != null) {
                    rows.add(new Row(file, line, row));
                    row = null;
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new RuleProblem(file, line, 0, "error", "the table cannot be read as CSV: " + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(file, 0, 0, "error", "the table cannot be read as CSV: " + e.getMessage()));
        }
        return new Table(file, rows);
    }

    /**
     * A missing column is an error. A column no one reads is a warning, not an error, so a spreadsheet can
     * carry a column of its own; but a misspelled column would otherwise be ignored without a word.
     */
    private static void header(String file, int line, List<String> columns, List<String> required,
                               List<String> optional, List<RuleProblem> problems) {
        List<String> read = new ArrayList<>(required);
        read.addAll(optional);
        for (String col : required) {
            if (!columns.contains(col)) {
                problems.add(new RuleProblem(file, line, 1, "error", "the table has no column '" + col + "'"
                        + suggestion(col, columns) + "; it needs the columns " + String.join(", ", required)));
            }
        }
        for (String col : columns) {
            if (!read.contains(col) && !NOTE_COLUMNS.contains(col)) {
                problems.add(new RuleProblem(file, line, 1, "warning", "the column '" + col + "' is not read"
                        + suggestion(col, read) + "; the table reads " + String.join(", ", read)
                        + ", and a column for your own remarks is called 'note'"));
            }
        }
    }

    /** @return the 1-based line of the header: the first line that is neither blank nor a comment */
    private static int headerLine(String body) {
        List<String> lines = body.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (!l.isEmpty() && !l.startsWith("#")) {
                return i + 1;
            }
        }
        return 1;
    }

    private static String suggestion(String column, java.util.Collection<String> known) {
        String near = Text.closest(column, known);
        return near == null ? "" : " (did you mean '" + near + "'?)";
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
