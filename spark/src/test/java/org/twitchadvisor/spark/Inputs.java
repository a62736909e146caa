package org.twitchadvisor.spark;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test survey, and the same respondents in the other input formats. */
final class Inputs {
    /** 500 respondents from {@code ../shared/bench/population.py 500 FILE 50}: every 50th has a value not allowed. */
    static final Path POPULATION = Path.of("spark/src/test/resources/population-500.csv");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Inputs() {
    }

    /**
     * The rows of a CSV file as JSON Lines: a valid row as its typed answers (true, "vegan", ["calf"], 2), an
     * invalid one as its cell texts, so it stays invalid.
     *
     * @param validOnly leave the invalid rows out
     */
    static Path jsonLines(TwitchAdvisor advisor, Path csv, Path to, boolean validOnly) {
        StringBuilder out = new StringBuilder();
        for (Map<String, String> cells : rows(csv)) {
            Map<String, Object> line = new LinkedHashMap<>();
            try {
                Questionnaire q = advisor.fromCsvCells(cells);
                line.put("respondent", q.respondent());
                line.putAll(q.answers());
            } catch (InvalidQuestionnaireException e) {
                if (validOnly) {
                    continue;
                }
                cells.forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        line.put(k, v);
                    }
                });
            }
            try {
                out.append(JSON.writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return Files.writeString(to, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, String>> rows(Path csv) {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            List<Map<String, String>> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
