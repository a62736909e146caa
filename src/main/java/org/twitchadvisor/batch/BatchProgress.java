package org.twitchadvisor.batch;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a running batch has come, as told to {@link BatchOptions#progress()}.
 *
 * @param done records written so far (assessed or rejected)
 * @param elapsed time since the batch started
 * @param perSecond records per second so far
 * @param eta the time left, estimated from the share of the input read; {@code null} when the input size is
 *            unknown (standard input)
 */
public record BatchProgress(long done, Duration elapsed, double perSecond, Duration eta) {

    /** @return one line for a terminal, e.g. {@code 120,000 rows  21,300/s  ETA 0:42} */
    public String toText() {
        String line = String.format(Locale.ROOT, "%,d rows  %,.0f/s", done, perSecond);
        if (eta != null) {
            long s = Math.max(0, eta.toSeconds());
            line += String.format(Locale.ROOT, "  ETA %d:%02d", s / 60, s % 60);
        }
        return line;
    }
}
