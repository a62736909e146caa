package org.twitchadvisor.internal.consult;

import org.twitchadvisor.CandidateRule;
import org.twitchadvisor.Change;
import org.twitchadvisor.Condition;
import org.twitchadvisor.WhatIf;
import org.twitchadvisor.WhyNot;

import java.util.List;

/** What-if and why-not as text for a person at a terminal. */
public final class WhatIfText {

    private WhatIfText() {
    }

    /**
     * @param w a what-if
     * @return the triage before and after, then one line per change
     */
    public static String render(WhatIf w) {
        StringBuilder b = new StringBuilder();
        b.append("Triage: ").append(w.before().triage().id());
        if (w.after().triage() != w.before().triage()) {
            b.append(" -> ").append(w.after().triage().id());
        }
        b.append("\n");
        if (w.changes().isEmpty()) {
            return b.append("Nothing changes.\n").toString();
        }
        for (Change c : w.changes()) {
            b.append("  ").append(line(c)).append("\n");
        }
        return b.toString();
    }

    private static String line(Change c) {
        return switch (c.kind()) {
            case Change.TRIAGE_CHANGED -> "triage " + c.before() + " -> " + c.after();
            case Change.FINDING_ADDED -> "+ " + c.subject() + " (" + c.after() + ")";
            case Change.FINDING_REMOVED -> "- " + c.subject() + " (was " + c.before() + ")";
            case Change.LEVEL_CHANGED -> c.subject() + ": " + c.before() + " -> " + c.after();
            case Change.SCORE_CHANGED -> c.subject() + ": score " + c.before() + " -> " + c.after();
            case Change.ADVICE_ADDED -> c.subject() + ": new advice: " + c.after();
            case Change.ADVICE_REMOVED -> c.subject() + ": no longer advised: " + c.before();
            default -> c.kind() + " " + c.subject() + ": " + c.before() + " -> " + c.after();
        };
    }

    /**
     * @param w a why-not
     * @return the level found, then each candidate rule with its conditions
     */
    public static String render(WhyNot w) {
        StringBuilder b = new StringBuilder();
        b.append(w.subject()).append(": ").append(w.found() == null ? "not found" : "found " + w.found()).append("\n");
        if (w.rules().isEmpty()) {
            b.append("No rule can conclude it.\n");
        }
        for (CandidateRule r : w.rules()) {
            boolean fired = r.failed().isEmpty() && r.unknown().isEmpty();
            b.append("\n\"").append(r.rule()).append("\" ").append(fired ? "holds" : r.failed().isEmpty()
                    ? "waits on answers" : "fails").append(" [").append(String.join(", ", r.sources())).append("]\n");
            b.append("  concludes ").append(r.concludes()).append("\n");
            conditions(b, "met", r.met());
            conditions(b, "failed", r.failed());
            conditions(b, "unknown", r.unknown());
        }
        return b.toString();
    }

    private static void conditions(StringBuilder b, String heading, List<Condition> conditions) {
        for (Condition c : conditions) {
            b.append("  ").append(heading).append(": ").append(c.text()).append("\n");
        }
    }
}
