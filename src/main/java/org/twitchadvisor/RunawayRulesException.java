package org.twitchadvisor;

/**
 * A questionnaire made the rules fire more often than any real assessment needs: a rule is looping.
 * The session is stopped and no assessment is made; other questionnaires are unaffected.
 */
public final class RunawayRulesException extends TwitchAdvisorException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    /**
     * @param rule the rule that fired most, the likely culprit
     * @param firings how many firings were allowed
     */
    public RunawayRulesException(String rule, int firings) {
        super("the rules did not settle within " + firings + " firings; rule \"" + rule
                + "\" fired most and is probably looping");
        this.rule = rule;
    }

    /** @return the name of the rule that fired most */
    public String rule() {
        return rule;
    }
}
