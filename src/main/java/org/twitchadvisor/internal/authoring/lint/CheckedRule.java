package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.internal.engine.RuleInfo;

import java.util.List;

/**
 * One rule as the file check read it: its metadata and conclusion, plus what the vocabulary check needs,
 * the text values its conditions compare fields with and the values its conclusion is built from.
 *
 * @param info the metadata and conclusion
 * @param patterns the fact patterns of its conditions, in order
 * @param conclusion what its action inserts, or {@code null} when the action is empty or could not be read
 * @param actionRead whether the action was empty or read, so what the rule concludes is known
 */
record CheckedRule(RuleInfo info, List<Pattern> patterns, Conclusion conclusion, boolean actionRead) {

    /**
     * One fact pattern, e.g. {@code Answer(question == "diet", value in ("vegan", "vegetarian"))}.
     *
     * @param type the fact type
     * @param comparisons its fields compared with text values
     * @param at where the pattern stands
     */
    record Pattern(FactModel.FactType type, List<Comparison> comparisons, Token at) {
    }

    /**
     * A field compared with a text value: {@code question == "diet"}, or one value of an {@code in (...)} list.
     *
     * @param field the field
     * @param value the text value
     * @param at where the value stands
     */
    record Comparison(String field, String value, Token at) {
    }

    /**
     * The fact an action inserts.
     *
     * @param type its type
     * @param values one per field: text values with {@code literal} set, or {@code $variables}
     */
    record Conclusion(FactModel.FactType type, List<Value> values) {
    }

    /**
     * A value of a conclusion.
     *
     * @param text the text in quotes, or the variable as written
     * @param literal whether it is text written in the rule
     * @param at where it stands
     */
    record Value(String text, boolean literal, Token at) {
    }
}
