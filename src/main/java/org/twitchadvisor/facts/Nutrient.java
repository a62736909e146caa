package org.twitchadvisor.facts;

/**
 * Reference data: one nutrient a deficiency finding can be about, from the {@code deficiency} rows of
 * {@code rules/data/subjects.csv}. It lets a rule conclude something once per nutrient
 * ({@code Nutrient($n : id)} with {@code exists DeficiencyEvidence(nutrient == $n)}) instead of once per
 * piece of evidence.
 *
 * @param id the nutrient id, e.g. {@code "magnesium"}
 */
public record Nutrient(String id) {
}
