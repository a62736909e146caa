package org.twitchadvisor.facts;

/**
 * Layer 2 conclusion: what a lab value says about a nutrient against its reference range.
 * Compares by identity (see the package documentation).
 *
 * @param nutrient the nutrient, e.g. {@code "vitamin_d"}
 * @param verdict {@code "deficient"}, {@code "borderline"} or {@code "adequate"}
 */
public record LabResult(String nutrient, String verdict) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
