package org.twitchadvisor.internal.text;

import org.apache.commons.text.similarity.LevenshteinDistance;

/** Small text helpers shared by the parser and the rule checks. */
public final class Text {
    /** Levenshtein distance that stops counting past two edits (-1): a suggestion is never further off. */
    private static final LevenshteinDistance WITHIN_TWO_EDITS = new LevenshteinDistance(2);

    private Text() {
    }

    /**
     * The known word closest to an unknown one, to suggest a fix for a typo.
     *
     * @param unknown the word that is not known
     * @param known the words it may be a typo of
     * @return the closest known word within two edits (of equally close ones the first in alphabetical order,
     *         so the suggestion does not depend on the order of a set), or {@code null}
     */
    public static String closest(String unknown, Iterable<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = WITHIN_TWO_EDITS.apply(unknown, k);
            if (d < 0) {
                continue;
            }
            if (d < bestDistance || d == bestDistance && best != null && k.compareTo(best) < 0) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Quotes a value for a message, shortening a long one so one bad cell cannot flood a log.
     *
     * @param value the value as given
     * @return the value in single quotes, at most about 60 characters
     */
    public static String quote(String value) {
        return "'" + shorten(value) + "'";
    }

    /**
     * Shortens a value for a message, so one bad cell cannot flood a log.
     *
     * @param value the value as given
     * @return the value, at most about 60 characters
     */
    public static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 57) + "..." : value;
    }

    /**
     * How deeply round brackets nest in a piece of rule text, outside double-quoted texts. Drools' executable
     * model takes time exponential in this depth, so the checks refuse deep nesting before compiling.
     *
     * @param text rule text
     * @return the deepest nesting, 0 for none
     */
    public static int bracketDepth(String text) {
        int depth = 0;
        int deepest = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return deepest;
    }

    /**
     * Wraps text at spaces for a terminal, so that a line breaks between words rather than inside one.
     *
     * @param text one paragraph
     * @param width the longest line, indent included
     * @param first put before the first line
     * @param rest put before every further line
     * @return the lines joined by {@code \n}, without a final one; a word longer than a line stays whole
     */
    public static String wrap(String text, int width, String first, String rest) {
        StringBuilder out = new StringBuilder(first);
        int lineLength = first.length();
        boolean lineEmpty = true;
        for (String word : text.split(" +")) {
            if (!lineEmpty && lineLength + 1 + word.length() > width) {
                out.append('\n').append(rest);
                lineLength = rest.length();
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
            lineEmpty = false;
        }
        return out.toString();
    }
}
