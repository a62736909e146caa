package org.twitchadvisor.internal.authoring.catalog;

import org.apache.commons.text.StringEscapeUtils;

import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.internal.text.SpreadsheetCsv;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the rule catalogue for people: every rule grouped by the subject it concludes about, and for
 * each article the rules that cite it. {@code docs/knowledge-base.md} is this catalogue in Markdown.
 */
public final class CatalogWriter {
    /** The command that regenerates {@code docs/knowledge-base.md}; the staleness test names it too. */
    public static final String REGENERATE =
            "java -jar target/twitch.jar rules list --rules rules --format md --output docs/knowledge-base.md";
    private static final Map<String, String> TYPE_NAMES = Map.of("deficiency", "deficiency", "lifestyle", "lifestyle",
            "differential", "another condition", "red_flag", "red flag", Catalogs.RISK_FACTOR, "risk factor");
    private static final String CSV_HEADER = "name,layer,file,line,concludes,conclusion,subject,subject_type,weight,claim,"
            + "sources,source_titles";

    /** The formats of {@code twitch rules list}. */
    public enum Format {
        /** For a terminal. */
        text,
        /** Markdown, as {@code docs/knowledge-base.md}. */
        md,
        /** A standalone web page. */
        html,
        /** One row per rule, for a spreadsheet. */
        csv
    }

    private record Group(String title, List<RuleCatalog.Rule> rules) {
    }

    private record Coverage(RuleCatalog.Source article, List<RuleCatalog.Rule> rules) {
    }

    private final RuleCatalog catalog;
    private final Map<String, RuleCatalog.Source> sources = new LinkedHashMap<>();

    private CatalogWriter(RuleCatalog catalog) {
        this.catalog = catalog;
        catalog.sources().forEach(s -> sources.put(s.id(), s));
    }

    /**
     * @param catalog the rules
     * @param format the format
     * @return the catalogue, ending in a newline
     */
    public static String write(RuleCatalog catalog, Format format) {
        CatalogWriter w = new CatalogWriter(catalog);
        return switch (format) {
            case text -> w.text();
            case md -> w.markdown();
            case html -> w.html();
            case csv -> w.csv();
        };
    }

    // ---- the shared structure ----

