package org.twitchadvisor;

/**
 * A problem in a rules folder, located as {@code file:line:column}.
 *
 * @param file the file, relative to the rules folder, e.g. {@code 2-deficiencies/magnesium.drl}
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param severity {@code error} or {@code warning}
 * @param message what is wrong, in plain words
 */
public record RuleProblem(String file, int line, int column, String severity, String message) {

    /** @return {@code file:line:column: severity: message}, the form editors and terminals link */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + severity + ": " + message;
    }
}
