package org.twitchadvisor.batch;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
     * lifestyle, differential and red-flag findings, strongest first, separated by {@code ;}.
     */
    record Csv(List<String> nutrients) implements ResultFormat {
        @Override
        public String header() {
            StringBuilder b = new StringBuilder("respondent,triage");
            for (String n : nutrients) {
                b.append(',').append(n).append("_level,").append(n).append("_score");
            }
            return b.append(",lifestyle,differentials,red_flags\n").toString();
        }

        @Override
        public void write(Assessment a, ByteArrayOutputStream to) {
            StringBuilder out = new StringBuilder(256);
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
            cell(out, a.respondent()).append(',').append(a.triage().id());
            for (String n : nutrients) {
                Finding f = deficiencies.get(n);
                out.append(',');
                if (f != null) {
                    out.append(f.level()).append(',').append(f.score());
                } else {
                    out.append(',');
                }
            }
            out.append(',').append(String.join(";", lifestyle)).append(',').append(String.join(";", differentials))
                    .append(',').append(String.join(";", flags)).append('\n');
            to.writeBytes(out.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** RFC 4180 quoting, only where a cell needs it. */
        private static StringBuilder cell(StringBuilder out, String value) {
            String v = value == null ? "" : value;
            boolean quote = false;
            for (int i = 0; i < v.length() && !quote; i++) {
                char c = v.charAt(i);
                quote = c == ',' || c == '"' || c == '\n' || c == '\r';
            }
            if (!quote) {
                return out.append(v);
            }
            return out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
    }
}
