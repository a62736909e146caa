package org.twitchadvisor.cli;

import org.twitchadvisor.batch.PendingFile;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One output of a command: standard output, written as a stream, or a file that appears under its name only
 * once it is complete and on the disk ({@link PendingFile}). Every failure is a {@link CannotWrite} naming
 * the output and where it was going. Use in try-with-resources: closing without {@link #commit()} discards
 * a file's temporary copy and leaves the final name as it was.
 */
final class Output implements Closeable {
    private final PendingFile file;
    private final OutputStream stream;
    private final String where;
    private final String what;

    private Output(PendingFile file, OutputStream stream, String where, String what) {
        this.file = file;
        this.stream = new NamedOutput(stream, where, what);
        this.where = where;
        this.what = what;
    }

    /**
     * @param target a file name, or {@code -} for standard output
     * @param what what goes there, for messages: {@code the results}
     * @param twitch standard output and how the command opens files
     * @param large whether gigabytes may go there: written around the page cache where the file system allows it
     *              (see {@link UncachedFileOutputStream}), else through an ordinary buffer
     * @return the output, ready to be written
     * @throws CannotWrite when the file cannot be created (no such folder, no permission)
     */
    static Output open(String target, String what, TwitchCli twitch, boolean large) throws CannotWrite {
        if (target.equals("-")) {
            return new Output(null, new BufferedOutputStream(twitch.standardOutput(), 1 << 16), "standard output", what);
        }
        PendingFile.Opener opener = large ? UncachedFileOutputStream::open
                : path -> new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        try {
            PendingFile file = PendingFile.create(Path.of(target), path -> twitch.fileStream(path, opener.open(path)));
            if (file.temporary() != null) {
                // Ctrl-C ends the JVM without this thread's finally blocks; the exit hook still removes the hidden copy.
                file.temporary().toFile().deleteOnExit();
            }
            return new Output(file, file.stream(), target, what);
        } catch (IOException e) {
            throw new CannotWrite(target, what, e);
        }
    }

    /**
     * Standard error as an output of JSON lines, for a command whose standard output carries its results.
     *
     * @param err the command's standard error
     * @param what what goes there, for messages: {@code the errors}
     * @return the output; it writes whole lines of UTF-8, so each write decodes on its own
     */
    static Output standardError(PrintWriter err, String what) {
        OutputStream lines = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                err.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                err.flush();
            }
        };
        return new Output(null, lines, "standard error", what);
    }

    /** @return where to write; its failures are {@link CannotWrite} */
    OutputStream stream() {
        return stream;
    }

    /**
     * Flushes standard output, or puts the file under its name: forced to the disk, renamed in one step.
     *
     * @throws CannotWrite when that fails; a file's final name then keeps what it held
     */
    void commit() throws CannotWrite {
        try {
            stream.flush();
            if (file != null) {
                file.commit();
            }
        } catch (CannotWrite e) {
            throw e;
        } catch (IOException e) {
            throw new CannotWrite(where, what, e);
        }
    }

    /** Discards a file that was not committed; leaves standard output open for whoever prints after us. */
    @Override
    public void close() throws IOException {
        if (file != null) {
            file.close();
        } else {
            try {
                stream.flush();
            } catch (IOException e) {
                // Only reached when the command is already failing; the first failure is the one reported.
            }
        }
    }
}
