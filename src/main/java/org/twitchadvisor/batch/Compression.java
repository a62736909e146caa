package org.twitchadvisor.batch;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a batch file is compressed, told by its name: {@code results.jsonl.gz} is gzip, {@code survey.csv.zst}
 * is Zstandard, anything else is plain. The batch writes its results as a series of independently compressed
 * members (one per chunk of records), which every gzip and zstd reader reads as one stream; that is what lets
 * the worker threads compress in parallel instead of the writer alone.
 */
public enum Compression {
    /** Plain bytes. */
    NONE(""),
    /** gzip (RFC 1952), read by every tool; compressed at level 1, which keeps up with the batch. */
    GZIP(".gz"),
    /** Zstandard (RFC 8878) through zstd-jni, level 3: smaller and faster than gzip, but not every tool reads it. */
    ZSTD(".zst");

    /** gzip's fastest level: on the batch's repetitive JSON it is within a few percent of the default level's size. */
    private static final int GZIP_LEVEL = Deflater.BEST_SPEED;
    private static final int ZSTD_LEVEL = 3;

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    /**
     * @param name a file name or path
     * @return the compression its last extension names ({@code .gz}, {@code .zst}), else {@link #NONE}
     */
    public static Compression of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Compression c : values()) {
            if (c != NONE && lower.endsWith(c.suffix)) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * @param path a file
     * @return the compression its name names
     */
    public static Compression of(Path path) {
        return path.getFileName() == null ? NONE : of(path.getFileName().toString());
    }

    /** @return the extension this compression adds to a name ({@code .gz}), empty for {@link #NONE} */
    public String suffix() {
        return suffix;
    }

    /**
     * @param name a file name
     * @return the name without this compression's extension: {@code results.jsonl.gz} gives {@code results.jsonl}
     */
    public String strip(String name) {
        return this != NONE && name.toLowerCase(Locale.ROOT).endsWith(suffix)
                ? name.substring(0, name.length() - suffix.length()) : name;
    }

    /**
     * @param compressed the raw bytes of a file
     * @return the plain bytes; for {@link #NONE} the stream itself
     * @throws IOException when the stream does not start as this compression says
     */
    public InputStream decompress(InputStream compressed) throws IOException {
        return switch (this) {
            case NONE -> compressed;
            case GZIP -> new GZIPInputStream(compressed, 1 << 16);
            case ZSTD -> new ZstdInputStream(compressed);
        };
    }

    /**
     * A stream that compresses into {@code target}. Closing it ends the compressed data and flushes
     * {@code target} but leaves it open, so a {@link PendingFile} can still commit it.
     *
     * @param target where the compressed bytes go
     * @return the stream to write plain bytes to; for {@link #NONE} a stream that writes through
     * @throws IOException when the compressor cannot start
     */
    public OutputStream compress(OutputStream target) throws IOException {
        OutputStream open = new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
        return switch (this) {
            case NONE -> open;
            case GZIP -> new GZIPOutputStream(open, 1 << 16) {
                {
                    def.setLevel(GZIP_LEVEL);
                }
            };
            case ZSTD -> new ZstdOutputStream(open, ZSTD_LEVEL);
        };
    }

    /**
     * Compresses one chunk as a member of its own, appended to {@code to}.
     *
     * @param plain the chunk's bytes
     * @param to where the member goes
     */
    void compressMember(ByteArrayOutputStream plain, ByteArrayOutputStream to) {
        try (OutputStream c = compress(to)) {
            plain.writeTo(c);
        } catch (IOException e) {
            throw new IllegalStateException("compressing into memory does not fail", e);
        }
    }
}
