package org.twitchadvisor.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.text.SpreadsheetCsv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How one assessment becomes one line of output. Implementations are stateless and shared by the worker threads. */
interface ResultFormat {

    /** @return the first line of the output (with its line break), or an empty string */
    String header();

    /**
     * Appends an assessment's line, with its line break.
     *
     * @param a the assessment
     * @param out the chunk's bytes
     */
    void write(Assessment a, ByteArrayOutputStream out);

    static ResultFormat of(BatchOptions options, TwitchAdvisor advisor) {
        if (options.outputFormat() == BatchOptions.OutputFormat.CSV) {
            return new Csv(advisor.catalog().subjects().stream().filter(s -> s.type().equals("deficiency"))
                    .map(RuleCatalog.Subject::id).sorted().toList(), AdviceIds.of(advisor));
        }
        return options.explain() == BatchOptions.Explain.FULL ? new JsonLines(advisor) : new LeanJsonLines(options.explain(),
                AdviceIds.of(advisor));
    }

    /** Exactly the output contract, one assessment per line. */
    record JsonLines(TwitchAdvisor advisor) implements ResultFormat {
        @Override
        public String header() {
            return "";
        }

        @Override
        public void write(Assessment a, ByteArrayOutputStream out) {
            try {
                advisor.writeJson(a, out);
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array does not fail", e);
            }
            out.write('\n');
        }
    }

    /**
     * The output contract with less explanation ({@link BatchOptions.Explain#SUMMARY} or {@code NONE}): the same
     * fields in the same order, except that findings have no {@code because} (at summary level {@code rules} and
     * {@code answers} instead; at none no {@code summary} either, whose "strongest reason" is an explanation too)
     * and give their advice by id ({@code adviceIds}) rather than as texts, which recur in nearly every row;
     * {@code "explain"} comes last, so a reader can tell the level from each line.
     */
    record LeanJsonLines(BatchOptions.Explain level, AdviceIds adviceIds) implements ResultFormat {
        private static final JsonFactory JSON = new ObjectMapper().getFactory()
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

        @Override
        public String header() {
            return "";
        }

        @Override
        public void write(Assessment a, ByteArrayOutputStream out) {
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("respondent", a.respondent());
                g.writeStringField("triage", a.triage().id());
                g.writeArrayFieldStart("findings");
                for (Finding f : a.findings()) {
                    g.writeStartObject();
                    g.writeStringField("type", f.type());
                    g.writeStringField("subject", f.subject());
                    g.writeStringField("level", f.level());
                    g.writeNumberField("score", f.score());
                    if (level == BatchOptions.Explain.SUMMARY) {
                        g.writeStringField("summary", f.summary());
                        Flat flat = Flat.of(f.because());
                        g.writeArrayFieldStart("rules");
                        for (String rule : flat.rules()) {
                            g.writeString(rule);
                        }
                        g.writeEndArray();
                        g.writeObjectField("answers", flat.answers());
                    }
                    g.writeArrayFieldStart("adviceIds");
                    for (String advice : f.advice()) {
                        g.writeString(adviceIds.id(advice));
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("ruleset", a.ruleset());
                g.writeStringField("explain", level.id());
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array does not fail", e);
            }
            out.write('\n');
        }
    }

    /**
     * A finding's trees flattened: each rule once and every answer it rests on, in the order the trees name them
     * (strongest evidence first, a conclusion before what it rests on). An any-of answer lists the values any
     * rule matched.
     */
    record Flat(Set<String> rules, Map<String, Object> answers) {
        static Flat of(List<Explanation> trees) {
            Flat flat = new Flat(new LinkedHashSet<>(), new LinkedHashMap<>());
            trees.forEach(flat::add);
            return flat;
        }

        private void add(Explanation node) {
            rules.add(node.rule());
            node.answers().forEach((question, value) -> answers.merge(question, value, Flat::union));
            node.because().forEach(this::add);
        }

        private static Object union(Object seen, Object more) {
            if (seen instanceof List<?> a && more instanceof List<?> b) {
                Set<Object> values = new LinkedHashSet<>(a);
                values.addAll(b);
                return List.copyOf(values);
            }
            return seen;
        }
    }

    /** Advice ids from their texts: the advice table's, and {@code foods} for the text built from the foods table. */
    record AdviceIds(Map<String, String> byText) {
        static AdviceIds of(TwitchAdvisor advisor) {
            Map<String, String> byText = new HashMap<>();
            advisor.adviceTexts().forEach((id, text) -> byText.putIfAbsent(text, id));
            return new AdviceIds(byText);
        }

        String id(String text) {
            return byText.getOrDefault(text, "foods");
        }
    }

    /**
     * One row per respondent for spreadsheets: {@code respondent, triage}, a level and a score column per
     * deficiency the rules know (empty when the respondent has no such finding), then the subjects of the
     * lifestyle, differential and red-flag findings, strongest first, separated by {@code ;}; then what a result
     * would otherwise lose: the advice ids of all findings (each once), the rules that fired (sorted) and the
     * rule set's id. Written by
     * {@link SpreadsheetCsv}, so no text cell runs as a spreadsheet formula.
     */
    record Csv(List<String> nutrients, AdviceIds adviceIds) implements ResultFormat {
        @Override
        public String header() {
            List<String> columns = new ArrayList<>(List.of("respondent", "triage"));
            for (String n : nutrients) {
                columns.add(n + "_level");
                columns.add(n + "_score");
            }
            columns.addAll(List.of("lifestyle", "differentials", "red_flags", "advice", "rules_fired", "ruleset"));
            return SpreadsheetCsv.text(List.of(columns));
        }

        @Override
        public void write(Assessment a, ByteArrayOutputStream to) {
            Map<String, Finding> deficiencies = new HashMap<>();
            List<String> lifestyle = new ArrayList<>();
            List<String> differentials = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            Set<String> advice = new LinkedHashSet<>();
            for (Finding f : a.findings()) {
                for (String text : f.advice()) {
                    advice.add(adviceIds.id(text));
                }
                switch (f.type()) {
                    case "deficiency" -> deficiencies.put(f.subject(), f);
                    case "lifestyle" -> lifestyle.add(f.subject());
                    case "differential" -> differentials.add(f.subject());
                    case "red_flag" -> flags.add(f.subject());
                    default -> { }
                }
            }
            List<Object> row = new ArrayList<>(8 + 2 * nutrients.size());
            row.add(a.respondent());
            row.add(a.triage().id());
            for (String n : nutrients) {
                Finding f = deficiencies.get(n);
                row.add(f == null ? null : f.level());
                row.add(f == null ? null : f.score());
            }
            row.add(String.join(";", lifestyle));
            row.add(String.join(";", differentials));
            row.add(String.join(";", flags));
            row.add(String.join(";", advice));
            row.add(String.join(";", a.rulesFired()));
            row.add(a.ruleset());
            try {
                SpreadsheetCsv.write(row, to);
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array does not fail", e);
            }
        }
    }
}
