package org.twitchadvisor.internal.text;

/** Small text helpers shared by the parser and the rule checks. */
public final class Text {
    private Text() {
    }

    /**
     * Levenshtein distance, for "did you mean" suggestions on short ids.
     *
     * @param a one word
     * @param b another word
     * @return the number of single-character edits between them
     */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
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
            // Words whose lengths differ by more than two are more than two edits apart: no need to count them.
            if (Math.abs(unknown.length() - k.length()) > 2) {
                continue;
            }
            int d = editDistance(unknown, k);
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
