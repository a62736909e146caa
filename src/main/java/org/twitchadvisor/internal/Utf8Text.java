package org.twitchadvisor.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads bytes that must be UTF-8 text and, when they are not, says where and what they are instead, in
 * words a person who saved the file from a spreadsheet or an editor can act on. Java's own decoder says
 * only "Input length = 1".
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * Why bytes are not UTF-8 text, and where.
     *
     * @param line the line of the first bad byte, from 1
     * @param column its column on that line, from 1
     * @param message what is wrong, e.g. {@code not UTF-8 text: invalid byte 0xE9 at line 2, column 4 (offset 31)}
     */
    public record Problem(int line, int column, String message) {
    }

    /**
     * @param bytes the content; a UTF-8 byte order mark at the start is dropped
     * @return the text
     * @throws InvalidUtf8Exception when the bytes are not UTF-8, or are UTF-16
     */
    public static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw new InvalidUtf8Exception(new Problem(1, 1, "this file is UTF-16 text; save it as UTF-8"));
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L, (long) bytes.length + 1));
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InvalidUtf8Exception(problem(bytes, in.position()));
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (text.indexOf('\0') >= 0 && looksLikeUtf16(bytes)) {
            throw new InvalidUtf8Exception(new Problem(1, 1, "this file is UTF-16 text; save it as UTF-8"));
        }
        return text;
    }

    /** UTF-16 without a byte order mark: every other byte of plain text is zero. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int zeros = 0;
        int n = Math.min(bytes.length, 200);
        for (int i = 0; i < n; i++) {
            zeros += bytes[i] == 0 ? 1 : 0;
        }
        return zeros * 3 >= n;
    }

    private static Problem problem(byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Columns count characters, and what precedes the bad byte on its line is valid UTF-8.
        int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new Problem(line, column, String.format("not UTF-8 text: invalid byte 0x%02X at line %d, column %d "
                + "(offset %d); save the file as UTF-8", bytes[offset] & 0xFF, line, column, offset));
    }

    /** Bytes that are not UTF-8 text. */
    public static final class InvalidUtf8Exception extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        InvalidUtf8Exception(Problem problem) {
            super(problem.message());
            this.problem = problem;
        }

        /** @return where and what */
        public Problem problem() {
            return problem;
        }
    }
}
