package org.twitchadvisor;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that passes on a number of bytes and then fails as a full disk does, with the operating system's
 * words: it stands in for a disk that fills up in the middle of a write.
 */
public final class FullDisk extends FilterOutputStream {
    private final long room;
    private long passed;

    /**
     * @param under where the bytes that fit go
     * @param room how many bytes fit
     */
    public FullDisk(OutputStream under, long room) {
        super(under);
        this.room = room;
    }

    /**
     * @param room how many bytes fit
     * @return a full disk whose bytes are kept in memory
     */
    public static FullDisk inMemory(long room) {
        return new FullDisk(new ByteArrayOutputStream(), room);
    }

    /** @return the bytes that fit, for a disk made by {@link #inMemory} */
    public byte[] taken() {
        return ((ByteArrayOutputStream) out).toByteArray();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int fits = (int) Math.min(len, room - passed);
        out.write(b, off, fits);
        passed += fits;
        if (fits < len) {
            throw new IOException("No space left on device");
        }
    }
}
