package org.twitchadvisor.batch;

import org.twitchadvisor.internal.text.Utf8Text;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Streams a JSON Lines survey: one questionnaire per line; a line ends at LF, CRLF or a lone CR (as old Mac
 * programs write); blank lines skipped. Lines are cut as bytes and each is decoded on its own, strictly, so a line
 * that is not UTF-8 becomes that line's error record and the others are read as usual. A line longer than
 * {@link #MAX_LINE_CHARS} is not kept in memory: it is skipped to its end and becomes an error record, so one
 * giant line cannot exhaust memory (the JSON parser's own limits then bound what a line may hold).
 */
final class JsonLinesRecordReader implements RecordReader {
    /** As large as the JSON parser accepts for one questionnaire ({@code TwitchAdvisor.readJson}). */
    static final int MAX_LINE_CHARS = 1_000_000;
    /** A UTF-8 character of one UTF-16 char takes at most 3 bytes; more than this is more than the limit either way. */
    private static final int MAX_LINE_BYTES = 3 * MAX_LINE_CHARS + 3;

    private final String file;
    private final InputBytes bytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int len;
    /** The line being read; it grows up to {@link #MAX_LINE_BYTES} for a long line and stays that size. */
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    /** The last line ended in CR: an LF right after it belongs to that line end, not to a new blank line. */
    private boolean afterCr;
    private long lineNumber;

    JsonLinesRecordReader(String file, InputBytes bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    @Override
    public RawRecord next() throws IOException {
        while (true) {
            long length = readLine();
            if (length < 0) {
                return null;
            }
            lineNumber++;
            if (length > lineLength) {
                return RawRecord.broken(file, lineNumber, null, String.format(Locale.ROOT,
                        "this line has %,d bytes, more than a questionnaire of at most %,d characters can take; it"
                                + " was skipped", length, MAX_LINE_CHARS));
            }
            String text;
            try {
                text = Utf8Text.decodePart(line, 0, lineLength, " of the line");
            } catch (Utf8Text.NotUtf8Exception e) {
                return RawRecord.broken(file, lineNumber, null, "this line is " + e.getMessage());
            }
            if (text.length() > MAX_LINE_CHARS) {
                return RawRecord.broken(file, lineNumber, null, String.format(Locale.ROOT,
                        "this line has %,d characters, more than the %,d a questionnaire may have; it was skipped",
                        text.length(), MAX_LINE_CHARS));
            }
            if (!text.isBlank()) {
                return RawRecord.json(file, lineNumber, text, null);
            }
        }
    }

    /**
     * Reads up to the next line end, keeping at most {@link #MAX_LINE_BYTES} bytes of the line in {@link #line}.
     *
     * @return the length in bytes of the whole line without its line end, or -1 at the end of the input
     */
    private long readLine() throws IOException {
        long length = 0;
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = bytes.read(buffer);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? length : -1;
                }
            }
            if (afterCr) {
                afterCr = false;
                if (buffer[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buffer[pos] != '\n' && buffer[pos] != '\r') {
                pos++;
            }
            keep(start, pos - start);
            length += pos - start;
            if (pos < len) {
                afterCr = buffer[pos] == '\r';
                pos++;
                return length;
            }
        }
    }

    /** Appends bytes of the current line while it is within the limit; beyond it, they are only counted. */
    private void keep(int from, int n) {
        int room = MAX_LINE_BYTES - lineLength;
        if (n == 0 || room <= 0) {
            return;
        }
        int take = Math.min(n, room);
        if (lineLength + take > line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(line.length * 2, lineLength + take)));
        }
        System.arraycopy(buffer, from, line, lineLength, take);
        lineLength += take;
    }

    @Override
    public double fractionRead() {
        return bytes.fractionRead();
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
