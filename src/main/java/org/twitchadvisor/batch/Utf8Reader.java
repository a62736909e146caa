package org.twitchadvisor.batch;

import org.twitchadvisor.internal.text.Utf8Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.ArrayDeque;

/**
 * The characters of an input for a parser that reads a character stream (the CSV parser), decoded strictly: a byte
 * that is not UTF-8 reaches the parser as U+FFFD so that it can go on, and where it was is remembered
 * ({@link #invalidBefore}), so that the record holding it becomes an error record rather than a respondent named
 * {@code r\uFFFD1}. A U+FFFD that the input itself holds, properly encoded, is not mistaken for one.
 */
final class Utf8Reader extends Reader {
    /**
     * One byte that is not UTF-8.
     *
     * @param charOffset the character the parser reads in its place, counted from 0
     * @param byteOffset where it is in the input, counted from 0
     * @param value the byte
     */
    record Invalid(long charOffset, long byteOffset, int value) {
        /** @return e.g. "not UTF-8 text: invalid byte 0xE9 at offset 1,234 of the file" */
        String message() {
            return Utf8Text.invalidByteMessage(value, byteOffset, " of the file");
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = Utf8Text.strictDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    /** The input offset of the buffer's first byte. */
    private long bufferOffset;
    private long charsRead;
    private boolean eof;
    /** Invalid bytes decoded but not yet claimed by a record, in input order. */
    private final ArrayDeque<Invalid> invalid = new ArrayDeque<>();

    /**
     * @param in the input
     * @param offset how many bytes of the input were read before (a byte order mark), for the offsets in messages
     */
    Utf8Reader(InputStream in, long offset) {
        this.in = in;
        this.bufferOffset = offset;
    }

    @Override
    public int read(char[] target, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, off, len);
        while (out.hasRemaining()) {
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                if (!out.hasRemaining()) {
                    // The decoder reports a bad byte before it looks for room; the next read claims it.
                    break;
                }
                int at = bytes.position();
                invalid.add(new Invalid(charsRead + out.position() - off, bufferOffset + at, bytes.get(at) & 0xFF));
                bytes.position(at + result.length());
                out.put('\uFFFD');
            } else if (result.isOverflow() || eof || out.position() > off) {
                // Hand over what there is rather than wait for more input to fill the rest.
                break;
            } else {
                refill();
            }
        }
        int n = out.position() - off;
        charsRead += n;
        return n == 0 && eof ? -1 : n;
    }

    private void refill() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /** @return whether an invalid byte has been decoded that no record has claimed yet */
    boolean hasInvalid() {
        return !invalid.isEmpty();
    }

    /**
     * Claims the invalid bytes a record ending before a character offset holds.
     *
     * @param end the offset of the first character after the record
     * @return the first of them, or {@code null} when the record is all UTF-8
     */
    Invalid invalidBefore(long end) {
        Invalid first = null;
        while (!invalid.isEmpty() && invalid.peekFirst().charOffset() < end) {
            Invalid i = invalid.pollFirst();
            first = first == null ? i : first;
        }
        return first;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
