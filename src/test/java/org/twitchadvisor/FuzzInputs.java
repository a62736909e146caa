package org.twitchadvisor;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the fuzz tests share: questionnaires built from the question catalogue out of the fuzzer's bytes, so that
 * mutations reach the checks behind a known question id, and the oracle for messages meant for people.
 */
public final class FuzzInputs {
    /**
     * Marks of Java and its libraries that a message for a person must not show: class and package names, stack
     * frames, the parser's backquoted settings.
     */
    private static final List<String> JAVA_MARKS = List.of("java.", "javax.", "com.fasterxml", "jackson",
            "org.twitchadvisor", "org.drools", "org.kie", "Exception", "Error:", "`", "StreamRead", "JsonToken",
            "JsonNode", "ObjectNode", "BigDecimal", "BigInteger", "NumberFormat", "NullPointer", "\tat ", "REDACTED");

    /** Numbers at the edges of what a double holds, and ways of writing them, that a mutation seldom finds alone. */
    private static final String[] NUMBERS = {"0", "2", "-0", "0.62", "2.50", "50", "50.0000000000000001", "1e400",
            "-1e400", "1e-999999999", "0e-2147483647", "1E+308", "4.9e-324", "1e-2147483649", "123456789012345678901",
            "0.1234567890123456789", "1e3", ".5", "5.", "+2", "NaN", "Infinity", "0x10", "2d", "1_000"};

    private FuzzInputs() {
    }

    /**
     * Fails when a message for a person is empty or shows a mark of Java, unless the input itself holds that mark
     * (a message quotes the value it refuses, and the fuzzer learns to write "Exception" into a value).
     *
     * @param message the message
     * @param input the input it is about, as text
     */
    public static void assertPlain(String message, String input) {
        assertFalse(message == null || message.isBlank(), "an empty message for " + input);
        for (String mark : JAVA_MARKS) {
            if (message.contains(mark) && !input.contains(mark)) {
                fail("the message shows '" + mark + "': " + message);
            }
        }
    }

    /**
     * A JSON questionnaire from the fuzzer's bytes: known question ids in any case and spacing, a question now and
     * then twice, values allowed or not, numbers at the edges, text after the object; sometimes broken JSON.
     *
     * @param data the fuzzer's bytes
     * @param questions the question catalogue
     * @param withLineBreaks whether the text may hold line breaks (not for a line of JSON Lines)
     * @return the text
     */
    public static String questionnaireJson(FuzzedDataProvider data, List<Question> questions, boolean withLineBreaks) {
        StringBuilder b = new StringBuilder("{");
        int answers = data.consumeInt(0, 8);
        for (int i = 0; i < answers; i++) {
            Question q = data.pickValue(questions);
            b.append(i == 0 ? "" : data.consumeInt(0, 15) == 0 ? ",," : ",")
                    .append(quote(key(data, q.id()))).append(':').append(value(data, q));
        }
        b.append('}');
        switch (data.consumeInt(0, 7)) {
            case 0 -> b.append(data.consumeString(12));
            case 1 -> b.append("{}");
            case 2 -> b.setLength(b.length() - 1);
            default -> { }
        }
        String json = b.toString();
        return withLineBreaks ? json : json.replace('\n', ' ').replace('\r', ' ');
    }

    private static String key(FuzzedDataProvider data, String id) {
        return switch (data.consumeInt(0, 9)) {
            case 0 -> id.toUpperCase(Locale.ROOT);
            case 1 -> " " + id + " ";
            case 2 -> id + data.consumeString(3);
            default -> id;
        };
    }

    private static String value(FuzzedDataProvider data, Question q) {
        List<String> allowed = q.type() == Question.Type.YES_NO ? List.of("yes", "no", "true", "false", "1", "0")
                : q.values().isEmpty() ? List.of("r1", "none") : q.values();
        return switch (data.consumeInt(0, 9)) {
            case 0, 1 -> quote(data.pickValue(allowed));
            case 2 -> {
                StringBuilder a = new StringBuilder("[");
                int n = data.consumeInt(0, 4);
                for (int i = 0; i < n; i++) {
                    a.append(i == 0 ? "" : ",").append(data.consumeBoolean() ? quote(data.pickValue(allowed)) : "7");
                }
                yield a.append(']').toString();
            }
            case 3 -> data.pickValue(NUMBERS);
            case 4 -> quote(data.pickValue(NUMBERS));
            case 5 -> Double.toString(data.consumeDouble());
            case 6 -> data.pickValue(new String[] {"null", "true", "false", "{}", "[[]]"});
            case 7 -> quote(data.consumeString(20));
            case 8 -> data.consumeAsciiString(8);
            default -> quote(data.pickValue(allowed).toUpperCase(Locale.ROOT) + " ");
        };
    }

    private static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
