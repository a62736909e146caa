package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input the fuzzing found mishandled: numbers at the edges of a double, a question answered twice, text after the
 * questionnaire, bytes that are not UTF-8. Each gets a message naming what is wrong, never an internal error.
 */
class QuestionnaireInputTest {
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    private Problem onlyProblem(String json) {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class, () -> advisor.readJson(json));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    private Problem onlyProblem(byte[] json) {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class, () -> advisor.readJson(json));
        assertEquals(1, e.problems().size(), () -> "problems: " + e.problems());
        return e.problems().get(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "\"1e400\"", "-1e400", "1E+99999999999"})
    void aNumberTooLargeForADoubleIsNamed(String number) {
        Problem p = onlyProblem("{\"caffeine_cups_per_day\": " + number + "}");
        String written = number.replace("\"", "");
        assertEquals("caffeine_cups_per_day", p.question());
        assertEquals(written, p.value());
        assertEquals("question 'caffeine_cups_per_day': " + written + " is not a finite number", p.message());
    }

    @Test
    void aCsvCellTooLargeForADoubleIsNamed() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> advisor.fromCsvCells(Map.of("lab_ferritin_ng_ml", "1e400")));
        assertEquals("question 'lab_ferritin_ng_ml': 1e400 is not a finite number", e.problems().get(0).message());
    }

    @Test
    void aJavaInfinityIsNamedToo() {
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> advisor.questionnaire(Map.of("caffeine_cups_per_day", Double.POSITIVE_INFINITY)));
        assertEquals("question 'caffeine_cups_per_day': Infinity is not a finite number", e.problems().get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1e-999999999\"", "\"0e-2147483647\"", "0e-2147483647", "1e-999999999", "\"0.0000e-99\""})
    void aNumberWithAnExtremeExponentIsKeptAsTheDoubleItIs(String number) {
        Questionnaire q = advisor.readJson("{\"respondent\": \"r1\", \"lab_magnesium_mmol_l\": " + number + "}");
        assertEquals(new BigDecimal("0.0"), q.answers().get("lab_magnesium_mmol_l"));
        Assessment a = advisor.assess(q);
        // The low magnesium finding quotes the answer: its text is rendered from the parsed value, not the input.
        assertTrue(advisor.toText(a).contains("(you answered lab_magnesium_mmol_l: 0.0)"), advisor.toText(a));
        assertTrue(advisor.toJson(a).contains("\"lab_magnesium_mmol_l\":0.0"), advisor.toJson(a));
    }

    @Test
    void ordinaryNumbersKeepTheFormTheyHadBefore() {
        Questionnaire q = advisor.readJson("{\"caffeine_cups_per_day\": 2, \"lab_magnesium_mmol_l\": 0.62,"
                + " \"lab_ferritin_ng_ml\": 22.0, \"lab_vitamin_d_ng_ml\": \"12\"}");
        assertEquals("2", q.answers().get("caffeine_cups_per_day").toString());
        assertEquals("0.62", q.answers().get("lab_magnesium_mmol_l").toString());
        assertEquals("22.0", q.answers().get("lab_ferritin_ng_ml").toString());
        assertEquals("12", q.answers().get("lab_vitamin_d_ng_ml").toString());
        Map<String, String> cells = Map.of("caffeine_cups_per_day", "3", "lab_calcium_mmol_l", "1.95");
        assertEquals("3", advisor.fromCsvCells(cells).answers().get("caffeine_cups_per_day").toString());
        assertEquals("1.95", advisor.fromCsvCells(cells).answers().get("lab_calcium_mmol_l").toString());
    }

    @Test
    void aHandBuiltQuestionnaireWithAHugeExponentStillRendersAsText() {
        Questionnaire q = new Questionnaire("r1", Map.of("lab_magnesium_mmol_l", new BigDecimal("1E-999999999")));
        String text = advisor.toText(advisor.assess(q));
        assertTrue(text.contains("(you answered lab_magnesium_mmol_l: 1E-999999999)"), text);
    }

    @Test
    void aQuestionAnsweredTwiceIsRefusedEvenWhenTheSecondAnswerIsNull() {
        Problem p = onlyProblem("{\"diet\": \"vegan\", \"diet\": null}");
        assertEquals("diet", p.question());
        assertEquals("the question 'diet' is answered twice", p.message());
        assertEquals("the question 'diet' is answered twice, as 'diet' and ' Diet'",
                onlyProblem("{\"diet\": \"vegan\", \" Diet\": \"omnivore\"}").message());
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("respondent", "r1");
        cells.put("stress", "low");
        cells.put("STRESS", "high");
        InvalidQuestionnaireException e = assertThrows(InvalidQuestionnaireException.class,
                () -> advisor.fromCsvCells(cells));
        assertEquals(List.of("the question 'stress' is answered twice, as 'stress' and 'STRESS'"),
                e.problems().stream().map(Problem::message).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"diet\": \"vegan\"}\n{\"diet\": \"vegn\"}", "{\"diet\": \"vegan\"} ]"})
    void textAfterTheQuestionnaireIsRefused(String json) {
        Problem p = onlyProblem(json);
        assertTrue(p.message().startsWith("unexpected text after the questionnaire's closing brace at line 1, column "),
                p.message());
        assertTrue(p.message().endsWith(": a questionnaire is one JSON object"), p.message());
    }

    @Test
    void blankTextAfterTheQuestionnaireIsFine() {
        assertEquals("vegan", advisor.readJson("{\"diet\": \"vegan\"}\n \n").answers().get("diet"));
    }

    @Test
    void jsonLimitsAreNamedWithoutTheParsersOwnClassNames() {
        String deep = "{\"diet\": " + "[".repeat(30) + "]".repeat(30) + "}";
        String message = onlyProblem(deep).message();
        assertEquals("invalid JSON: Document nesting depth (21) exceeds the maximum allowed (20)", message);
        String unclosed = onlyProblem("{\"diet\": \"vegan\"").message();
        assertTrue(unclosed.startsWith("invalid JSON at line 1, column 17: Unexpected end-of-input"), unclosed);
        assertTrue(unclosed.contains("(start marker at line 1, column 1)"), unclosed);
        // Found by the fuzzer: the parser suggests one of its settings, by its Java name.
        String plus = onlyProblem("{\"caffeine_cups_per_day\": +2}").message();
        assertEquals("invalid JSON at line 1, column 28: Unexpected character ('+' (code 43)) in numeric value: JSON"
                + " spec does not allow numbers to have plus signs", plus);
        String nan = onlyProblem("{\"caffeine_cups_per_day\": NaN}").message();
        assertTrue(nan.startsWith("invalid JSON at line 1, column "), nan);
        for (String m : List.of(message, unclosed, plus, nan)) {
            assertFalse(m.contains("`") || m.contains("StreamRead") || m.contains("REDACTED"), m);
        }
    }

    @Test
    void utf8BytesWithAByteOrderMarkAreRead() {
        byte[] json = "\uFEFF{\"diet\": \"végétalien\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals("question 'diet': 'végétalien' is not one of omnivore, pescatarian, vegetarian, vegan",
                onlyProblem(json).message());
        assertEquals("vegan", advisor.readJson("\uFEFF{\"diet\": \"vegan\"}".getBytes(StandardCharsets.UTF_8))
                .answers().get("diet"));
        assertEquals("vegan", advisor.readJson("\uFEFF{\"diet\": \"vegan\"}").answers().get("diet"));
    }

    @Test
    void bytesThatAreNotUtf8NameTheByteAndItsOffset() {
        byte[] latin1 = "{\"diet\": \"végétalien\"}".getBytes(StandardCharsets.ISO_8859_1);
        Problem p = onlyProblem(latin1);
        assertEquals("not UTF-8 text: invalid byte 0xE9 at offset 11", p.message());
        byte[] bom = new byte[latin1.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(latin1, 0, bom, 3, latin1.length);
        assertEquals("not UTF-8 text: invalid byte 0xE9 at offset 14", onlyProblem(bom).message(),
                "offsets count from the start of the file");
        byte[] truncated = {'{', '"', 'd', (byte) 0xC3};
        assertEquals("not UTF-8 text: invalid byte 0xC3 at offset 3", onlyProblem(truncated).message());
    }

    @Test
    void utf16AndUtf32AreNamedWithWhatToDo() {
        String json = "{\"diet\": \"vegan\"}";
        for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE")) {
            assertEquals("not UTF-8 text: this is UTF-16; save it as UTF-8",
                    onlyProblem(json.getBytes(java.nio.charset.Charset.forName(charset))).message(), charset);
        }
        for (String charset : List.of("UTF-32", "UTF-32LE")) {
            assertEquals("not UTF-8 text: this is UTF-32; save it as UTF-8",
                    onlyProblem(json.getBytes(java.nio.charset.Charset.forName(charset))).message(), charset);
        }
    }
}
