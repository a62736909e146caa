package org.twitchadvisor.facts;

/**
 * Layer 1 conclusion: a circumstance in the person's life that several deficiencies or habits build on,
 * such as losing fluid ({@code "fluid_loss"}) or drinking heavily ({@code "heavy_alcohol"}).
 * Compares by identity (see the package documentation).
 *
 * @param factor the circumstance's id
 */
public record RiskFactor(String factor) {
    @Override public boolean equals(Object other) { return this == other; }
    @Override public int hashCode() { return System.identityHashCode(this); }
}
