package org.twitchadvisor.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream that takes a number of bytes and then fails as a full disk does; what it took can be read back. */
final class FullDisk extends OutputStream {
    private final long room;
    private final ByteArrayOutputStream taken = new ByteArrayOutputStream();

    /** @param room the bytes it takes before every write fails */
    FullDisk(long room) {
        this.room = room;
    }

    /** @return the bytes taken before the disk was full */
    byte[] taken() {
        return taken.toByteArray();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int fits = (int) Math.min(len, room - taken.size());
        taken.write(b, off, fits);
        if (fits < len) {
            throw new IOException("No space left on device");
        }
    }
}
