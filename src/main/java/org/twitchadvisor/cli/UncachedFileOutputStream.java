package org.twitchadvisor.cli;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a large results file around the operating system's page cache (Linux {@code O_DIRECT}), where the
 * file system allows it, and through an ordinary buffered stream where it does not.
 *
 * <p>Why: a million assessments are about 7 GB of JSON Lines. Written the ordinary way, every byte is copied
 * into the page cache and later flushed by kernel threads; on a 2-core machine that was about a tenth of the
 * batch's CPU, taken from the workers, and it pushed everything else out of the cache. Written directly, the
 * disk reads the bytes from this stream's own buffer.
 *
 * <p>Direct writes must start and end on the file system's block boundaries, so whole blocks are written as
 * they fill, and the last partial block is written padded and then cut back to the true length on
 * {@link #close()}. {@link #flush()} writes the whole blocks it has; the rest waits for more bytes or the
 * close. Until it is closed, the file lags up to one buffer behind what was written to the stream.
 */
final class UncachedFileOutputStream extends OutputStream {
    /** Bytes gathered before a write: large enough that the disk, not the system call, sets the pace. */
    private static final int BUFFER_BYTES = 4 << 20;

    private final Path path;
    private final int block;
    private final ByteBuffer buffer;
    private final int capacity;
    private FileChannel channel;
    private boolean direct = true;
    private long length;

    private UncachedFileOutputStream(Path path, FileChannel channel, int block) {
        this.path = path;
        this.channel = channel;
        this.block = block;
        this.capacity = Math.max(block, BUFFER_BYTES / block * block);
        this.buffer = ByteBuffer.allocateDirect(capacity + block).alignedSlice(block);
        this.buffer.limit(capacity);
    }

    /**
     * Opens a file for writing, replacing what it held.
     *
     * @param path a regular file, or one that does not exist yet
     * @return a stream that writes around the page cache when the file system supports it, else a buffered one
     * @throws IOException when the file cannot be opened at all
     */
    static OutputStream open(Path path) throws IOException {
        int block = blockSize(path);
        if (block > 0 && (Files.notExists(path) || Files.isRegularFile(path))) {
            try {
                FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT);
                return new UncachedFileOutputStream(path, channel, block);
            } catch (UnsupportedOperationException | IOException e) {
                // tmpfs and some network file systems refuse O_DIRECT; the ordinary way below is correct everywhere.
            }
        }
        return new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    }

    /** The file system's block size, or 0 when it cannot be learned or is not a sensible alignment. */
    private static int blockSize(Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return 0;
        }
        try {
            long size = Files.getFileStore(dir).getBlockSize();
            return size >= 512 && size <= (1 << 16) && Long.bitCount(size) == 1 ? (int) size : 0;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            drain(false);
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (!buffer.hasRemaining()) {
                drain(false);
            }
            int n = Math.min(len, buffer.remaining());
            buffer.put(b, off, n);
            off += n;
            len -= n;
        }
    }

    /** Writes the whole blocks gathered so far. */
    @Override
    public void flush() throws IOException {
        drain(false);
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        try {
            drain(true);
            if (direct) {
                channel.truncate(length);
            }
        } finally {
            channel.close();
            channel = null;
        }
    }

    /**
     * Writes the whole blocks in the buffer, or with {@code last} everything, padded to a block; keeps the
     * bytes of a partial block at the start of the buffer.
     */
    private void drain(boolean last) throws IOException {
        int filled = buffer.position();
        int whole = !direct ? filled : last ? (filled + block - 1) / block * block : filled / block * block;
        if (whole == 0) {
            return;
        }
        for (int i = filled; i < whole; i++) {
            buffer.put(i, (byte) 0); // padding, cut off again by the truncate in close
        }
        int written = Math.min(whole, filled);
        buffer.position(0).limit(whole);
        writeFully(written);
        length += written;
        // The partial block's bytes go to the front, for the next write.
        buffer.limit(filled).position(written);
        buffer.compact();
        buffer.limit(capacity);
    }

    /** Writes the buffer; falls back to the ordinary way when the first direct write is refused. */
    private void writeFully(int bytes) throws IOException {
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            if (!direct || length > 0) {
                throw e;
            }
            // Some file systems accept O_DIRECT at open but refuse the write. Nothing is written yet, so go on
            // the ordinary way from the start of the file.
            channel.close();
            channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            direct = false;
            buffer.position(0).limit(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }
}
