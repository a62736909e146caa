package org.twitchadvisor.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose every failure is a {@link CannotWrite} naming what was being written and where, so a batch
 * that writes results and errors at once says which of the two the disk refused.
 */
final class NamedOutput extends FilterOutputStream {
    private final String where;
    private final String what;

    /**
     * @param out the stream
     * @param where the file, or {@code standard output}
     * @param what what goes there, e.g. {@code the results}
     */
    NamedOutput(OutputStream out, String where, String what) {
        super(out);
        this.where = where;
        this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw named(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw named(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw named(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw named(e);
        }
    }

    private CannotWrite named(IOException e) {
        return e instanceof CannotWrite c ? c : new CannotWrite(where, what, e);
    }
}
