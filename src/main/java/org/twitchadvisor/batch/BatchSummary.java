package org.twitchadvisor.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a batch did: how many records were read, assessed and rejected, how fast, and what the population
 * looks like (how many respondents got each triage level and each finding, how often each rule fired).
 * Every record read is either assessed or rejected: {@code rowsRead == assessed + rejected}.
 *
 * @param input the input's name as given
 * @param ruleset the id of the rule set used
 * @param threads how many threads assessed
 * @param rowsRead records read (CSV data rows, non-blank JSON lines, JSON files)
 * @param assessed records that gave an assessment
 * @param rejected records that gave an error record instead
 * @param wallSeconds time from opening the input to the last byte written
 * @param perSecond records per second over that time
 * @param stoppedBy why reading stopped before the end of the input (a CSV structure error), or {@code null}
 *                  when all of it was read
 * @param complete whether the results and errors hold every record of the input: all of it was read
 *                 ({@code stoppedBy} is {@code null}) and every record was written and flushed; a summary is only
 *                 made once writing succeeded, so it is {@code false} only when reading stopped early
 * @param triage respondents per triage level, least urgent first, every level present
 * @param findings respondents per finding subject, by type and then most frequent first; subjects the rules
 *                 know but nobody got are listed with 0
 * @param rules respondents for whom each rule fired, every rule of the rule set, by name
 * @param rulesNeverFired the rules that fired for nobody, by name
 */
@JsonPropertyOrder({"input", "ruleset", "threads", "rowsRead", "assessed", "rejected", "wallSeconds", "perSecond",
        "stoppedBy", "complete", "triage", "findings", "rules", "rulesNeverFired"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchSummary(String input, String ruleset, int threads, long rowsRead, long assessed, long rejected,
                           double wallSeconds, double perSecond, String stoppedBy, boolean complete,
                           Map<String, Long> triage, List<FindingCount> findings, Map<String, Long> rules,
                           List<String> rulesNeverFired) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The stderr summary names this many never-fired rules; the JSON summary names them all. */
    private static final int NEVER_FIRED_SHOWN = 15;

    /**
     * How many respondents got one finding.
     *
     * @param type the finding type, e.g. {@code deficiency}
     * @param subject the finding subject, e.g. {@code magnesium}
     * @param respondents respondents with this finding at any level
     * @param levels respondents per level, e.g. {@code possible}, {@code likely}
     */
    @JsonPropertyOrder({"type", "subject", "respondents", "levels"})
    public record FindingCount(String type, String subject, long respondents, Map<String, Long> levels) {
        /** Unmodifiable copy, keeping the level order. */
        public FindingCount {
            levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
        }
    }

    /** Unmodifiable copies, keeping their order. */
    public BatchSummary {
        triage = Collections.unmodifiableMap(new LinkedHashMap<>(triage));
        findings = List.copyOf(findings);
        rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        rulesNeverFired = List.copyOf(rulesNeverFired);
    }

    /** @return the summary as indented JSON, for {@code --summary FILE} */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary always serialises", e);
        }
    }

    /** @return the summary for a person reading standard error: counts, speed, prevalence, rule coverage */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Batch %s: %,d rows read, %,d assessed, %,d rejected%n", input, rowsRead,
                assessed, rejected));
        b.append(String.format(Locale.ROOT, "  %.1f s, %,.0f questionnaires/s on %d thread%s; rules %s%n", wallSeconds,
                perSecond, threads, threads == 1 ? "" : "s", ruleset));
        if (stoppedBy != null) {
            b.append("  STOPPED before the end of the input: ").append(stoppedBy).append(System.lineSeparator());
        }
        if (assessed > 0) {
            b.append("Triage (share of the assessed)").append(System.lineSeparator());
            triage.forEach((level, n) -> b.append(String.format(Locale.ROOT, "  %-12s %,9d  %5.1f%%%n", level, n,
                    100.0 * n / assessed)));
            b.append("Findings (respondents, share of the assessed)").append(System.lineSeparator());
            List<String> never = new ArrayList<>();
            for (FindingCount f : findings) {
                if (f.respondents() == 0) {
                    never.add(f.type() + " " + f.subject());
                    continue;
                }
                String levels = f.levels().entrySet().stream().filter(e -> e.getValue() > 0)
                        .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "));
                b.append(String.format(Locale.ROOT, "  %-12s %-32s %,9d  %5.1f%%  %s%n", f.type(), f.subject(),
                        f.respondents(), 100.0 * f.respondents() / assessed, levels));
            }
            if (!never.isEmpty()) {
                b.append("  found for nobody: ").append(String.join(", ", never)).append(System.lineSeparator());
            }
        }
        b.append(String.format(Locale.ROOT, "Rules: %d of %d fired for someone%n", rules.size() - rulesNeverFired.size(),
                rules.size()));
        if (!rulesNeverFired.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  never fired (%d):%n", rulesNeverFired.size()));
            rulesNeverFired.stream().limit(NEVER_FIRED_SHOWN)
                    .forEach(r -> b.append("    \"").append(r).append('"').append(System.lineSeparator()));
            if (rulesNeverFired.size() > NEVER_FIRED_SHOWN) {
                b.append(String.format(Locale.ROOT, "    ... and %d more (the JSON summary names them all)%n",
                        rulesNeverFired.size() - NEVER_FIRED_SHOWN));
            }
        }
        return b.toString();
    }
}
