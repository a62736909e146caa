package org.twitchadvisor.batch;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears under its name only once it is complete. It is written under a hidden
 * temporary name in the same folder ({@code .results.jsonl.tmp-1f3a...}); {@link #commit()} closes it, forces it
 * to the disk ({@link FileChannel#force}) and renames it over the final name in one atomic step. Until then the
 * final name keeps what it held before, or stays absent: a process killed halfway, a power cut or a full disk
 * never leaves a half-written file that looks like a whole one. {@link #close()} without a commit removes the
 * temporary file; only a process killed outright leaves it behind, hidden.
 *
 * <p>A target that exists but is not a regular file (a device such as {@code /dev/null}, a named pipe) has
 * nothing to replace: it is written directly, and {@link #commit()} only closes the stream. A symbolic link
 * to a file keeps pointing where it did: the file it points to is the one replaced.
 *
 * <p>Typical use, in try-with-resources so that a failure removes the temporary file:
 * <pre>{@code
 * try (PendingFile results = PendingFile.create(Path.of("results.jsonl"))) {
 *     runner.run(input, results.stream(), errors);
 *     results.commit();
 * }
 * }</pre>
 */
public final class PendingFile implements Closeable {

    /** Opens the stream the bytes go through, such as a writer that bypasses the page cache. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @param file the file to write, which exists and is empty (or a device or pipe)
         * @return a stream that writes it from the start
         * @throws IOException when it cannot be opened
         */
        OutputStream open(Path file) throws IOException;
    }

    private final Path target;
    private final Path temporary;
    private final OutputStream stream;
    private boolean done;

    private PendingFile(Path target, Path temporary, OutputStream stream) {
        this.target = target;
        this.temporary = temporary;
        this.stream = stream;
    }

    /**
     * Starts a file written through an ordinary buffered stream.
     *
     * @param target the final name
     * @return the pending file
     * @throws IOException when the temporary file cannot be created (no such folder, no permission)
     */
    public static PendingFile create(Path target) throws IOException {
        return create(target, file -> new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /**
     * Starts a file written through a stream of the caller's choice.
     *
     * @param target the final name
     * @param opener opens the temporary file (or, for a device or pipe, the target itself)
     * @return the pending file
     * @throws IOException when the temporary file cannot be created or opened
     */
    public static PendingFile create(Path target, Opener opener) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            return new PendingFile(target, null, opener.open(target));
        }
        Path finalName = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target.toAbsolutePath();
        String name = finalName.getFileName().toString();
        Path temporary = finalName.resolveSibling("." + name + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        // Created here, with no other options, so it gets the permissions any new file in the folder gets.
        Files.createFile(temporary);
        try {
            return new PendingFile(finalName, temporary, opener.open(temporary));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** @return the final name (for a symbolic link, the file it points to) */
    public Path target() {
        return target;
    }

    /** @return the hidden temporary file the bytes go to, or {@code null} when the target is written directly */
    public Path temporary() {
        return temporary;
    }

    /** @return where to write; closed by {@link #commit()} or {@link #close()}, not by the caller */
    public OutputStream stream() {
        return stream;
    }

    /**
     * Closes the stream, forces the file to the disk and renames it over the final name. Also forces the folder,
     * so that the rename itself survives a power cut.
     *
     * @throws IOException when any of it fails; the final name then keeps what it held, and the temporary file
     *                     is removed by {@link #close()}
     */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException(target + " is already committed or discarded");
        }
        stream.close();
        if (temporary != null) {
            // Forcing any descriptor of the file flushes all of it, whichever stream wrote the bytes.
            try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceFolder(target.getParent());
        }
        done = true;
    }

    /** Discards the file unless it was committed: closes the stream and removes the temporary file. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            stream.close();
        } catch (IOException e) {
            // Discarding: what the stream could not write any more does not matter.
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a folder to force it; the file itself is on the disk already.
        }
    }
}
