package org.twitchadvisor.batch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input's bytes with a UTF-8 byte order mark skipped (spreadsheet programs write one) and a count of the
 * bytes read, which the progress estimate divides by the file size.
 */
final class InputBytes extends FilterInputStream {
    private static final int BUFFER = 1 << 16;
    private final long size;
    private volatile long read;

    /**
     * @param in the raw input
     * @param size its size in bytes, or a negative number when unknown
     * @throws IOException when the first bytes cannot be read
     */
    InputBytes(InputStream in, long size) throws IOException {
        super(new BufferedInputStream(in, BUFFER));
        this.size = size;
        super.in.mark(3);
        byte[] head = super.in.readNBytes(3);
        if (head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            read = 3;
        } else {
            super.in.reset();
        }
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
