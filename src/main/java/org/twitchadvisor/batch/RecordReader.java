package org.twitchadvisor.batch;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of one input in order, one at a time, so memory does not grow with the input. */
interface RecordReader extends Closeable {

    /**
     * @return the next record, or {@code null} at the end of the input (or after a structure error that stops
     *         reading, see {@link #stoppedBy()})
     * @throws IOException when the input cannot be read
     */
    RawRecord next() throws IOException;

    /** @return the share of the input read so far, in [0, 1], or {@code NaN} when the size is unknown */
    double fractionRead();

    /** @return why reading stopped before the end (a CSV structure error), or {@code null} */
    default String stoppedBy() {
        return null;
    }
}
