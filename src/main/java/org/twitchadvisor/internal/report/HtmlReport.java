package org.twitchadvisor.internal.report;

import org.apache.commons.text.StringEscapeUtils;
import org.twitchadvisor.RuleCatalog;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Population} as one self-contained HTML page: inline CSS, charts as SVG drawn here, no script
 * and nothing fetched, so it opens anywhere, offline. Every chart has a table of the same numbers beside it, for
 * screen readers and for copying. All text from the data goes through Commons Text's HTML escaping.
 */
public final class HtmlReport {
    /** The finding types in the order the output contract lists them. */
    private static final List<String> TYPES = List.of("deficiency", "lifestyle", "differential", "red_flag");
    private static final Map<String, String> TYPE_TITLES = Map.of("deficiency", "Deficiencies", "lifestyle",
            "Lifestyle factors", "differential", "Differentials", "red_flag", "Red flags");
    /** Levels in the order bars stack them, weakest first, and the CSS class of each. */
    private static final List<String> LEVELS = List.of("possible", "likely", "confirmed", "ruled_out", "see_doctor",
            "urgent");
    private static final List<String> TRIAGE = List.of("self_care", "see_doctor", "urgent");
    private static final int RULES_SHOWN = 20;
    /** Bar charts are drawn this wide and shown at most 520 px wide: about 1:1 text on a laptop, still readable on a phone. */
    private static final int WIDTH = 420;
    private static final int PAIRS_SHOWN = 30;
    private static final int LABEL_CHARS = 30;

    /**
     * What the report says about where its numbers come from, and what the rules could have concluded.
     *
     * @param source the file or batch input the numbers come from, as the user named it
     * @param ruleset the id of the rules the report compares against (their rules and subjects)
     * @param rules every rule of that rule set, by name, so the ones that never fired can be listed
     * @param subjects every subject those rules can conclude, with its label
     */
    public record Context(String source, String ruleset, List<String> rules, List<RuleCatalog.Subject> subjects) {
    }

    private final Population p;
    private final Context c;
    private final StringBuilder h = new StringBuilder(1 << 16);
    private final Map<String, String> labels = new LinkedHashMap<>();

    private HtmlReport(Population p, Context c) {
        this.p = p;
        this.c = c;
        c.subjects().forEach(s -> labels.put(Population.key(s.type(), s.id()), s.label()));
    }

    /**
     * @param population the counts
     * @param context where they come from and what the rules know
     * @param out where the page goes; not closed
     * @throws IOException when writing fails
     */
    public static void write(Population population, Context context, Writer out) throws IOException {
        HtmlReport r = new HtmlReport(population, context);
        r.page();
        out.write(r.h.toString());
        out.flush();
    }

