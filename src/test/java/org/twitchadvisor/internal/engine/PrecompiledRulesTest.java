package org.twitchadvisor.internal.engine;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled rules run from the executable model the build precompiled (see {@link PrecompiledRules}): they must
 * assess exactly as the same rules compiled from DRL do, on any number of threads, and a rules folder that is not
 * what the build compiled must never be given the precompiled model.
 */
class PrecompiledRulesTest {
    private static final int ROWS = 600;
    private static KnowledgeBase precompiled;
    private static KnowledgeBase compiled;
    private static List<Questionnaire> people;

    @BeforeAll
    static void load() throws IOException {
        precompiled = KnowledgeBase.load(RuleFolder.bundled(), KnowledgeBase.Checks.SOURCE);
        compiled = KnowledgeBase.load(RuleFolder.bundled(), KnowledgeBase.Checks.BOTH);
        people = population(TwitchAdvisor.bundled());
    }

    @Test
    void theBundledRulesComePrecompiledAndAFolderCheckedInFullIsCompiled() {
        assertTrue(precompiled.precompiled(), "run the build's process-classes phase: it writes the model");
        assertFalse(compiled.precompiled());
        assertEquals(compiled.rulesetId(), precompiled.rulesetId());
        assertEquals(compiled.ruleCount(), precompiled.ruleCount());
    }

    @Test
    void thePrecompiledRulesAssessEveryPersonAsTheCompiledRulesDo() {
        Engine fast = new Engine(precompiled, Engine.defaultMaxFirings(precompiled));
        Engine classic = new Engine(compiled, Engine.defaultMaxFirings(compiled));
        for (Questionnaire q : people) {
            assertEquals(classic.assess(q), fast.assess(q), q.respondent());
        }
    }

    /**
     * Drools 10.2's executable model keeps a rule action's arguments in the KieBase for sessions that are not
     * thread-safe; shared by two threads, actions failed with a NullPointerException on one row in two hundred.
     */
    @Test
    void fourThreadsAssessingAtOnceGetWhatOneThreadGets() throws Exception {
        // Four at once whatever the machine's cores, so the race has a chance on any machine.
        Engine engine = new Engine(precompiled, Engine.defaultMaxFirings(precompiled), 4);
        List<Assessment> alone = people.stream().map(engine::assess).toList();
        assertEquals(alone, onThreads(8, engine));
    }

    /** More callers than may run at once wait their turn, and no more rule bases are made than may run at once. */
    @Test
    void eightThreadsTakingTurnsTwoAtATimeGetWhatOneThreadGets() throws Exception {
        Engine engine = new Engine(precompiled, Engine.defaultMaxFirings(precompiled), 2);
        List<Assessment> alone = people.stream().map(engine::assess).toList();
        assertEquals(alone, onThreads(8, engine));
        assertTrue(engine.sessionPools() <= 2, engine.sessionPools() + " session pools for two at once");
    }

    /** Every thread assesses every person; the lists must all be the same, and are returned if so. */
    private static List<Assessment> onThreads(int threads, Engine engine) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Assessment>>> together = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                together.add(pool.submit(() -> people.stream().map(engine::assess).toList()));
            }
            List<Assessment> first = together.get(0).get();
            for (Future<List<Assessment>> f : together) {
                assertEquals(first, f.get());
            }
            return first;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFolderChangedSinceTheBuildIsCompiledFromItsOwnRules(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path p : files.toList()) {
                Path to = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path potassium = rules.resolve("2-deficiencies/potassium.drl");
        Files.writeString(potassium, Files.readString(potassium)
                .replace("@claim(\"Low potassium from diet alone is rare;", "@claim(\"Changed: low potassium from diet alone is rare;"));
        KnowledgeBase kb = KnowledgeBase.load(RuleFolder.read(rules), KnowledgeBase.Checks.SOURCE);
        assertFalse(kb.precompiled());
        assertTrue(kb.rule("losing fluid depletes potassium").claim().startsWith("Changed:"));
    }

    /** The first rows of the shared population the batch golden test uses, those that are valid. */
    private static List<Questionnaire> population(TwitchAdvisor advisor) throws IOException {
        List<Questionnaire> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(PrecompiledRulesTest.class.getResourceAsStream(
                "/org/twitchadvisor/batch/population/population-3000.csv.gz"));
             MappingIterator<String[]> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                     .readerFor(String[].class).readValues(in)) {
            String[] header = rows.next();
            while (rows.hasNext() && out.size() < ROWS) {
                String[] row = rows.next();
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < header.length && i < row.length; i++) {
                    if (!row[i].isEmpty()) {
                        cells.put(header[i], row[i]);
                    }
                }
                try {
                    out.add(advisor.fromCsvCells(cells));
                } catch (InvalidQuestionnaireException e) {
                    // The population's deliberately bad rows have no assessment to compare.
                }
            }
        }
        return out;
    }
}
