package org.twitchadvisor.facts;

/**
 * A lab reference range from {@code rules/data/reference-ranges.csv}: below {@code deficientBelow} a
 * value shows a deficiency; from {@code adequateFrom} on it rules one out; in between it is borderline.
 * A session holds the range of a lab question only when the person gave that lab value: a range is there
 * to read a {@link Measurement}, and a rule matches it together with one.
 *
 * @param question the lab question id, e.g. {@code "lab_ferritin_ng_ml"}
 * @param nutrient the nutrient the lab value measures, e.g. {@code "iron"}
 * @param deficientBelow values under this show a deficiency
 * @param adequateFrom values at or above this are adequate
 * @param unit the unit of both limits
 * @param source the registered source id the limits come from
 */
public record ReferenceRange(String question, String nutrient, double deficientBelow, double adequateFrom,
                             String unit, String source) {
}