    private void page() {
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Twitch Advisor population report: ").append(esc(c.source())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>Population report</h1>\n<p class=\"lead\">").append(esc(c.source())).append(": <strong>")
                .append(count(p.assessed)).append("</strong> respondents assessed, <strong>").append(count(p.rejected))
                .append("</strong> records rejected.</p>\n<ul class=\"facts\">\n");
        h.append("<li>Rule set of the results: ").append(p.rulesets.isEmpty() ? "not stated"
                : esc(String.join(", ", p.rulesets))).append("</li>\n");
        h.append("<li>Compared against the rules ").append(esc(c.ruleset()))
                .append(p.rulesets.isEmpty() || p.rulesets.equals(java.util.Set.of(c.ruleset())) ? ""
                        : " <strong>(not the rules of the results: the lists of rules and subjects may differ)</strong>")
                .append("</li>\n");
        if (!p.explainLevels.isEmpty()) {
            h.append("<li>Explanation level of the results: ").append(esc(String.join(", ", p.explainLevels)))
                    .append("</li>\n");
        }
        if (p.fromSummary) {
            h.append("<li>Read from a batch summary, which has no scores, no pairs of findings and no reasons for"
                    + " rejections: give the results file for those.</li>\n");
        }
        h.append("</ul>\n<p class=\"note\">Counts of a synthetic or real survey, not medical advice: a finding is what"
                + " the rules conclude from the answers.</p>\n");
        h.append("<nav aria-label=\"Sections\"><a href=\"#triage\">Triage</a> <a href=\"#findings\">Findings</a> "
                + "<a href=\"#scores\">Scores</a> <a href=\"#together\">Together</a> <a href=\"#rules\">Rules</a> "
                + "<a href=\"#rejected\">Rejected</a></nav>\n");
        triage();
        findings();
        scores();
        together();
        rules();
        rejected();
        h.append("</main>\n</body>\n</html>\n");
    }

    private void triage() {
        section("triage", "Triage levels", "The most urgent advice each respondent got.");
        List<Bar> bars = new ArrayList<>();
        for (String t : ordered(TRIAGE, p.triage.keySet(), true)) {
            long n = p.triage.getOrDefault(t, 0L);
            bars.add(new Bar(t.replace('_', ' '), List.of(new Segment(n, "t-" + t, t))));
        }
        pair(() -> bars(bars, p.assessed, true, "Respondents per triage level"), () -> {
            table("Respondents per triage level", List.of("Triage", "Respondents", "Share"));
            for (String t : ordered(TRIAGE, p.triage.keySet(), true)) {
                long n = p.triage.getOrDefault(t, 0L);
                row(List.of(t), List.of(count(n), share(n, p.assessed)));
            }
            endTable();
        });
        h.append("</section>\n");
    }

    private void findings() {
        section("findings", "Prevalence of each finding and level",
                "Respondents with each finding, split by its level; a respondent has at most one level per finding.");
        for (String type : types()) {
            Map<String, Map<String, Long>> bySubject = subjects(type);
            List<Map.Entry<String, Map<String, Long>>> order = new ArrayList<>(bySubject.entrySet());
            order.sort(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -total(e.getValue()))
                    .thenComparing(Map.Entry::getKey));
            List<String> levels = ordered(LEVELS, bySubject.values().stream().flatMap(m -> m.keySet().stream()).toList(),
                    false);
            h.append("<h3>").append(esc(TYPE_TITLES.getOrDefault(type, type))).append("</h3>\n");
            List<Bar> bars = new ArrayList<>();
            for (var e : order) {
                List<Segment> segments = new ArrayList<>();
                for (String level : levels) {
                    segments.add(new Segment(e.getValue().getOrDefault(level, 0L), "l-" + level, level));
                }
                bars.add(new Bar(label(type, e.getKey()), segments));
            }
            pair(() -> bars(bars, p.assessed, true,
                    TYPE_TITLES.getOrDefault(type, type) + ": respondents per level"), () -> {
                List<String> head = new ArrayList<>(List.of("Finding", "Respondents", "Share"));
                levels.forEach(l -> head.add(l.replace('_', ' ')));
                table(TYPE_TITLES.getOrDefault(type, type) + " by level", head);
                for (var e : order) {
                    long n = total(e.getValue());
                    List<String> cells = new ArrayList<>(List.of(count(n), share(n, p.assessed)));
                    levels.forEach(l -> cells.add(count(e.getValue().getOrDefault(l, 0L))));
                    row(List.of(label(type, e.getKey())), cells);
                }
                endTable();
            });
        }
        h.append("</section>\n");
    }

    private void scores() {
        section("scores", "Score distributions per nutrient",
                "How certain the deficiency findings are: respondents per score band, for those with the finding.");
        if (p.scoreBins.isEmpty()) {
            unavailable(p.fromSummary ? "A summary file has no scores." : "No deficiency findings.");
            return;
        }
        h.append("<div class=\"multiples\">\n");
        for (var e : p.scoreBins.entrySet()) {
            histogram(label("deficiency", e.getKey()), e.getValue());
        }
        h.append("</div>\n");
        List<String> head = new ArrayList<>(List.of("Nutrient", "Respondents", "Mean score"));
        for (int i = 0; i < Population.SCORE_BINS; i++) {
            head.add(band(i));
        }
        h.append("<div class=\"scroll\">");
        table("Respondents per score band", head);
        for (var e : p.scoreBins.entrySet()) {
            long n = 0;
            for (long b : e.getValue()) {
                n += b;
            }
            List<String> cells = new ArrayList<>(List.of(count(n),
                    String.format(Locale.ROOT, "%.2f", p.scoreSums.getOrDefault(e.getKey(), 0.0) / Math.max(1, n))));
            for (long b : e.getValue()) {
                cells.add(count(b));
            }
            row(List.of(label("deficiency", e.getKey())), cells);
        }
        endTable();
        h.append("</div>\n</section>\n");
    }

    private void together() {
        section("together", "Findings that occur together",
                "Respondents who have both findings; the diagonal is respondents with the finding at all. Darker is more.");
        List<String> keys = new ArrayList<>(p.together.keySet());
        keys.sort(Comparator.comparingInt((String k) -> TYPES.indexOf(k.substring(0, k.indexOf(':'))))
                .thenComparing(k -> -both(k, k)).thenComparing(k -> k));
        if (keys.isEmpty()) {
            unavailable(p.fromSummary ? "A summary file does not say which findings occur together." : "No findings.");
            return;
        }
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                if (both(keys.get(i), keys.get(j)) > 0) {
                    pairs.add(new String[] {keys.get(i), keys.get(j)});
                }
            }
        }
        pairs.sort(Comparator.comparingLong((String[] ab) -> -both(ab[0], ab[1])).thenComparing(ab -> ab[0] + ab[1]));
        List<String[]> shown = pairs.subList(0, Math.min(PAIRS_SHOWN, pairs.size()));
        heatmap(keys);
        h.append("<div class=\"scroll\">\n");
        table("The " + shown.size() + " most frequent pairs (of " + pairs.size() + ")", List.of("Finding",
                "and finding", "Respondents", "Share"));
        for (String[] ab : shown) {
            long n = both(ab[0], ab[1]);
            h.append("<tr><th scope=\"row\">").append(esc(shortLabel(ab[0]))).append("</th><td>")
                    .append(esc(shortLabel(ab[1]))).append("</td><td class=\"num\">").append(count(n))
                    .append("</td><td class=\"num\">").append(share(n, p.assessed)).append("</td></tr>\n");
        }
        endTable();
        h.append("</div>\n</section>\n");
    }

    private void rules() {
        section("rules", "Rules fired most and never", switch (p.ruleSource == null ? Population.RuleSource.NONE
                : p.ruleSource) {
            case FIRED -> "Respondents for whom each rule fired.";
            case EXPLANATIONS -> "Respondents whose findings' explanations name each rule (read from results: a rule"
                    + " that fired without supporting a finding, such as an advice rule, is not seen there).";
            case NONE -> "";
        });
        if (p.ruleSource == null || p.ruleSource == Population.RuleSource.NONE) {
            unavailable("Results written with --explain none name no rules: use full or summary, or the batch's"
                    + " --report or --summary.");
            return;
        }
        Map<String, Long> all = new TreeMap<>();
        c.rules().forEach(r -> all.put(r, 0L));
        all.putAll(p.rules);
        List<Map.Entry<String, Long>> most = new ArrayList<>(all.entrySet());
        most.removeIf(e -> e.getValue() == 0);
        most.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        List<Bar> bars = new ArrayList<>();
        for (var e : most.subList(0, Math.min(RULES_SHOWN, most.size()))) {
            bars.add(new Bar(clip(e.getKey(), 2 * LABEL_CHARS), List.of(new Segment(e.getValue(), "rule", "respondents"))));
        }
        h.append("<h3>The ").append(Math.min(RULES_SHOWN, most.size())).append(" rules fired most</h3>\n");
        List<Map.Entry<String, Long>> shown = most.subList(0, Math.min(RULES_SHOWN, most.size()));
        pair(() -> bars(bars, p.assessed, true, "Respondents per rule, most fired first"), () -> rulesTable(
                "The rules fired most", shown));
        h.append("<details><summary>All ").append(most.size()).append(" rules that fired for someone</summary>\n")
                .append("<div class=\"scroll\">");
        rulesTable("Respondents per rule", most);
        h.append("</div></details>\n");
        List<String> never = all.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        h.append("<h3>Rules that never fired (").append(never.size()).append(" of ").append(all.size())
                .append(")</h3>\n");
        if (never.isEmpty()) {
            h.append("<p>Every rule fired for someone.</p>\n");
        } else {
            h.append("<p>Worth a look: a typo in a value they test, or answers nobody gives.</p>\n<ul class=\"never\">\n");
            never.forEach(r -> h.append("<li>").append(esc(r)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private void rulesTable(String caption, List<Map.Entry<String, Long>> rules) {
        table(caption, List.of("Rule", "Respondents", "Share"));
        for (var e : rules) {
            row(List.of(e.getKey()), List.of(count(e.getValue()), share(e.getValue(), p.assessed)));
        }
        endTable();
    }

    private void rejected() {
        section("rejected", "Rejected records by reason",
                "Each rejected record counted once, by its first problem; the value and numbers of the message are"
                        + " left out so that alike problems count together.");
        if (p.rejected == 0) {
            h.append("<p>No record was rejected.</p>\n</section>\n");
            return;
        }
        if (p.reasons.isEmpty()) {
            unavailable(count(p.rejected) + " records were rejected; " + (p.fromSummary ? "a summary file does not say why"
                    : "give the errors file with --errors to see why") + ".");
            return;
        }
        List<Map.Entry<String, Long>> order = new ArrayList<>(p.reasons.entrySet());
        order.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        List<Bar> bars = new ArrayList<>();
        for (var e : order.subList(0, Math.min(RULES_SHOWN, order.size()))) {
            bars.add(new Bar(clip(e.getKey(), 2 * LABEL_CHARS), List.of(new Segment(e.getValue(), "rejected", "records"))));
        }
        long withReason = order.stream().mapToLong(Map.Entry::getValue).sum();
        pair(() -> bars(bars, withReason, false, "Rejected records per reason"), () -> {
            table("Rejected records per reason", List.of("Reason", "Records", "Share", "Example"));
            for (var e : order) {
                row(List.of(e.getKey()), List.of(count(e.getValue()), share(e.getValue(), withReason),
                        p.reasonExample.get(e.getKey())));
            }
            endTable();
        });
        h.append("</section>\n");
    }

    // ---- charts ----

    private record Segment(long value, String cssClass, String name) {
    }

    private record Bar(String label, List<Segment> segments) {
    }

    /** Horizontal bars, each label above its bar so the text stays readable when a phone scales the chart down. */
    private void bars(List<Bar> bars, long whole, boolean toWhole, String title) {
        int row = 44;
        List<Segment> legend = bars.isEmpty() ? List.of() : bars.get(0).segments();
        boolean stacked = legend.size() > 1;
        int top = stacked ? 30 : 4;
        int height = top + row * bars.size() + 4;
        int plot = WIDTH - 100;
        long max = 1;
        for (Bar b : bars) {
            max = Math.max(max, b.segments().stream().mapToLong(Segment::value).sum());
        }
        // Shares of the population are drawn to the whole, so bars of different charts compare; counts to the longest.
        double scale = plot / (double) (toWhole ? Math.max(whole, max) : max);
        h.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append(" (the table gives the numbers)\">\n");
        if (stacked) {
            int x = 0;
            for (Segment s : legend) {
                h.append("<rect class=\"").append(s.cssClass()).append("\" x=\"").append(x).append("\" y=\"6\" width=\"14\""
                        + " height=\"14\"/><text x=\"").append(x + 19).append("\" y=\"18\">").append(esc(s.name()
                        .replace('_', ' '))).append("</text>\n");
                x += 24 + 8 * s.name().length();
            }
        }
        int y = top;
        for (Bar b : bars) {
            h.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(b.label())).append("</text>\n");
            double x = 0;
            long sum = 0;
            for (Segment s : b.segments()) {
                double w = s.value() * scale;
                if (s.value() > 0) {
                    h.append("<rect class=\"").append(s.cssClass()).append("\" x=\"").append(fmt(x)).append("\" y=\"")
                            .append(y + 21).append("\" width=\"").append(fmt(Math.max(w, 1.5))).append("\" height=\"16\">")
                            .append("<title>").append(esc(b.label() + ", " + s.name().replace('_', ' ') + ": "
                                    + count(s.value()))).append("</title></rect>\n");
                }
                x += w;
                sum += s.value();
            }
            h.append("<text class=\"value\" x=\"").append(fmt(x + 6)).append("\" y=\"").append(y + 34).append("\">")
                    .append(count(sum)).append(whole > 0 ? " · " + share(sum, whole) : "").append("</text>\n");
            y += row;
        }
        h.append("</svg>\n");
    }

    private void histogram(String title, long[] bins) {
        int w = 300;
        int hgt = 170;
        int left = 34;
        int bottom = 28;
        int top = 26;
        long max = 1;
        long n = 0;
        for (long b : bins) {
            max = Math.max(max, b);
            n += b;
        }
        double bw = (w - left - 6) / (double) bins.length;
        h.append("<figure class=\"small\"><svg class=\"chart\" viewBox=\"0 0 ").append(w).append(' ').append(hgt)
                .append("\" role=\"img\" aria-label=\"").append(esc("Scores of " + title + " (the table gives the numbers)"))
                .append("\">\n<text class=\"head\" x=\"0\" y=\"16\">").append(esc(title)).append(" · ").append(count(n))
                .append("</text>\n");
        int base = hgt - bottom;
        h.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(base).append("\" x2=\"").append(w - 6)
                .append("\" y2=\"").append(base).append("\"/>\n");
        h.append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(top + 10)
                .append("\" text-anchor=\"end\">").append(count(max)).append("</text>\n");
        h.append("<text class=\"tick\" x=\"").append(left - 4).append("\" y=\"").append(base)
                .append("\" text-anchor=\"end\">0</text>\n");
        for (int i = 0; i < bins.length; i++) {
            double bh = (base - top) * bins[i] / (double) max;
            if (bins[i] > 0) {
                h.append("<rect class=\"score\" x=\"").append(fmt(left + i * bw + 1)).append("\" y=\"").append(fmt(base - bh))
                        .append("\" width=\"").append(fmt(bw - 2)).append("\" height=\"").append(fmt(Math.max(bh, 1)))
                        .append("\"><title>").append(esc(title + ", score " + band(i) + ": " + count(bins[i])))
                        .append("</title></rect>\n");
            }
        }
        for (double tick : new double[] {0, 0.5, 1}) {
            h.append("<text class=\"tick\" x=\"").append(fmt(left + tick * bins.length * bw)).append("\" y=\"")
                    .append(base + 18).append("\" text-anchor=\"middle\">").append(tick == 0.5 ? "0.5" : (int) tick)
                    .append("</text>\n");
        }
        h.append("</svg></figure>\n");
    }

    /** A square of cells, one per pair of findings, drawn at its natural size inside a scrolling box. */
    private void heatmap(List<String> keys) {
        int cell = 22;
        int longest = keys.stream().mapToInt(k -> clip(shortLabel(k), LABEL_CHARS).length()).max().orElse(10);
        int margin = 12 + 7 * longest;
        int size = margin + cell * keys.size() + 4;
        int wide = size + margin / 2; // the slanted column labels reach right of the last column
        long max = 1;
        for (String a : keys) {
            for (String b : keys) {
                if (!a.equals(b)) {
                    max = Math.max(max, both(a, b));
                }
            }
        }
        h.append("<div class=\"scroll\"><svg class=\"chart heat\" width=\"").append(wide).append("\" height=\"")
                .append(size).append("\" viewBox=\"0 0 ").append(wide).append(' ').append(size)
                .append("\" role=\"img\" aria-label=\"Respondents with both findings (the table gives the numbers)\">\n");
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            int pos = margin + i * cell;
            h.append("<text x=\"").append(margin - 6).append("\" y=\"").append(pos + 15).append("\" text-anchor=\"end\">")
                    .append(esc(clip(shortLabel(k), LABEL_CHARS))).append("</text>\n");
            h.append("<text transform=\"translate(").append(pos + 15).append(',').append(margin - 6)
                    .append(") rotate(-60)\">").append(esc(clip(shortLabel(k), LABEL_CHARS))).append("</text>\n");
        }
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < keys.size(); j++) {
                String a = keys.get(i);
                String b = keys.get(j);
                long n = both(a, b);
                String fill = i == j ? "#4a4a4a" : shade(n / (double) max);
                h.append("<rect x=\"").append(margin + j * cell).append("\" y=\"").append(margin + i * cell)
                        .append("\" width=\"").append(cell - 1).append("\" height=\"").append(cell - 1).append("\" fill=\"")
                        .append(fill).append("\"><title>").append(esc(shortLabel(a) + " and " + shortLabel(b) + ": "
                                + count(n) + (i == j ? " (respondents with the finding)" : ""))).append("</title></rect>\n");
            }
        }
        h.append("</svg></div>\n");
    }

    /** From near-white to dark blue: a sequential scale that stays readable in grey and to the colour-blind. */
    private static String shade(double t) {
        if (t <= 0) {
            return "#f4f6f8";
        }
        double s = Math.sqrt(t);
        int r = (int) Math.round(222 - s * (222 - 8));
        int g = (int) Math.round(235 - s * (235 - 48));
        int b = (int) Math.round(247 - s * (247 - 107));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    // ---- layout and tables ----

    private void section(String id, String title, String intro) {
        h.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                .append(id).append("-h\">").append(esc(title)).append("</h2>\n");
        if (!intro.isEmpty()) {
            h.append("<p>").append(esc(intro)).append("</p>\n");
        }
    }

    private void unavailable(String why) {
        h.append("<p class=\"unavailable\">").append(esc(why)).append("</p>\n</section>\n");
    }

    /** A chart and its table side by side on a wide screen, one above the other on a narrow one. */
    private void pair(Runnable chart, Runnable table) {
        h.append("<div class=\"pair\">\n<div class=\"fig\">\n");
        chart.run();
        h.append("</div>\n<div class=\"scroll\">\n");
        table.run();
        h.append("</div>\n</div>\n");
    }

    private void table(String caption, List<String> head) {
        h.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
        for (int i = 0; i < head.size(); i++) {
            h.append("<th scope=\"col\"").append(i == 0 ? "" : " class=\"num\"").append('>').append(esc(head.get(i)))
                    .append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
    }

    private void row(List<String> heads, List<String> cells) {
        h.append("<tr>");
        heads.forEach(t -> h.append("<th scope=\"row\">").append(esc(t.replace('_', ' '))).append("</th>"));
        cells.forEach(t -> h.append("<td class=\"num\">").append(esc(t == null ? "" : t)).append("</td>"));
        h.append("</tr>\n");
    }

    private void endTable() {
        h.append("</tbody>\n</table>\n");
    }

    // ---- data helpers ----

    /** The types that have findings or subjects, in contract order, then any other type the results hold. */
    private List<String> types() {
        List<String> types = new ArrayList<>();
        for (String t : TYPES) {
            if (p.findings.containsKey(t) || c.subjects().stream().anyMatch(s -> s.type().equals(t))) {
                types.add(t);
            }
        }
        p.findings.keySet().stream().filter(t -> !types.contains(t)).forEach(types::add);
        return types;
    }

    /** A type's subjects with their level counts; subjects the rules know but nobody got are listed with none. */
    private Map<String, Map<String, Long>> subjects(String type) {
        Map<String, Map<String, Long>> bySubject = new TreeMap<>(p.findings.getOrDefault(type, Map.of()));
        c.subjects().stream().filter(s -> s.type().equals(type)).forEach(s -> bySubject.putIfAbsent(s.id(), Map.of()));
        return bySubject;
    }

    private long both(String a, String b) {
        String first = a.compareTo(b) <= 0 ? a : b;
        String second = a.compareTo(b) <= 0 ? b : a;
        return p.together.getOrDefault(first, Map.of()).getOrDefault(second, 0L);
    }

    private static long total(Map<String, Long> levels) {
        return levels.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The known values present (or all of them when {@code all}) in their order, then any others in name order. */
    private static List<String> ordered(List<String> known, java.util.Collection<String> present, boolean all) {
        List<String> out = new ArrayList<>();
        known.stream().filter(k -> all || present.contains(k)).forEach(out::add);
        present.stream().filter(k -> !out.contains(k)).sorted().forEach(out::add);
        return out;
    }

    private String label(String type, String subject) {
        return labels.getOrDefault(Population.key(type, subject), subject.replace('_', ' '));
    }

    private String shortLabel(String key) {
        int colon = key.indexOf(':');
        String type = key.substring(0, colon);
        String subject = key.substring(colon + 1);
        String kind = switch (type) {
            case "deficiency" -> "low ";
            case "red_flag" -> "flag: ";
            default -> "";
        };
        return kind + label(type, subject);
    }

    /** A label cut to {@code max} characters with an ellipsis; the full text is in the tables and tooltips. */
    private static String clip(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String band(int i) {
        return String.format(Locale.ROOT, "%.1f–%.1f", i / (double) Population.SCORE_BINS,
                (i + 1) / (double) Population.SCORE_BINS);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String share(long n, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / whole);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return StringEscapeUtils.escapeHtml4(s);
    }

    /** Dark text on white; bar colours of at least 3:1 against white (WCAG for graphics), told apart without hue too. */
    private static final String CSS = """
            :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5560; --line: #d5dae0; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: var(--ink); background: #fff; }
            main { max-width: 1200px; margin: 0 auto; padding: 1rem 1rem 3rem; }
            h1 { font-size: 1.8rem; margin: .5rem 0; }
            h2 { font-size: 1.35rem; margin: 2.2rem 0 .4rem; padding-top: .6rem; border-top: 2px solid var(--line); }
            h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
            p, li { max-width: 75ch; }
            .lead { font-size: 1.1rem; }
            .note, .unavailable { color: var(--muted); }
            .unavailable { font-style: italic; }
            nav { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: 1rem 0; }
            nav a { color: #0b4f9c; }
            .pair { display: grid; grid-template-columns: minmax(0, 520px) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
            @media (max-width: 820px) { .pair { grid-template-columns: minmax(0, 1fr); } }
            svg.chart { width: 100%; max-width: 520px; height: auto; display: block; font-size: 13px; fill: var(--ink); }
            svg.heat { width: auto; max-width: none; font-size: 13px; }
            svg .value, svg .tick { fill: var(--muted); font-size: 12px; }
            details { margin: .5rem 0 1rem; } summary { cursor: pointer; color: #0b4f9c; }
            svg .head { font-weight: 600; font-size: 15px; }
            svg .axis { stroke: var(--muted); stroke-width: 1; }
            .multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 1rem; }
            figure.small { margin: 0; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: .9rem; margin: .2rem 0 1rem; }
            caption { text-align: left; font-weight: 600; padding: .2rem 0; }
            th, td { border-bottom: 1px solid var(--line); padding: .2rem .5rem; text-align: left; vertical-align: top; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            tbody th { font-weight: normal; }
            ul.never { columns: 2 22rem; font-size: .95rem; }
            .t-self_care { fill: #1b7f4b; } .t-see_doctor { fill: #b35c00; } .t-urgent { fill: #b3261e; }
            .l-possible { fill: #5a8ac6; } .l-likely { fill: #1f4e8c; } .l-confirmed { fill: #7b2d8e; }
            .l-ruled_out { fill: #8a8f96; } .l-see_doctor { fill: #b35c00; } .l-urgent { fill: #b3261e; }
            .rule { fill: #3d5a80; } .rejected { fill: #9c4221; } .score { fill: #1f4e8c; }
            """;
}
