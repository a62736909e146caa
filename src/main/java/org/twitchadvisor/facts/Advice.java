package org.twitchadvisor.facts;

/**
 * Layer 4 conclusion: a piece of advice for the finding about {@code subject}. The text of each advice id
 * is in {@code rules/data/advice.csv}; the id {@code "foods"} lists the foods of
 * {@code rules/data/foods.csv} for that nutrient that fit the person's diet.
 * Compares by value: the same advice reached twice is still one piece of advice.
 *
 * @param subject the finding subject the advice belongs to, e.g. {@code "magnesium"}
 * @param id the advice id, e.g. {@code "foods"} or {@code "cut_caffeine"}
 */
public record Advice(String subject, String id) {
}
