package org.twitchadvisor.batch;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Triage;
import org.twitchadvisor.internal.report.Population;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts for a {@link BatchSummary}: kept per chunk by the thread that assessed it and added up in input order
 * by the writer, so no counter is shared between threads.
 */
final class Tally {
    /** The finding types of the output contract and their levels, in the order a summary lists them. */
    static final Map<String, List<String>> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put("deficiency", List.of("possible", "likely", "confirmed", "ruled_out"));
        LEVELS.put("lifestyle", List.of("possible", "likely"));
        LEVELS.put("differential", List.of("possible", "likely"));
        LEVELS.put("red_flag", List.of("see_doctor", "urgent"));
    }

    /** The report's counts of this chunk, or {@code null} when no report is asked for. */
    final Population population;
    long read;
    long assessed;
    long rejected;
    final long[] triage = new long[Triage.values().length];
    /** type, then subject, then level, to respondents. */
    final Map<String, Map<String, Map<String, Long>>> findings = new HashMap<>();
    final Map<String, Long> rules = new HashMap<>();
    /**
     * Counted per row into mutable cells, folded into {@link #findings} and {@link #rules} when tallies are added
     * up or summarised: boxing a count per fired rule per row showed in batch profiles.
     */
    private final Map<String, long[]> ruleCells = new HashMap<>();
    private final Map<Level, long[]> findingCells = new HashMap<>();

    private record Level(String type, String subject, String level) {
    }

    /** @param report whether to count for a population report too */
    Tally(boolean report) {
        population = report ? new Population() : null;
    }

    void assessed(Assessment a) {
        if (population != null) {
            population.add(a);
        }
        read++;
        assessed++;
        triage[a.triage().ordinal()]++;
        for (Finding f : a.findings()) {
            findingCells.computeIfAbsent(new Level(f.type(), f.subject(), f.level()), k -> new long[1])[0]++;
        }
        for (String rule : a.rulesFired()) {
            long[] cell = ruleCells.get(rule);
            if (cell == null) {
                ruleCells.put(rule, cell = new long[1]);
            }
            cell[0]++;
        }
    }

    void rejected(Problem first) {
        if (population != null) {
            population.rejected(first);
        }
        read++;
        rejected++;
    }

    /** Moves the per-row cells into the maps the summary reads. */
    private void fold() {
        findingCells.forEach((k, n) -> findings.computeIfAbsent(k.type(), t -> new HashMap<>())
                .computeIfAbsent(k.subject(), t -> new HashMap<>()).merge(k.level(), n[0], Long::sum));
        ruleCells.forEach((rule, n) -> rules.merge(rule, n[0], Long::sum));
        findingCells.clear();
        ruleCells.clear();
    }

    void add(Tally other) {
        other.fold();
        if (population != null && other.population != null) {
            population.add(other.population);
        }
        read += other.read;
        assessed += other.assessed;
        rejected += other.rejected;
        for (int i = 0; i < triage.length; i++) {
            triage[i] += other.triage[i];
        }
        other.findings.forEach((type, subjects) -> subjects.forEach((subject, levels) -> levels.forEach((level, n) ->
                findings.computeIfAbsent(type, k -> new HashMap<>()).computeIfAbsent(subject, k -> new HashMap<>())
                        .merge(level, n, Long::sum))));
        other.rules.forEach((rule, n) -> rules.merge(rule, n, Long::sum));
    }

    /**
     * @param complete whether every record of the input was read, written and flushed
     * @param knownSubjects the subjects the rules can conclude, by type, so that the ones nobody got show as 0
     * @param ruleNames every rule of the rule set, so that the ones that never fired show as 0
     */
    BatchSummary summary(String input, String ruleset, int threads, double wallSeconds, String stoppedBy,
                         boolean complete, Map<String, List<String>> knownSubjects, List<String> ruleNames) {
        fold();
        Map<String, Long> triageCounts = new LinkedHashMap<>();
        for (Triage t : Triage.values()) {
            triageCounts.put(t.id(), triage[t.ordinal()]);
        }
        List<String> types = new ArrayList<>(LEVELS.keySet());
        new TreeMap<>(findings).keySet().stream().filter(t -> !types.contains(t)).forEach(types::add);
        List<BatchSummary.FindingCount> counts = new ArrayList<>();
        for (String type : types) {
            Map<String, Map<String, Long>> bySubject = new TreeMap<>(findings.getOrDefault(type, Map.of()));
            knownSubjects.getOrDefault(type, List.of()).forEach(s -> bySubject.putIfAbsent(s, Map.of()));
            List<BatchSummary.FindingCount> ofType = new ArrayList<>();
            bySubject.forEach((subject, levels) -> {
                Map<String, Long> ordered = new LinkedHashMap<>();
                LEVELS.getOrDefault(type, List.of()).forEach(l -> ordered.put(l, 0L));
                new TreeMap<>(levels).forEach((l, n) -> ordered.merge(l, n, Long::sum));
                long respondents = levels.values().stream().mapToLong(Long::longValue).sum();
                ofType.add(new BatchSummary.FindingCount(type, subject, respondents, ordered));
            });
            ofType.sort(Comparator.comparingLong(BatchSummary.FindingCount::respondents).reversed()
                    .thenComparing(BatchSummary.FindingCount::subject));
            counts.addAll(ofType);
        }
        Map<String, Long> ruleCounts = new TreeMap<>();
        ruleNames.forEach(r -> ruleCounts.put(r, 0L));
        ruleCounts.putAll(rules);
        List<String> never = ruleCounts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        double perSecond = wallSeconds > 0 ? read / wallSeconds : 0;
        return new BatchSummary(input, ruleset, threads, read, assessed, rejected, Math.round(wallSeconds * 1000) / 1000.0,
                Math.round(perSecond * 10) / 10.0, stoppedBy, complete, triageCounts, counts, ruleCounts, never);
    }
}
