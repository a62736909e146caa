package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.authoring.lint.FactModel;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Drools' compile messages into plain words for rule authors. The original text follows in
 * brackets when it adds detail, so nothing is lost.
 */
public final class DroolsMessages {
    /** {@code [ERR 102] Line 9:30 }: the position, which the problem already carries. */
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+]\\s*(Line \\d+:\\d+\\s*)?");
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*?)'(?: expecting (.*?))?(?: in .*)?$");
    private static final Pattern NO_VIABLE = Pattern.compile("no viable alternative at input '(.*?)'.*");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous input '(.*?)'.*");
    private static final Pattern MISSING = Pattern.compile("missing (.*?) at '(.*?)'.*");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analy[sz]e Expression (.+?):\\s*\\[Error");
    private static final Pattern INCOMPATIBLE = Pattern.compile("Found (?:class )?(\\S+) and (?:class )?(\\S+?)]");
    private static final Pattern NO_METHOD = Pattern.compile("strict-mode: org\\.twitchadvisor\\.facts\\.(\\w+)\\.(\\w+)\\(\\)");

    private DroolsMessages() {
    }

    /**
     * @param text a Drools build message
     * @return a message a non-programmer can act on
     */
    public static String plain(String text) {
        String t = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        if (t.contains("no viable alternative") || t.contains("mismatched input") || t.contains("extraneous input")
                || t.contains("missing ") && t.contains(" at ")) {
            return parserError(t);
        }
        if (t.contains("Unable to resolve ObjectType")) {
            return "unknown fact type: use one of " + String.join(", ", FactModel.names()) + " [" + t + "]";
        }
        Matcher m;
        if ((m = INCOMPATIBLE.matcher(t)).find()) {
            return "this comparison mixes kinds of value (" + kind(m.group(1)) + " and " + kind(m.group(2)) + "): compare "
                    + "numbers with numbers and text with text [" + t + "]";
        }
        if ((m = NO_METHOD.matcher(t)).find() && FactModel.type(m.group(1)) != null) {
            return m.group(1) + " has no field '" + m.group(2) + "'; its fields are " + FactModel.type(m.group(1)).fieldList()
                    + " [" + t + "]";
        }
        if (t.contains("Unable to Analyse Expression") || t.contains("Unable to analyze expression")) {
            return "a condition uses a field or value that does not exist (check the spelling of field names) [" + t + "]";
        }
        if (t.contains("Duplicate rule name") || t.contains("Duplicate rule")) {
            return "two rules have the same name; every rule name must be unique [" + t + "]";
        }
        if (t.contains("Rule Compilation error")) {
            return "the action after 'then' is not valid (it should be one insertLogical(new ...) statement) [" + t + "]";
        }
        return t;
    }

    private static String kind(String javaType) {
        return switch (javaType) {
            case "double", "int", "long", "float", "java.lang.Double", "java.lang.Integer" -> "a number";
            case "java.lang.String" -> "text";
            default -> javaType.startsWith(FactModel.PACKAGE + ".")
                    ? "a " + javaType.substring(FactModel.PACKAGE.length() + 1) + " fact" : javaType;
        };
    }

    /**
     * Where in a file a compile message points, when Drools gave no line: the place of the condition it
     * quotes.
     *
     * @param text the Drools message
     * @param file the text of the file it is about, or {@code null}
     * @return the 1-based line and column, or {@code null} when the message quotes nothing found in the file
     */
    public static int[] locate(String text, String file) {
        Matcher m = EXPRESSION.matcher(text == null ? "" : text.replaceAll("\\s+", " "));
        if (file == null || !m.find()) {
            return null;
        }
        int at = file.indexOf(m.group(1).trim());
        if (at < 0) {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (file.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, at - lineStart + 1};
    }

    /**
     * A syntax error of the DRL parser in plain words. The parser names the token where it gave up, which
     * is usually just after the mistake, so the message says to look just before it.
     *
     * @param text the parser's message, e.g. {@code [ERR 102] Line 9:30 mismatched input 'value' in rule "one"}
     * @return the message for an author, with the parser's own words in brackets
     */
    public static String parserError(String text) {
        String t = PARSER_PREFIX.matcher(text == null ? "" : text.replaceAll("\\s+", " ").trim()).replaceFirst("");
        String hint = "check for a missing comma, bracket or quote just before it";
        Matcher m;
        String plain;
        if ((m = MISMATCHED.matcher(t)).matches() || (m = NO_VIABLE.matcher(t)).matches()
                || (m = EXTRANEOUS.matcher(t)).matches()) {
            String input = m.group(1);
            plain = input.isEmpty() || input.equals("<EOF>")
                    ? "the file ends in the middle of a rule: is an 'end' or a closing bracket missing?"
                    : "unexpected '" + input + "' here: " + hint;
        } else if ((m = MISSING.matcher(t)).matches()) {
            plain = "a " + m.group(1) + " is missing before '" + m.group(2) + "'";
        } else {
            plain = "the rule is not written correctly here: " + hint + ", and for the when/then/end keywords";
        }
        // The parser's words help an author find the token; a failure inside the parser only names its code.
        boolean internal = t.startsWith("Unexpected error") || t.contains("unexpected exception") || t.contains("Exception");
        return internal ? plain : plain + " [" + t + "]";
    }
}
