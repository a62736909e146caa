package org.twitchadvisor.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The plain bytes of a compressed input, handed on only up to the last complete line, so that a file cut short
 * (a download stopped, a disk filled) ends at a line end instead of failing the whole batch: the records
 * before the cut are read as usual, the incomplete one at the cut is dropped, and {@link #cutShort()} says where.
 *
 * <p>Why hold back: a record cut mid-cell could otherwise be read as a shorter, valid answer ({@code 12}
 * cut to {@code 1}). A line longer than the buffer is handed on as it is; the readers bound their lines anyway.
 */
final class CutShortGuard extends InputStream {
    private static final int BUFFER = 1 << 20;

    private final InputStream in;
    private final Compression compression;
    private final byte[] buf = new byte[BUFFER];
    /** {@code buf[start, ready)} may be handed on; {@code buf[ready, end)} waits for its line end. */
    private int start;
    private int ready;
    private int end;
    private boolean ended;
    private long lines;
    private String cutShort;

    /**
     * @param in the decompressed bytes
     * @param compression what they were compressed with, for the message
     */
    CutShortGuard(InputStream in, Compression compression) {
        this.in = in;
        this.compression = compression;
    }

    /** @return why reading stopped before the end of the data, or {@code null} when it ended cleanly (so far) */
    String cutShort() {
        return cutShort;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (start == ready) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, ready - start);
        System.arraycopy(buf, start, b, off, n);
        for (int i = start; i < start + n; i++) {
            if (buf[i] == '\n') {
                lines++;
            }
        }
        start += n;
        return n;
    }

    /** Reads more; @return false once nothing more will ever be ready */
    private boolean fill() {
        if (ended) {
            return false;
        }
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            ready -= start;
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            ready = end; // one line fills the buffer: hand it on rather than wait for ever
            return true;
        }
        int n;
        try {
            n = in.read(buf, end, buf.length - end);
        } catch (IOException e) {
            ended = true;
            long dropped = end - ready;
            end = ready;
            cutShort = String.format(Locale.ROOT, "the %s data is cut short or damaged (%s) after line %,d: the records"
                            + " before it are assessed, the %,d bytes of the incomplete line after it are not",
                    compression.name().toLowerCase(Locale.ROOT),
                    e.getMessage() == null ? "no detail" : e.getMessage(), lines + lineEnds(start, ready), dropped);
            return start < ready;
        }
        if (n < 0) {
            ended = true;
            ready = end;
            return start < ready;
        }
        end += n;
        for (int i = end - 1; i >= ready; i--) {
            if (buf[i] == '\n') {
                ready = i + 1;
                break;
            }
        }
        return true;
    }

    private int lineEnds(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