    /** Groups in the order of data/subjects.csv, then risk factors, then rules whose subject comes from the facts. */
    private List<Group> groups() {
        Map<String, List<RuleCatalog.Rule>> byKey = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (RuleCatalog.Subject s : catalog.subjects()) {
            titles.put(s.type() + "/" + s.id(), capitalize(s.label()) + " (" + TYPE_NAMES.getOrDefault(s.type(), s.type()) + ")");
        }
        for (RuleCatalog.Rule r : catalog.rules()) {
            if (r.subjectType().equals(Catalogs.RISK_FACTOR)) {
                titles.putIfAbsent(r.subjectType() + "/" + r.subject(), capitalize(r.subject().replace('_', ' ')) + " (risk factor)");
            }
        }
        String any = "/";
        titles.put(any, "Any subject (taken from the facts the rule matches)");
        for (RuleCatalog.Rule r : catalog.rules()) {
            String key = r.subjectType() + "/" + r.subject();
            byKey.computeIfAbsent(titles.containsKey(key) ? key : any, k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        titles.forEach((key, title) -> {
            List<RuleCatalog.Rule> rules = byKey.get(key);
            if (rules != null) {
                groups.add(new Group(title, rules));
            }
        });
        return groups;
    }

    private List<Coverage> coverage() {
        List<Coverage> out = new ArrayList<>();
        for (RuleCatalog.Source s : catalog.sources()) {
            if (s.kind().equals("article")) {
                out.add(new Coverage(s, catalog.rules().stream().filter(r -> r.sources().contains(s.id())).toList()));
            }
        }
        return out;
    }

    private long files() {
        return catalog.rules().stream().map(RuleCatalog.Rule::file).distinct().count();
    }

    private String summary() {
        return catalog.rules().size() + " rules in " + files() + " files, citing " + catalog.sources().size()
                + " registered sources.";
    }

    private static String weight(double w) {
        return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String title(String sourceId) {
        RuleCatalog.Source s = sources.get(sourceId);
        return s == null ? "" : s.title();
    }

    // ---- text ----

    private String text() {
        StringBuilder out = new StringBuilder("Twitch Advisor knowledge base: ").append(summary()).append("\n");
        for (Group g : groups()) {
            out.append("\n== ").append(g.title()).append(" ==\n");
            for (RuleCatalog.Rule r : g.rules()) {
                out.append("\n").append(r.name()).append("\n")
                        .append("  ").append(r.file()).append(':').append(r.line()).append(" (layer ").append(r.layer()).append(")\n")
                        .append("  concludes ").append(r.conclusion()).append(", weight ").append(weight(r.weight())).append("\n")
                        .append("  claim: ").append(r.claim()).append("\n");
                for (String s : r.sources()) {
                    out.append("  source ").append(s).append(": ").append(title(s)).append("\n");
                }
            }
        }
        out.append("\n== Claim coverage by article ==\n");
        for (Coverage c : coverage()) {
            out.append("\n").append(c.article().id()).append(" ").append(c.article().title()).append(": ")
                    .append(c.rules().size()).append(" rules\n");
            c.rules().forEach(r -> out.append("  - ").append(r.name()).append("\n"));
        }
        return out.toString();
    }

    // ---- Markdown ----

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /** Kept by hand: Commons Text has no Markdown escaper, and a Markdown library would be a large dependency for two replacements. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String sourceLinks(List<String> ids) {
        return ids.stream().map(id -> "[" + id + "](#source-" + id + ")").collect(Collectors.joining(", "));
    }

    private String markdown() {
        List<Group> groups = groups();
        StringBuilder out = new StringBuilder("# Knowledge base\n\n")
                .append("Generated from the rule files by `twitch rules list --format md`; do not edit it by hand. ")
                .append("After changing a rule, regenerate it:\n\n```sh\n").append(REGENERATE).append("\n```\n\n")
                .append(summary()).append(" How to read and change the rules: [authoring.md](authoring.md).\n\n")
                .append("## Contents\n\n- [Claim coverage by article](#claim-coverage-by-article)\n")
                .append("- [Rules by subject](#rules-by-subject)\n");
        groups.forEach(g -> out.append("  - [").append(g.title()).append("](#").append(anchor(g.title())).append(")\n"));
        out.append("- [Sources](#sources)\n\n## Claim coverage by article\n\n")
                .append("Each article and the rules that cite it.\n\n| article | title | rules citing it |\n|---|---|---|\n");
        List<Coverage> coverage = coverage();
        for (Coverage c : coverage) {
            String heading = c.article().id() + ": " + c.article().title();
            out.append("| [").append(c.article().id()).append("](#").append(anchor(heading)).append(") | ")
                    .append(cell(c.article().title())).append(" | ").append(c.rules().size()).append(" |\n");
        }
        for (Coverage c : coverage) {
            out.append("\n### ").append(c.article().id()).append(": ").append(c.article().title()).append("\n\n");
            if (c.rules().isEmpty()) {
                out.append("No rule cites this article.\n");
            }
            c.rules().forEach(r -> out.append("- ").append(r.name()).append(" (`").append(r.file()).append("`)\n"));
        }
        out.append("\n## Rules by subject\n\nWeight: how strongly the rule's conclusion counts towards its finding, "
                + "above 0 and at most 1 (1 when the rule gives none).\n");
        for (Group g : groups) {
            out.append("\n### ").append(g.title()).append("\n\n| rule | layer | concludes | weight | claim | sources |\n")
                    .append("|---|---|---|---|---|---|\n");
            for (RuleCatalog.Rule r : g.rules()) {
                out.append("| ").append(cell(r.name())).append(" | ").append(r.layer()).append(" | `")
                        .append(cell(r.conclusion())).append("` | ").append(weight(r.weight())).append(" | ")
                        .append(cell(r.claim())).append(" | ").append(sourceLinks(r.sources())).append(" |\n");
            }
        }
        out.append("\n## Sources\n\nRegistered in `rules/data/sources.csv`.\n\n| id | title | kind | location |\n|---|---|---|---|\n");
        for (RuleCatalog.Source s : catalog.sources()) {
            out.append("| <a id=\"source-").append(s.id()).append("\"></a>").append(s.id()).append(" | ").append(cell(s.title()))
                    .append(" | ").append(s.kind()).append(" | ").append(cell(s.location())).append(" |\n");
        }
        return out.toString();
    }

    // ---- HTML ----

    /** Safe as HTML text and inside a quoted attribute; letters beyond ASCII stay as they are (the page is UTF-8). */
    private static String esc(String s) {
        return StringEscapeUtils.escapeXml10(s);
    }

    private String html() {
        List<Group> groups = groups();
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Twitch Advisor knowledge base</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;max-width:80em}table{border-collapse:collapse;margin-bottom:1em}")
                .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("code{font-size:.9em}\n</style>\n</head>\n<body>\n<h1>Twitch Advisor knowledge base</h1>\n<p>")
                .append(esc(summary())).append("</p>\n<h2 id=\"claim-coverage-by-article\">Claim coverage by article</h2>\n");
        for (Coverage c : coverage()) {
            out.append("<h3>").append(esc(c.article().id() + ": " + c.article().title())).append(" (")
                    .append(c.rules().size()).append(" rules)</h3>\n<ul>\n");
            c.rules().forEach(r -> out.append("<li>").append(esc(r.name())).append(" <code>").append(esc(r.file()))
                    .append("</code></li>\n"));
            out.append("</ul>\n");
        }
        out.append("<h2 id=\"rules-by-subject\">Rules by subject</h2>\n");
        for (Group g : groups) {
            out.append("<h3 id=\"").append(anchor(g.title())).append("\">").append(esc(g.title())).append("</h3>\n<table>\n")
                    .append("<tr><th>rule</th><th>layer</th><th>concludes</th><th>weight</th><th>claim</th><th>sources</th></tr>\n");
            for (RuleCatalog.Rule r : g.rules()) {
                out.append("<tr><td>").append(esc(r.name())).append("</td><td>").append(esc(r.layer())).append("</td><td><code>")
                        .append(esc(r.conclusion())).append("</code></td><td>").append(weight(r.weight())).append("</td><td>")
                        .append(esc(r.claim())).append("</td><td>").append(r.sources().stream()
                                .map(s -> "<a href=\"#source-" + esc(s) + "\" title=\"" + esc(title(s)) + "\">" + esc(s) + "</a>")
                                .collect(Collectors.joining(", "))).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("<h2 id=\"sources\">Sources</h2>\n<table>\n<tr><th>id</th><th>title</th><th>kind</th><th>location</th></tr>\n");
        for (RuleCatalog.Source s : catalog.sources()) {
            out.append("<tr id=\"source-").append(esc(s.id())).append("\"><td>").append(esc(s.id())).append("</td><td>")
                    .append(esc(s.title())).append("</td><td>").append(esc(s.kind())).append("</td><td>")
                    .append(esc(s.location())).append("</td></tr>\n");
        }
        return out.append("</table>\n</body>\n</html>\n").toString();
    }

    // ---- CSV ----

    private String csv() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of(CSV_HEADER.split(",")));
        for (RuleCatalog.Rule r : catalog.rules()) {
            rows.add(Arrays.asList(r.name(), r.layer(), r.file(), r.line(), r.concludes(), r.conclusion(), r.subject(),
                    r.subjectType(), BigDecimal.valueOf(r.weight()).stripTrailingZeros(), r.claim(),
                    String.join(";", r.sources()),
                    // Titles contain semicolons; a bar keeps them apart.
                    r.sources().stream().map(this::title).collect(Collectors.joining(" | "))));
        }
        return SpreadsheetCsv.text(rows);
    }
}
