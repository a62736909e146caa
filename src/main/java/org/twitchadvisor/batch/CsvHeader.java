package org.twitchadvisor.batch;

import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The header row of a CSV batch, checked once so that a wrong column does not reject every row: each column
 * is a question id, an unnamed column (a trailing separator, which must stay empty), or, when asked for, an
 * unknown column that is ignored.
 */
final class CsvHeader {
    private static final String RESPONDENT = "respondent";

    /** Question id per column; {@code null} for a column whose cells are dropped. */
    private final String[] ids;
    /** Columns without a name: their cells must be empty. */
    private final boolean[] unnamed;
    private final int respondentColumn;
    private final int answered;

    private CsvHeader(String[] ids, boolean[] unnamed, int respondentColumn) {
        this.ids = ids;
        this.unnamed = unnamed;
        this.respondentColumn = respondentColumn;
        int n = 0;
        for (String id : ids) {
            n += id == null ? 0 : 1;
        }
        this.answered = n;
    }

    /**
     * Checks a header row.
     *
     * @param file the input's name, for messages
     * @param names the header cells
     * @param advisor knows the question ids
     * @param ignoreUnknown drop unknown columns instead of refusing the file
     * @return the header
     * @throws TwitchAdvisorException naming every duplicate or unknown column, or a missing respondent column
     */
    static CsvHeader of(String file, List<String> names, TwitchAdvisor advisor, boolean ignoreUnknown) {
        String[] ids = new String[names.size()];
        boolean[] unnamed = new boolean[names.size()];
        Map<String, Integer> seen = new HashMap<>();
        Map<String, String> probe = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String id = names.get(i).trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                unnamed[i] = true;
                continue;
            }
            Integer before = seen.putIfAbsent(id, i);
            if (before != null) {
                duplicates.add("'" + id + "' (columns " + (before + 1) + " and " + (i + 1) + ")");
                continue;
            }
            ids[i] = id;
            probe.put(names.get(i), "");
        }
        if (!duplicates.isEmpty()) {
            throw new TwitchAdvisorException(file + ": the header names a column twice: " + String.join(", ", duplicates));
        }
        // Empty cells are "not answered", so only the column names are checked, with the library's own messages.
        List<Problem> unknown = List.of();
        try {
            advisor.fromCsvCells(probe);
        } catch (InvalidQuestionnaireException e) {
            unknown = e.problems();
        }
        if (!unknown.isEmpty() && !ignoreUnknown) {
            throw new TwitchAdvisorException(file + ": the header has columns that are not question ids: "
                    + unknown.stream().map(Problem::message).collect(Collectors.joining("; "))
                    + ". Rename them, or ignore unknown columns (twitch batch --ignore-unknown-columns).");
        }
        for (Problem p : unknown) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(p.question())) {
                    ids[i] = null;
                }
            }
        }
        int respondent = -1;
        for (int i = 0; i < ids.length; i++) {
            if (RESPONDENT.equals(ids[i])) {
                respondent = i;
            }
        }
        if (respondent < 0) {
            throw new TwitchAdvisorException(file + ": the header has no 'respondent' column; a batch needs it to name"
                    + " each result");
        }
        return new CsvHeader(ids, unnamed, respondent);
    }

    /**
     * @param column a column, from 0
     * @return the question id of the column, or {@code null} for an unnamed or ignored one
     */
    String id(int column) {
        return ids[column];
    }

    /** @return the column of the respondent id, from 0 */
    int respondentColumn() {
        return respondentColumn;
    }

    /** @return how many cells a row must have */
    int width() {
        return ids.length;
    }

    /**
     * @param cells a row with {@link #width()} cells
     * @return the respondent cell, trimmed, or {@code null} when it is empty
     */
    String respondent(String[] cells) {
        String r = cells[respondentColumn].trim();
        return r.isEmpty() ? null : r;
    }

    /**
     * The cells of a row by question id, as {@link TwitchAdvisor#fromCsvCells} takes them.
     *
     * @param cells a row with {@link #width()} cells
     * @param problems where a filled cell in an unnamed column is reported
     * @return question id to cell text
     */
    Map<String, String> answers(String[] cells, List<Problem> problems) {
        Map<String, String> answers = new LinkedHashMap<>(answered * 2);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                // An empty cell is "not answered": leaving it out spares the reader a look at it.
                if (!cells[i].isEmpty()) {
                    answers.put(ids[i], cells[i]);
                }
            } else if (unnamed[i] && !cells[i].isBlank()) {
                problems.add(new Problem(null, cells[i], "column " + (i + 1) + " has no name in the header, but this"
                        + " row has '" + cells[i].trim() + "' in it"));
            }
        }
        return answers;
    }
}
