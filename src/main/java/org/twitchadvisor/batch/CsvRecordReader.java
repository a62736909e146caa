package org.twitchadvisor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.twitchadvisor.Problem;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Streams the rows of a CSV survey with Jackson's CSV parser (RFC 4180: quoted cells with separators, quotes
 * and line breaks; CRLF or LF). Blank lines are skipped. A row with too few or too many cells becomes an error
 * record. A structure error (a quote never closed, text after a closing quote, a cell longer than
 * {@link #MAX_CELL_CHARS}) leaves the rest of the file unreadable: that row becomes an error record and
 * reading stops, see {@link #stoppedBy()}.
 */
final class CsvRecordReader implements RecordReader {
    /** No answer is this long; a longer cell is a quote never closed swallowing the file, refused before memory goes. */
    static final int MAX_CELL_CHARS = 100_000;
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CELL_CHARS).build())
            .build();

    private final String file;
    private final InputBytes bytes;
    private final Utf8Reader text;
    private final CsvParser parser;
    private final CsvHeader header;
    private String stoppedBy;
    /** Where each cell of the current row starts, kept only while a byte that is not UTF-8 waits to be placed. */
    private long[] cellStarts;

    /**
     * Opens the input and checks its header.
     *
     * @param file the input's name, for messages
     * @param bytes the input
     * @param advisor knows the question ids
     * @param ignoreUnknown drop unknown columns instead of refusing the file
     * @throws IOException when the input cannot be read
     * @throws TwitchAdvisorException when the header cannot be used
     */
    CsvRecordReader(String file, InputBytes bytes, TwitchAdvisor advisor, boolean ignoreUnknown) throws IOException {
        this.file = file;
        this.bytes = bytes;
        this.text = new Utf8Reader(bytes, bytes.position());
        this.parser = FACTORY.createParser(text);
        List<String> names = null;
        try {
            names = row();
        } catch (JsonProcessingException e) {
            throw new TwitchAdvisorException(file + ": the header row is not valid CSV: " + e.getOriginalMessage());
        }
        Utf8Reader.Invalid invalid = text.invalidBefore(parser.currentLocation().getCharOffset());
        if (invalid != null) {
            throw new TwitchAdvisorException(file + ": the header row is " + invalid.message() + "; save the file as"
                    + " UTF-8");
        }
        // An empty file has no header and no rows: nothing to check, nothing to assess.
        this.header = names == null ? null : CsvHeader.of(file, names, advisor, ignoreUnknown);
    }

    @Override
    public RawRecord next() throws IOException {
        if (header == null || stoppedBy != null) {
            return null;
        }
        long line = 0;
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            line = parser.currentLocation().getLineNr();
            String[] cells = new String[header.width()];
            int count = 0;
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                if (t == null) {
                    break;
                }
                if (count == 0) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                // Cells beyond the header are counted, not kept: a row of a million separators costs no memory.
                if (count < cells.length) {
                    cells[count] = parser.getText();
                    noteStart(count, cells.length);
                }
                count++;
            }
            Utf8Reader.Invalid invalid = text.invalidBefore(parser.currentLocation().getCharOffset());
            int invalidColumn = invalid == null ? -1 : columnOf(invalid);
            if (!text.hasInvalid()) {
                cellStarts = null;
            }
            if (count != cells.length) {
                String respondent = header.respondent(filled(cells, count));
                return RawRecord.broken(file, line, respondent, String.format(Locale.ROOT,
                        "this row has %d cells but the header has %d columns", count, cells.length));
            }
            if (invalid != null) {
                return notUtf8(line, cells, invalid, invalidColumn);
            }
            return RawRecord.cells(file, line, cells);
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
            stoppedBy = "line " + at + ": the CSV structure is broken (" + e.getOriginalMessage()
                    + "); nothing after it can be read reliably";
            return RawRecord.broken(file, line == 0 ? at : line, null, "the CSV structure is broken at line " + at
                    + ": " + e.getOriginalMessage() + "; reading stopped here");
        }
    }

    /**
     * Remembers where a cell starts while an invalid byte is pending: the cell that holds it has started by the time
     * the parser hands it over, so only rows near a bad byte pay for the positions.
     */
    private void noteStart(int cell, int width) {
        if (cellStarts == null && !text.hasInvalid()) {
            return;
        }
        if (cellStarts == null || cellStarts.length != width) {
            cellStarts = new long[width];
        }
        if (cell == 0) {
            Arrays.fill(cellStarts, -1);
        }
        cellStarts[cell] = text.hasInvalid() ? parser.currentTokenLocation().getCharOffset() : -1;
    }

    /** @return the column of the current row that holds an invalid byte, or -1 when it cannot be told */
    private int columnOf(Utf8Reader.Invalid invalid) {
        int column = -1;
        for (int i = 0; cellStarts != null && i < cellStarts.length; i++) {
            if (cellStarts[i] >= 0 && cellStarts[i] <= invalid.charOffset()) {
                column = i;
            }
        }
        return column;
    }

    /** The error record of a row with a byte that is not UTF-8, naming the question it is in. */
    private RawRecord notUtf8(long line, String[] cells, Utf8Reader.Invalid invalid, int column) {
        String id = column < 0 ? null : header.id(column);
        String where = id != null ? "question '" + id + "': the answer is "
                : column >= 0 ? "column " + (column + 1) + " is " : "this row is ";
        // The respondent is named only when the bad byte is elsewhere: a name with a U+FFFD in it finds nobody.
        String respondent = column == header.respondentColumn() ? null : header.respondent(cells);
        return RawRecord.broken(file, line, respondent,
                new Problem(id, null, where + invalid.message() + "; save the file as UTF-8"));
    }

    /** Missing cells of a short row read as empty, so its respondent can still be named in the error record. */
    private static String[] filled(String[] cells, int count) {
        String[] out = cells.clone();
        for (int i = Math.min(count, out.length); i < out.length; i++) {
            out[i] = "";
        }
        return out;
    }

    private List<String> row() throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> cells = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            cells.add(parser.getText());
        }
        return cells;
    }

    /** @return the checked header, or {@code null} for an empty file */
    CsvHeader header() {
        return header;
    }

    @Override
    public double fractionRead() {
        return bytes.fractionRead();
    }

    @Override
    public String stoppedBy() {
        return stoppedBy;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        bytes.close();
    }
}
