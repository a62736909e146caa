package org.twitchadvisor.internal.engine;

import java.util.List;

/**
 * What the engine and the catalogue know of one rule, read from its text: its claim, sources and weight,
 * and the conclusion its action inserts.
 *
 * @param name the rule name, which reads as the claim
 * @param file the DRL file, relative to the rules folder
 * @param line the line of the {@code rule} keyword, or 0 when unknown
 * @param layer the layer folder the file is in, e.g. {@code 2-deficiencies}
 * @param claim the {@code @claim} text
 * @param sources the {@code @sources} ids
 * @param weight the {@code @weight}, or 1 when the rule only passes a conclusion on (layer 1)
 * @param concludes the fact type the action inserts, e.g. {@code DeficiencyEvidence}, or "" when unknown
 * @param values the values of that fact as written in the action: {@code "magnesium"} in quotes, or {@code $n}
 * @param conditions the conditions, as Drools' parser read them, in order
 */
public record RuleInfo(String name, String file, int line, String layer, String claim, List<String> sources,
                       double weight, String concludes, List<String> values, List<RuleCondition> conditions) {
    /** Unmodifiable copies. */
    public RuleInfo {
        sources = List.copyOf(sources);
        values = List.copyOf(values);
        conditions = List.copyOf(conditions);
    }

    /** @return the conclusion as written, e.g. {@code DeficiencyEvidence("magnesium", "poor_diet")} */
    public String conclusion() {
        return concludes.isEmpty() ? "" : concludes + "(" + String.join(", ", values) + ")";
    }

    /**
     * @return the first value when it is written as text, e.g. {@code magnesium}; "" when the rule takes it
     *         from what it matched ({@code $n})
     */
    public String subject() {
        if (values.isEmpty() || !values.get(0).startsWith("\"")) {
            return "";
        }
        String v = values.get(0);
        return v.substring(1, v.length() - 1);
    }
}
