package org.twitchadvisor.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output as a stream that fails loudly. {@code System.out} is a {@link PrintStream}, which swallows a
 * failed write (a full disk, a pipe whose reader has gone) and only sets a flag nobody asks for, so a command
 * used to exit 0 with nothing written. This stream throws instead, and remembers the first failure so that
 * {@link TwitchCli} can end any command with {@link ExitCodes#CANNOT_WRITE} and one line saying why.
 *
 * <p>Closing it only flushes: standard output belongs to the process, not to the command.
 */
final class StandardOutput extends OutputStream {
    private final OutputStream out;
    private IOException failure;

    /** @param out the process's standard output, or a stream standing in for it */
    StandardOutput(OutputStream out) {
        this.out = out;
    }

    /** @return the first write that failed, or {@code null} when every write went through */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        ensureUsable();
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
        checkPrintStream();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureUsable();
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
        checkPrintStream();
    }

    @Override
    public void flush() throws IOException {
        ensureUsable();
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        checkPrintStream();
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** Once a write has failed nothing more goes out, so a dead pipe is not fed gigabytes. */
    private void ensureUsable() throws IOException {
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A {@link PrintStream} (as {@code System.out} is, in tests and for embedders) keeps its failures to itself;
     * its error flag is all there is to learn, and asking for it flushes, so it is asked after each write.
     */
    private void checkPrintStream() throws IOException {
        if (out instanceof PrintStream ps && ps.checkError()) {
            throw failed(new IOException("the stream reported an error"));
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return failure;
    }
}
