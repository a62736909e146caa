package org.twitchadvisor.facts;

/**
 * Layer 2 conclusion: one piece of evidence that a nutrient may be low. All evidence for a nutrient is
 * combined into one deficiency finding; the rule's {@code @weight} says how strong this piece is.
 * Compares by identity (see the package documentation).
 *
 * @param nutrient the nutrient, e.g. {@code "magnesium"}
 * @param basis a short id of what the evidence rests on, e.g. {@code "limited_sun"}
 */
public record DeficiencyEvidence(String nutrient, String basis) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
