package org.twitchadvisor.batch;

import org.twitchadvisor.internal.text.Utf8Text;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input's bytes with a UTF-8 byte order mark skipped (spreadsheet programs write one) and a count of the
 * bytes read, which the progress estimate divides by the file size. The first bytes also tell whether the input
 * is in another encoding than the UTF-8 the contract asks for ({@link #otherEncoding()}).
 */
final class InputBytes extends FilterInputStream {
    private static final int BUFFER = 1 << 16;
    private final long size;
    private final String otherEncoding;
    private volatile long read;

    /**
     * @param in the raw input
     * @param size its size in bytes, or a negative number when unknown
     * @throws IOException when the first bytes cannot be read
     */
    InputBytes(InputStream in, long size) throws IOException {
        super(new BufferedInputStream(in, BUFFER));
        this.size = size;
        super.in.mark(4);
        byte[] head = super.in.readNBytes(4);
        this.otherEncoding = Utf8Text.otherEncoding(head, 0, head.length);
        super.in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            super.in.skipNBytes(3);
            read = 3;
        }
    }

    /** @return {@code "UTF-16"} or {@code "UTF-32"} when the first bytes show the input is not UTF-8, else {@code null} */
    String otherEncoding() {
        return otherEncoding;
    }

    /** @return how many bytes have been read, byte order mark included: where the next byte is in the input */
    long position() {
        return read;
    }

    /**
     * Looks at the first character that is not blank, without consuming it, to tell JSON Lines from CSV on a
     * stream that has no file name.
     *
     * @return the first non-blank byte, or -1 for an empty or blank input
     * @throws IOException when the input cannot be read
     */
    int peekFirstNonBlank() throws IOException {
        super.in.mark(BUFFER);
        try {
            for (int i = 0; i < BUFFER; i++) {
                int b = super.in.read();
                if (b < 0 || !Character.isWhitespace(b)) {
                    return b;
                }
            }
            return -1;
        } finally {
            super.in.reset();
        }
    }

    /** @return the share of the input read, or NaN when its size is unknown */
    double fractionRead() {
        return size > 0 ? Math.min(1.0, (double) read / size) : size == 0 ? 1.0 : Double.NaN;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }
}
