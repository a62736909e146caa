package org.twitchadvisor.internal.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes that must be UTF-8 text, as the questionnaire contract says, decoded strictly: a UTF-8 byte order mark is
 * skipped (spreadsheet programs and some editors write one), and anything else is refused in words a person can act
 * on, naming the byte and where it is, rather than with the decoder's own message.
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /** Bytes that are not UTF-8 text; the message says why, for a person. */
    public static final class NotUtf8Exception extends Exception {
        private static final long serialVersionUID = 1L;
        private final long offset;

        NotUtf8Exception(String message, long offset) {
            super(message, null, false, false);
            this.offset = offset;
        }

        /** @return the offset of the first invalid byte, or -1 when the whole text is in another encoding */
        public long offset() {
            return offset;
        }
    }

    /** @return a decoder that reports bad bytes instead of replacing them, as the contract has no place for a guess */
    public static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The other encoding a text's first bytes show it is in: a UTF-16 or UTF-32 byte order mark, or the zero bytes
     * those encodings give plain ASCII text (which UTF-8 text never starts with).
     *
     * @param bytes holds the text
     * @param from where it starts
     * @param length how many bytes it has (only the first four are looked at)
     * @return {@code "UTF-16"} or {@code "UTF-32"}, or {@code null} when nothing says the text is not UTF-8
     */
    public static String otherEncoding(byte[] bytes, int from, int length) {
        int b0 = length > 0 ? bytes[from] & 0xFF : -1;
        int b1 = length > 1 ? bytes[from + 1] & 0xFF : -1;
        int b2 = length > 2 ? bytes[from + 2] & 0xFF : -1;
        int b3 = length > 3 ? bytes[from + 3] & 0xFF : -1;
        if ((b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0) || (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF)
                || (length > 3 && b1 == 0 && b2 == 0 && (b0 == 0) != (b3 == 0))) {
            return "UTF-32";
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (length > 1 && (b0 == 0) != (b1 == 0))) {
            return "UTF-16";
        }
        return null;
    }

    /**
     * The message for text in another encoding.
     *
     * @param encoding what {@link #otherEncoding} found
     * @return e.g. "not UTF-8 text: this is UTF-16; save it as UTF-8"
     */
    public static String otherEncodingMessage(String encoding) {
        return "not UTF-8 text: this is " + encoding + "; save it as UTF-8";
    }

    /**
     * The message for a byte that cannot start or continue a UTF-8 character.
     *
     * @param value the byte
     * @param offset where it is, counted from 0
     * @param where what the offset counts in, e.g. "" or " of the line"
     * @return e.g. "not UTF-8 text: invalid byte 0xE9 at offset 17"
     */
    public static String invalidByteMessage(int value, long offset, String where) {
        return String.format(Locale.ROOT, "not UTF-8 text: invalid byte 0x%02X at offset %,d%s", value & 0xFF, offset,
                where);
    }

    /**
     * Decodes a whole text, such as a file: its byte order mark skipped, every byte checked.
     *
     * @param bytes the text
     * @return the text
     * @throws NotUtf8Exception naming the other encoding, or the first invalid byte and its offset
     */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        String encoding = otherEncoding(bytes, 0, bytes.length);
        if (encoding != null) {
            throw new NotUtf8Exception(otherEncodingMessage(encoding), -1);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
        int skip = bom ? 3 : 0;
        try {
            return decodePart(bytes, skip, bytes.length - skip, "");
        } catch (NotUtf8Exception e) {
            // Offsets count from the start of the file, byte order mark included, as a hex viewer shows them.
            throw new NotUtf8Exception(invalidByteMessage(bytes[(int) e.offset() + skip], e.offset() + skip, ""),
                    e.offset() + skip);
        }
    }

    /**
     * Decodes part of an array, one record of a larger input, checking every byte.
     *
     * @param bytes holds the text
     * @param from where it starts
     * @param length how many bytes it has
     * @param where what offsets in the message count in, e.g. " of the line"
     * @return the text
     * @throws NotUtf8Exception naming the first invalid byte and its offset from {@code from}
     */
    public static String decodePart(byte[] bytes, int from, int length, String where) throws NotUtf8Exception {
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        // UTF-8 never takes fewer bytes than UTF-16 chars, so the text fits.
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = strictDecoder().decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw new NotUtf8Exception(invalidByteMessage(bytes[at], at - from, where), at - from);
        }
        return out.flip().toString();
    }
}
