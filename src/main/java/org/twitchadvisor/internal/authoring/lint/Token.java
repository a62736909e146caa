package org.twitchadvisor.internal.authoring.lint;

/**
 * One token of rule text, located in its file.
 *
 * @param kind what sort of token it is
 * @param text the name, operator or number as written; for a quoted text, its content without the quotes
 * @param offset the position of its first character in the file
 * @param line the 1-based line in the file
 * @param column the 1-based column in the file
 */
record Token(Kind kind, String text, int offset, int line, int column) {

    /** Token kinds. */
    enum Kind {
        /** A name: a field, a fact type, a keyword, a {@code $variable}. */
        NAME,
        /** Text in double or single quotes. */
        TEXT,
        /** A number. */
        NUMBER,
        /** An operator or punctuation, e.g. {@code ==}, {@code (}, {@code ;}. */
        SYMBOL,
        /** A quote that is not closed on its line; {@code text} is the rest of the line. */
        UNCLOSED_TEXT
    }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isName(String t) {
        return is(Kind.NAME, t);
    }

    boolean isSymbol(String t) {
        return is(Kind.SYMBOL, t);
    }
}
