package org.twitchadvisor.batch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Streams a JSON Lines survey: one questionnaire per line, LF or CRLF, blank lines skipped. A line longer than
 * {@link #MAX_LINE_CHARS} is not kept in memory: it is skipped to its end and becomes an error record, so one
 * giant line cannot exhaust memory (the JSON parser's own limits then bound what a line may hold).
 */
final class JsonLinesRecordReader implements RecordReader {
    /** As large as the JSON parser accepts for one questionnaire ({@code TwitchAdvisor.readJson}). */
    static final int MAX_LINE_CHARS = 1_000_000;

    private final String file;
    private final InputBytes bytes;
    private final Reader in;
    private final char[] buffer = new char[1 << 14];
    private int pos;
    private int len;
    private long lineNumber;

    JsonLinesRecordReader(String file, InputBytes bytes) {
        this.file = file;
        this.bytes = bytes;
        this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public RawRecord next() throws IOException {
        StringBuilder line = new StringBuilder(512);
        while (true) {
            line.setLength(0);
            long length = readLine(line);
            if (length < 0) {
                return null;
            }
            lineNumber++;
            if (length > MAX_LINE_CHARS) {
                return RawRecord.broken(file, lineNumber, null, String.format(Locale.ROOT,
                        "this line has %,d characters, more than the %,d a questionnaire may have; it was skipped",
                        length, MAX_LINE_CHARS));
            }
            String text = line.toString();
            if (!text.isBlank()) {
                return RawRecord.json(file, lineNumber, text, null);
            }
        }
    }

    /**
     * Reads up to the next line feed, keeping at most {@link #MAX_LINE_CHARS} characters of the line.
     *
     * @return the length of the whole line without its line break, or -1 at the end of the input
     */
    private long readLine(StringBuilder line) throws IOException {
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buffer);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? trimCr(line, length) : -1;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (length + n <= MAX_LINE_CHARS + 1) {
                line.append(buffer, start, n);
            }
            length += n;
            if (pos < len) {
                pos++;
                return trimCr(line, length);
            }
        }
    }

    private static long trimCr(StringBuilder line, long length) {
        if (length > 0 && line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
            line.setLength(line.length() - 1);
            return length - 1;
        }
        return length;
    }

    @Override
    public double fractionRead() {
        return bytes.fractionRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
