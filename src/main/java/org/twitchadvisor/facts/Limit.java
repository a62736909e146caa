package org.twitchadvisor.facts;

/**
 * A named reference value from {@code rules/data/limits.csv}, so rules compare against data rather than
 * a number written into the rule, e.g. how many cups of caffeine a day count as excessive.
 *
 * @param name the limit's id, e.g. {@code "excessive_caffeine_cups_per_day"}
 * @param value the limit
 * @param unit the unit of the limit
 * @param source the registered source id the limit comes from
 */
public record Limit(String name, double value, String unit, String source) {
}
