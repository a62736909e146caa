package org.twitchadvisor.batch;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.text.SpreadsheetCsv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    static ResultFormat of(BatchOptions.OutputFormat format, TwitchAdvisor advisor) {
        return format == BatchOptions.OutputFormat.CSV ? new Csv(advisor.catalog().subjects().stream()
                .filter(s -> s.type().equals("deficiency")).map(RuleCatalog.Subject::id).sorted().toList()) : new JsonLines(advisor);
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
     * One row per respondent for spreadsheets: {@code respondent, triage}, a level and a score column per
     * deficiency the rules know (empty when the respondent has no such finding), then the subjects of the
     * lifestyle, differential and red-flag findings, strongest first, separated by {@code ;}. Written by
     * {@link SpreadsheetCsv}, so no text cell runs as a spreadsheet formula.
     */
    record Csv(List<String> nutrients) implements ResultFormat {
        @Override
        public String header() {
            List<String> columns = new ArrayList<>(List.of("respondent", "triage"));
            for (String n : nutrients) {
                columns.add(n + "_level");
                columns.add(n + "_score");
            }
            columns.addAll(List.of("lifestyle", "differentials", "red_flags"));
            return SpreadsheetCsv.text(List.of(columns));
        }

        @Override
        public void write(Assessment a, ByteArrayOutputStream to) {
            Map<String, Finding> deficiencies = new HashMap<>();
            List<String> lifestyle = new ArrayList<>();
            List<String> differentials = new ArrayList<>();
            List<String> flags = new ArrayList<>();
            for (Finding f : a.findings()) {
                switch (f.type()) {
                    case "deficiency" -> deficiencies.put(f.subject(), f);
                    case "lifestyle" -> lifestyle.add(f.subject());
                    case "differential" -> differentials.add(f.subject());
                    case "red_flag" -> flags.add(f.subject());
                    default -> { }
                }
            }
            List<Object> row = new ArrayList<>(5 + 2 * nutrients.size());
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
            try {
                SpreadsheetCsv.write(row, to);
            } catch (IOException e) {
                throw new UncheckedIOException("a byte array does not fail", e);
            }
        }
    }
}
