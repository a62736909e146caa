package org.twitchadvisor;

import com.fasterxml.jackson.annotation.JsonValue;

/** How soon to get care, from least to most urgent; an assessment's triage is its most urgent red flag. */
public enum Triage {
    /** Nothing the articles tie to a visit: diet and habit changes first. */
    SELF_CARE,
    /** The articles advise consulting a professional (persistent, worsening, painful twitching, ...). */
    SEE_DOCTOR,
    /** Signs the articles tie to severe deficiency (paralysis, sustained contractions, irregular heartbeat). */
    URGENT;

    /** The contract's id: {@code self_care}, {@code see_doctor} or {@code urgent}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The triage level with this contract id.
     *
     * @param id {@code self_care}, {@code see_doctor} or {@code urgent}
     * @return the level
     * @throws IllegalArgumentException for any other id
     */
    public static Triage fromId(String id) {
        for (Triage t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown triage level '" + id + "'");
    }
}
