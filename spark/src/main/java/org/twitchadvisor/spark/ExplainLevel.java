package org.twitchadvisor.spark;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.batch.BatchOptions;
import org.twitchadvisor.batch.JsonLine;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much of each finding's explanation the {@code explanation} column keeps: the levels of
 * {@code twitch batch --explain}, written by the library's own {@link JsonLine} so that both give one line.
 */
public enum ExplainLevel {
    /** The output contract, exactly the text {@link TwitchAdvisor#toJson} gives: every derivation tree. */
    FULL(BatchOptions.Explain.FULL),
    /** Each finding's rules and the answers they rest on in place of its tree (docs/batch.md). */
    SUMMARY(BatchOptions.Explain.SUMMARY),
    /** Each finding's type, subject, level, score and advice ids, no explanation. */
    NONE(BatchOptions.Explain.NONE);

    private final BatchOptions.Explain batchLevel;
    /** One writer per advisor an executor holds (one per rules folder); a writer is thread-safe. */
    private final Map<TwitchAdvisor, JsonLine> lines = new ConcurrentHashMap<>();

    ExplainLevel(BatchOptions.Explain batchLevel) {
        this.batchLevel = batchLevel;
    }

    /** @return the level's name on the command line and in the {@code explain} column */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param id {@code full}, {@code summary} or {@code none}
     * @return the level
     * @throws IllegalArgumentException naming the levels there are
     */
    public static ExplainLevel of(String id) {
        for (ExplainLevel l : values()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("--explain " + id + ": the levels are full, summary and none");
    }

    /**
     * @param advisor the advisor that made the assessment
     * @param a the assessment
     * @return the assessment as one line of JSON at this level, as twitch batch writes it
     */
    String json(TwitchAdvisor advisor, Assessment a) {
        if (this == FULL) {
            return advisor.toJson(a);
        }
        return lines.computeIfAbsent(advisor, adv -> new JsonLine(adv, batchLevel)).of(a);
    }
}
