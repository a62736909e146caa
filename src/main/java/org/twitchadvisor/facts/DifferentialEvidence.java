package org.twitchadvisor.facts;

/**
 * Layer 2 conclusion: evidence for another condition that explains the movements better than a
 * deficiency twitch, such as restless legs syndrome. Compares by identity (see the package documentation).
 *
 * @param condition the differential subject of the output contract, e.g. {@code "restless_legs_syndrome"}
 * @param basis a short id of what it rests on
 */
public record DifferentialEvidence(String condition, String basis) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
