package org.twitchadvisor.internal.report;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a population report shows, counted one respondent at a time: triage levels, findings by level, the
 * deficiency scores, which findings occur together, the rules that fired and the rejected records by reason.
 * Not thread-safe: a batch counts each chunk in its own and {@link #add(Population) adds} them up in order.
 */
public final class Population {
    /** Score histograms have this many bins of equal width over [0, 1]; a score of 1 falls in the last. */
    public static final int SCORE_BINS = 10;
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(\\.\\d+)?\\b");

    /** Where the rule counts come from, from the most exact to none. */
    public enum RuleSource {
        /** Every rule that fired, as the engine counted it (a batch, or a summary file). */
        FIRED,
        /** The rules named in the findings' explanations: a rule that fired without supporting a finding is not seen. */
        EXPLANATIONS,
        /** Results written with {@code --explain none} name no rules. */
        NONE
    }

    long assessed;
    long rejected;
    final Map<String, Long> triage = new LinkedHashMap<>();
    /** {@code type}, then subject, then level, to respondents. */
    final Map<String, Map<String, Map<String, Long>>> findings = new TreeMap<>();
    /** Deficiency subject to a histogram of its scores (respondents with that finding only) and their sum. */
    final Map<String, long[]> scoreBins = new TreeMap<>();
    final Map<String, Double> scoreSums = new HashMap<>();
    /** {@code type:subject} pairs, the first before the second in name order, to respondents with both. */
    final Map<String, Map<String, Long>> together = new TreeMap<>();
    final Map<String, Long> rules = new HashMap<>();
    RuleSource ruleSource;
    /** A rejection reason (the first problem's message, its value and numbers left out) to records and an example. */
    final Map<String, Long> reasons = new HashMap<>();
    final Map<String, String> reasonExample = new HashMap<>();
    final Set<String> rulesets = new TreeSet<>();
    final Set<String> explainLevels = new TreeSet<>();
    /** Set when the counts come from a summary file, which has no scores, pairs or reasons. */
    boolean fromSummary;

    /** Counts one assessment with every rule that fired for it. */
    public void add(Assessment a) {
        List<FindingSeen> seen = new ArrayList<>(a.findings().size());
        for (Finding f : a.findings()) {
            seen.add(new FindingSeen(f.type(), f.subject(), f.level(), f.score()));
        }
        respondent(a.triage().id(), seen, a.ruleset(), "full");
        rules(RuleSource.FIRED, a.rulesFired());
    }

    /** One finding of a result as read back. */
    record FindingSeen(String type, String subject, String level, double score) {
    }

    /**
     * Counts one result as read back from a results file.
     *
     * @param triage the triage id
     * @param seen its findings
     * @param ruleset its rule set id
     * @param explain its explanation level ({@code full} when the line does not say)
     * @param rulesNamed the rules its explanations name, or {@code null} when it has none
     */
    void respondent(String triage, List<FindingSeen> seen, String ruleset, String explain,
                    Collection<String> rulesNamed) {
        respondent(triage, seen, ruleset, explain);
        rules(rulesNamed == null ? RuleSource.NONE : RuleSource.EXPLANATIONS,
                rulesNamed == null ? List.of() : rulesNamed);
    }

    private void respondent(String triageId, List<FindingSeen> seen, String ruleset, String explain) {
        assessed++;
        triage.merge(triageId, 1L, Long::sum);
        if (ruleset != null) {
            rulesets.add(ruleset);
        }
        explainLevels.add(explain);
        Set<String> keys = new TreeSet<>();
        for (FindingSeen f : seen) {
            findings.computeIfAbsent(f.type(), k -> new TreeMap<>()).computeIfAbsent(f.subject(), k -> new TreeMap<>())
                    .merge(f.level(), 1L, Long::sum);
            keys.add(key(f.type(), f.subject()));
            if (f.type().equals("deficiency")) {
                int bin = Math.min(SCORE_BINS - 1, Math.max(0, (int) Math.floor(f.score() * SCORE_BINS)));
                scoreBins.computeIfAbsent(f.subject(), k -> new long[SCORE_BINS])[bin]++;
                scoreSums.merge(f.subject(), f.score(), Double::sum);
            }
        }
        List<String> sorted = List.copyOf(keys);
        for (int i = 0; i < sorted.size(); i++) {
            Map<String, Long> row = together.computeIfAbsent(sorted.get(i), k -> new TreeMap<>());
            for (int j = i; j < sorted.size(); j++) {
                row.merge(sorted.get(j), 1L, Long::sum);
            }
        }
    }

    private void rules(RuleSource source, Collection<String> named) {
        ruleSource = ruleSource == null || source.ordinal() > ruleSource.ordinal() ? source : ruleSource;
        for (String r : named) {
            rules.merge(r, 1L, Long::sum);
        }
    }

    /**
     * Counts one rejected record by its first problem.
     *
     * @param first the record's first problem
     */
    public void rejected(Problem first) {
        rejected++;
        String message = first.message() == null ? "(no message)" : first.message();
        String reason = message;
        if (first.value() != null && !first.value().isEmpty()) {
            reason = reason.replace(first.value(), "…");
        }
        reason = NUMBER.matcher(reason).replaceAll("N");
        reasons.merge(reason, 1L, Long::sum);
        reasonExample.putIfAbsent(reason, message);
    }

    /** Counts rejected records whose reasons are not known (a summary file gives only their number). */
    void rejectedWithoutReason(long n) {
        rejected += n;
    }

    /**
     * Adds another population's counts to these; the other one's rule source, if less exact, wins.
     *
     * @param other the counts of a later chunk
     */
    public void add(Population other) {
        assessed += other.assessed;
        rejected += other.rejected;
        other.triage.forEach((k, n) -> triage.merge(k, n, Long::sum));
        other.findings.forEach((type, subjects) -> subjects.forEach((subject, levels) -> levels.forEach((level, n) ->
                findings.computeIfAbsent(type, k -> new TreeMap<>()).computeIfAbsent(subject, k -> new TreeMap<>())
                        .merge(level, n, Long::sum))));
        other.scoreBins.forEach((s, bins) -> {
            long[] mine = scoreBins.computeIfAbsent(s, k -> new long[SCORE_BINS]);
            for (int i = 0; i < SCORE_BINS; i++) {
                mine[i] += bins[i];
            }
        });
        other.scoreSums.forEach((s, sum) -> scoreSums.merge(s, sum, Double::sum));
        other.together.forEach((a, row) -> row.forEach((b, n) ->
                together.computeIfAbsent(a, k -> new TreeMap<>()).merge(b, n, Long::sum)));
        if (other.ruleSource != null) {
            rules(other.ruleSource, List.of());
        }
        other.rules.forEach((r, n) -> rules.merge(r, n, Long::sum));
        other.reasons.forEach((r, n) -> reasons.merge(r, n, Long::sum));
        other.reasonExample.forEach(reasonExample::putIfAbsent);
        rulesets.addAll(other.rulesets);
        explainLevels.addAll(other.explainLevels);
        fromSummary |= other.fromSummary;
    }

    /** @return the records assessed */
    public long assessed() {
        return assessed;
    }

    /** @return the records rejected */
    public long rejected() {
        return rejected;
    }

    static String key(String type, String subject) {
        return type + ":" + subject;
    }
}
