package org.twitchadvisor.batch;

import org.twitchadvisor.Problem;

/**
 * One input record as read, before validation: the cells of a CSV row, the text of a JSON line or file, or a
 * problem the reader already found (a ragged row, a line too long). Exactly one of {@code cells}, {@code json}
 * and {@code problem} is set.
 *
 * @param file the file it came from, for error records
 * @param line the line it starts on, 1-based, or 0 when lines mean nothing (a JSON file of a folder)
 * @param cells the CSV cells, one per header column
 * @param json the JSON text of one questionnaire
 * @param defaultRespondent the respondent to use when the record names none (a JSON file's name), or {@code null}
 *                          when a missing respondent is an error
 * @param respondent the respondent as far as the reader knows it, for an error record about a broken row
 * @param problem what the reader found wrong with the record
 */
record RawRecord(String file, long line, String[] cells, String json, String defaultRespondent, String respondent,
                 Problem problem) {

    static RawRecord cells(String file, long line, String[] cells) {
        return new RawRecord(file, line, cells, null, null, null, null);
    }

    static RawRecord json(String file, long line, String json, String defaultRespondent) {
        return new RawRecord(file, line, null, json, defaultRespondent, null, null);
    }

    static RawRecord broken(String file, long line, String respondent, String message) {
        return broken(file, line, respondent, new Problem(null, null, message));
    }

    static RawRecord broken(String file, long line, String respondent, Problem problem) {
        return new RawRecord(file, line, null, null, null, respondent, problem);
    }

    /** @return roughly how many characters the record holds, to bound the memory a chunk of records takes */
    int size() {
        if (json != null) {
            return json.length();
        }
        int n = 0;
        if (cells != null) {
            for (String c : cells) {
                n += c.length() + 1;
            }
        }
        return n;
    }
}
