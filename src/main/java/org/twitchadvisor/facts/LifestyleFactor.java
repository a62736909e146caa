package org.twitchadvisor.facts;

/**
 * Layer 2 conclusion: a habit or circumstance, not a nutrient, that can itself cause twitching
 * (stress, caffeine, dehydration, ...). Compares by identity (see the package documentation).
 *
 * @param subject the lifestyle subject of the output contract, e.g. {@code "caffeine"}
 * @param basis a short id of what it rests on, e.g. {@code "excessive_caffeine"}
 */
public record LifestyleFactor(String subject, String basis) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
