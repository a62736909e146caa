package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** When a {@link Consultation} has asked enough: what "nothing can change any more" has to cover. */
public enum StopRule {
    /** Stop when no single answer to any unanswered question could change the triage, the set of findings or any finding's level. */
    ALL_FINDINGS,
    /**
     * Stop sooner: when no single answer could change the triage or a finding that is, or would become,
     * {@code likely}, {@code confirmed} or {@code ruled_out}; {@code possible} findings may stay unrefined.
     */
    DECISIVE;

    /** @return the id as JSON and the command line write it: {@code all_findings} or {@code decisive} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
