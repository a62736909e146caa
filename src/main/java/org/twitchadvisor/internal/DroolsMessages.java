package org.twitchadvisor.internal;

/**
 * Rewrites Drools' compile messages into plain words for rule authors. The original text follows in
 * brackets when it adds detail, so nothing is lost.
 */
public final class DroolsMessages {
    private DroolsMessages() {
    }

    /**
     * @param text a Drools build message
     * @return a message a non-programmer can act on
     */
    public static String plain(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (t.contains("no viable alternative") || t.contains("mismatched input") || t.contains("extraneous input")
                || t.contains("missing ") && t.contains(" at ")) {
            return "the rule is not written correctly here (check quotes, brackets, commas and the when/then/end keywords) ["
                    + t + "]";
        }
        if (t.contains("Unable to resolve ObjectType")) {
            return "unknown fact type: use one of Answer, Measurement, ReferenceRange, Limit, RiskFactor, DeficiencyEvidence, "
                    + "LifestyleFactor, DifferentialEvidence, LabResult, RedFlag, Advice [" + t + "]";
        }
        if (t.contains("Unable to Analyse Expression") || t.contains("Unable to analyze expression")) {
            return "a condition uses a field or value that does not exist (check the spelling of field names) [" + t + "]";
        }
        if (t.contains("Duplicate rule name") || t.contains("Duplicate rule")) {
            return "two rules have the same name; every rule name must be unique [" + t + "]";
        }
        if (t.contains("Rule Compilation error")) {
            return "the action after 'then' is not valid (it should be one insertLogical(new ...) statement) [" + t + "]";
        }
        return t;
    }
}
