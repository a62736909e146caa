package org.twitchadvisor.internal.authoring.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits rule text into names, quoted texts, numbers and symbols, skipping comments, and keeps each
 * token's file position. The checks read these tokens, so it must never take for a comment or a quoted
 * text anything Drools or Java would run as code: it knows only {@code //} and {@code /* *}{@code /}
 * comments and one-line quotes, and the checker refuses {@code \}{@code u} escapes, which Java would turn
 * into code before it reads anything.
 */
final class Tokenizer {
    /** Longest first, so {@code >=} is one symbol, not {@code >} then {@code =}. */
    private static final List<String> SYMBOLS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "==", "!=", "<=", ">=",
            "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "->", "::", ":=", "<<", ">>", "!.");

    private static final Pattern NUMBER = Pattern.compile(
            "0[xX][0-9a-fA-F_]+[lL]?|(\\d[\\d_]*)?\\.?\\d[\\d_]*([eE][+-]?\\d+)?[lLfFdDbBiI]?");

    private final String text;
    private final int[] lineStarts;

    /**
     * @param text the whole file, so positions are file positions
     */
    Tokenizer(String text) {
        this.text = text;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @return the 1-based line of a file position */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** @return the 1-based column of a file position */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** @return the file position of a 1-based line and a 0-based column, clamped to the file */
    int offset(int line, int column0) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        return Math.min(text.length(), lineStarts[l - 1] + Math.max(0, column0));
    }

    /** @return the tokens of the whole file */
    List<Token> tokens() {
        return tokens(0, text.length());
    }

    /**
     * @param from the first file position
     * @param to the position after the last
     * @return the tokens of that part of the file
     */
    List<Token> tokens(int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                while (i < to && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 || end + 2 > to ? to : end + 2;
            } else if (c == '"' || c == '\'') {
                i = quoted(i, to, c, out);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < to && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                out.add(token(Token.Kind.NAME, text.substring(start, i), start));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < to && Character.isDigit(text.charAt(i + 1))) {
                // Only what a number literal can be: 1.class would otherwise pass as a number and lead to a class.
                Matcher m = NUMBER.matcher(text).region(i, to);
                int end = m.lookingAt() ? m.end() : i + 1;
                out.add(token(Token.Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else {
                String symbol = String.valueOf(c);
                for (String s : SYMBOLS) {
                    if (text.startsWith(s, i) && i + s.length() <= to) {
                        symbol = s;
                        break;
                    }
                }
                out.add(token(Token.Kind.SYMBOL, symbol, i));
                i += symbol.length();
            }
        }
        return out;
    }

    /** A quote must close on its own line: Java refuses anything else, and a runaway quote hides code. */
    private int quoted(int start, int to, char quote, List<Token> out) {
        StringBuilder content = new StringBuilder();
        int i = start + 1;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == '\\' && i + 1 < to && text.charAt(i + 1) != '\n') {
                char e = text.charAt(i + 1);
                content.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
                i += 2;
                continue;
            }
            if (c == quote) {
                out.add(token(Token.Kind.TEXT, content.toString(), start));
                return i + 1;
            }
            content.append(c);
            i++;
        }
        out.add(token(Token.Kind.UNCLOSED_TEXT, text.substring(start, i), start));
        return i;
    }

    private Token token(Token.Kind kind, String s, int offset) {
        return new Token(kind, s, offset, line(offset), column(offset));
    }
}
