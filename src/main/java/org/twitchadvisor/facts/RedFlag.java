package org.twitchadvisor.facts;

/**
 * Layer 3 conclusion: a sign that calls for professional care. The assessment's triage is the most
 * urgent of its red flags. Compares by identity (see the package documentation).
 *
 * @param sign a short id of the sign, e.g. {@code "persistent_twitching"}
 * @param urgency {@code "see_doctor"} or {@code "urgent"}
 */
public record RedFlag(String sign, String urgency) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
