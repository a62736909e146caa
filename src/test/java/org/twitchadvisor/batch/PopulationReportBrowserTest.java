package org.twitchadvisor.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.HeadlessChromium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The population report in a real headless Chromium, at a laptop's and a phone's width: every chart drawn with a
 * size, every chart with its table, nothing fetched, nothing wider than the screen except inside scroll boxes.
 * Screenshots land in {@code target/screenshots/} for a person to look at.
 */
class PopulationReportBrowserTest {

    private static final String CHARTS = """
            return Array.from(document.querySelectorAll('svg.chart')).map(svg => {
              const box = svg.getBoundingClientRect();
              const marks = Array.from(svg.querySelectorAll('rect')).filter(r => {
                const b = r.getBoundingClientRect(); return b.width > 0 && b.height > 0; }).length;
              return {width: box.width, height: box.height, marks: marks,
                      section: svg.closest('section') ? svg.closest('section').id : ''};
            });""";

    @Test
    void everyChartIsDrawnWithItsTableOnALaptopAndAPhone(@TempDir Path tmp) throws IOException {
        PopulationReportTest.batchWithReport(tmp, BatchOptions.defaults().withThreads(2));
        PopulationReport report = PopulationReport.read(org.twitchadvisor.TwitchAdvisor.bundled(),
                tmp.resolve("results.jsonl"), tmp.resolve("results.jsonl.errors.jsonl"));
        Path page = tmp.resolve("report.html");
        Files.writeString(page, PopulationReportTest.html(report, "facts/batch/survey.csv"));
        try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
            browser.open(page);
            check(browser, "desktop");
            browser.screenshot("report-desktop");
            browser.resize(390, 844);
            check(browser, "phone");
            browser.screenshot("report-phone");
            assertEquals(Boolean.TRUE, browser.script("return document.documentElement.scrollWidth <= window.innerWidth"),
                    "at a phone's width only the scroll boxes scroll sideways, not the page");
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(HeadlessChromium browser, String where) {
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.script(CHARTS);
        // Triage, 4 finding types, 7 nutrients' histograms, the co-occurrence matrix, rules, rejections.
        assertTrue(charts.size() >= 14, () -> where + ": " + charts.size() + " charts, in sections "
                + charts.stream().map(c -> c.get("section")).toList() + "; document "
                + browser.script("return document.readyState"));
        for (Map<String, Object> c : charts) {
            assertTrue(((Number) c.get("width")).doubleValue() > 50 && ((Number) c.get("height")).doubleValue() > 50,
                    where + ": a chart without a size: " + c);
            assertTrue(((Number) c.get("marks")).longValue() > 0, where + ": a chart with no bar or cell drawn: " + c);
        }
        for (String section : List.of("triage", "findings", "scores", "together", "rules", "rejected")) {
            assertTrue(charts.stream().anyMatch(c -> section.equals(c.get("section"))), where + ": no chart in " + section);
            Number rows = (Number) browser.script("return document.querySelectorAll('#" + section
                    + " table tbody tr').length");
            assertTrue(rows.longValue() > 0, where + ": no table rows in " + section);
        }
        assertEquals(0L, ((Number) browser.script("return performance.getEntriesByType('resource').length")).longValue(),
                where + ": the page fetched something");
    }
}
