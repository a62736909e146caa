package org.twitchadvisor.internal.authoring.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.engine.RuleFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule checks on crafted bad rules, each next to the bundled tables. Nothing here compiles a rule:
 * the checks read the text only.
 */
class RuleLinterTest {
    static final String FILE = "9-test/bad.drl";
    private static final Map<String, String> TABLES = new TreeMap<>();

    static {
        // The tables, and the magnesium rules with the risk factors they build on, so conditions on conclusions
        // have something to match.
        RuleFolder.read(Path.of("rules")).files().forEach((k, v) -> {
            if (k.startsWith("data/") || k.equals("1-risk-factors/diet-and-absorption.drl")
                    || k.equals("2-deficiencies/magnesium.drl")) {
                TABLES.put(k, v);
            }
        });
    }

    /** With two annotation lines, the conditions start on line 9 and the action on line 11. */
    static final int WHEN = 9;
    static final int THEN = 11;

    /** A rule file with one rule, its conditions and action as given. */
    static String rule(String annotations, String when, String then) {
        return """
                package org.twitchadvisor.rules;

                import org.twitchadvisor.facts.*;

                rule "crafted"
                %s
                when
                %s
                then
                %s
                end
                """.formatted(annotations, when, then);
    }

    static String rule(String when, String then) {
        return rule("    @claim(\"A claim.\")\n    @sources(\"000\")", when, then);
    }

    /** The 1-based column of the first occurrence of a marker in a line, so positions are not counted by hand. */
    static int col(String line, String marker) {
        int i = line.indexOf(marker);
        assertTrue(i >= 0, marker + " not in " + line);
        return i + 1;
    }

    static RuleLinter.Result lint(String drl) {
        Map<String, String> files = new TreeMap<>(TABLES);
        files.put(FILE, drl);
        RuleFolder folder = new RuleFolder("test", files);
        List<RuleProblem> tableProblems = new ArrayList<>();
        ReferenceData data = ReferenceData.read(folder, tableProblems);
        assertTrue(tableProblems.isEmpty(), tableProblems::toString);
        return RuleLinter.lint(folder, data);
    }

    static String errors(RuleLinter.Result r) {
        return r.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n"));
    }

    /** Exactly one problem, at this line and column, saying this. */
    static void onlyProblem(RuleLinter.Result r, int line, int column, String says) {
        assertEquals(1, r.problems().size(), () -> errors(r));
        RuleProblem p = r.problems().get(0);
        assertEquals(FILE, p.file());
        assertEquals("error", p.severity());
        assertEquals(line + ":" + column, p.line() + ":" + p.column(), p::toString);
        assertTrue(p.message().contains(says), () -> "expected \"" + says + "\" in: " + p);
    }

    static void hasProblem(RuleLinter.Result r, int line, String says) {
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals(FILE) && p.line() == line
                && p.message().contains(says)), () -> "expected line " + line + " to say \"" + says + "\" in:\n" + errors(r));
    }

    @Test
    void theBundledRulesPass() {
        RuleLinter.Result r = RuleLinter.lint(RuleFolder.read(Path.of("rules")),
                ReferenceData.read(RuleFolder.read(Path.of("rules")), new ArrayList<>()));
        assertTrue(r.problems().isEmpty(), () -> errors(r));
        assertTrue(r.compilable());
        assertEquals("DeficiencyEvidence(\"magnesium\", \"poor_diet\")",
                r.rules().get("a poor diet can leave magnesium low").conclusion());
    }

    @Test
    void aWellFormedRuleIsReadWithItsConclusion() {
        RuleLinter.Result r = lint(rule("    @claim(\"A claim.\")\n    @sources(\"000, 003\")\n    @weight(0.3)",
                "    $d : DeficiencyEvidence($n : nutrient, basis == \"poor_diet\")",
                "    insertLogical(new Advice($n, \"balanced_diet\"));"));
        assertTrue(r.problems().isEmpty(), () -> errors(r));
        var info = r.rules().get("crafted");
        assertEquals(List.of("000", "003"), info.sources());
        assertEquals(0.3, info.weight());
        assertEquals("9-test", info.layer());
        assertEquals(5, info.line());
        assertEquals("Advice($n, \"balanced_diet\")", info.conclusion());
        assertEquals("", info.subject());
    }

    // ---- syntax ----

    @Test
    void aMissingCommaIsReportedWhereTheParserStops() {
        RuleLinter.Result r = lint(rule("    Answer(question == \"diet\" value == \"vegan\")",
                "    insertLogical(new RiskFactor(\"poor_diet\"));"));
        onlyProblem(r, WHEN, 31, "unexpected 'value' here: check for a missing comma");
        assertFalse(r.compilable());
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsOwnLine() {
        RuleLinter.Result r = lint(rule("    Answer(question == \"diet\", value == \"vegan)",
                "    insertLogical(new RiskFactor(\"poor_diet\"));"));
        onlyProblem(r, WHEN, 41, "a quote opened here is not closed on the same line");
    }

    @Test
    void aMissingEndNamesTheRuleNotTheNextOne() {
        String first = rule("    Answer(question == \"diet\", value == \"vegan\")",
                "    insertLogical(new RiskFactor(\"poor_diet\"));").replace("\nend\n", "\n");
        RuleLinter.Result r = lint(first + "\nrule \"second\"\n    @claim(\"c\")\n    @sources(\"000\")\nwhen\n"
                + "    Answer(question == \"diet\")\nthen\n    insertLogical(new RiskFactor(\"poor_diet\"));\nend\n");
        onlyProblem(r, 5, 1, "this rule has no 'end' before the next rule starts on line 13");
    }

    // ---- metadata ----

    @Test
    void aRuleWithoutClaimOrSources() {
        RuleLinter.Result r = lint(rule("    @weight(0.2)", "    Answer(question == \"diet\", value == \"vegan\")",
                "    insertLogical(new RiskFactor(\"poor_diet\"));"));
        hasProblem(r, 5, "has no @claim");
        hasProblem(r, 5, "has no @sources");
        assertEquals(2, r.problems().size(), () -> errors(r));
        assertTrue(r.compilable(), "missing metadata is not a reason to keep the rules from the compiler");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unregistered source|@claim(\"c\") + @sources(\"000, 033\")|5|1|cites source '033', which is not registered in data/sources.csv (did you mean \"003\"?)",
        "weight above 1|@claim(\"c\") + @sources(\"000\") + @weight(1.5)|8|5|@weight(1.5): a weight is a number above 0 and at most 1",
        "misspelled annotation|@claim(\"c\") + @source(\"000\")|7|5|@source is not a rule annotation (did you mean \"sources\"?)"})
    void wrongMetadata(String what, String annotations, int line, int column, String says) {
        // One annotation a line; a CSV row cannot hold a line break.
        RuleLinter.Result r = lint(rule("    " + annotations.replace(" + ", "\n    "), OK_WHEN, OK_THEN));
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == line && p.column() == column && p.message().contains(says)),
                () -> "expected " + line + ":" + column + " to say \"" + says + "\" in:\n" + errors(r));
    }

    // ---- questions and values ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Answer(question == \"diet\", value == \"vegn\")|\"vegn|\"vegn\" is not an answer to question \"diet\" (did you mean \"vegan\"?)",
        "Answer(question == \"diet\", value in (\"vegan\", \"vegtarian\"))|\"vegt|\"vegtarian\" is not an answer to question \"diet\"",
        "Answer(question == \"dieet\", value == \"vegan\")|\"dieet|there is no question \"dieet\" in data/questions.csv (did you mean \"diet\"?)",
        "Answer(question in (\"diet\", \"alcohl\"), value == \"heavy\")|\"alcohl|there is no question \"alcohl\"",
        "Answer(question in (\"diet\", \"alcohol\"), value == \"vegn\")|\"vegn|is not an answer to questions \"diet\", \"alcohol\"",
        "Answer(question == \"twitching\", value == \"true\")|\"true|its answers are yes, no",
        "Answer(question == \"caffeine_cups_per_day\")|\"caff|is a number question: compare it with Measurement",
        "Measurement(question == \"diet\", value > 3)|\"diet|\"diet\" is not a number question",
        "RiskFactor(factor == \"poor_dieet\")|\"poor|no rule concludes RiskFactor with factor \"poor_dieet\" (did you mean \"poor_diet\"?)",
        "DeficiencyEvidence(nutrient == \"magnesum\")|\"magn|no rule concludes DeficiencyEvidence with nutrient \"magnesum\"",
        "Limit(name == \"caffeine\")|\"caff|Limit name \"caffeine\" is not in data/limits.csv",
        "$r : RiskFactor() Answer(value == $r.value)|value)|$r is a RiskFactor, which has no field 'value'; its fields are factor"})
    void aValueTheTablesDoNotHave(String condition, String marker, String says) {
        String line = "    " + condition;
        onlyProblem(lint(rule(line, "    insertLogical(new RiskFactor(\"poor_diet\"));")), WHEN, col(line, marker), says);
    }

    @Test
    void anUnquotedValueIsNotAField() {
        onlyProblem(lint(rule("    Answer(question == \"diet\", value == vegan)",
                        "    insertLogical(new RiskFactor(\"poor_diet\"));")), WHEN, 41,
                "'vegan' is not a field of Answer; its fields are question, value. A text value goes in quotes");
    }

    // ---- actions: the conditions bind $a : Answer(...) ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "insertLogical(new RiskFactor(\"poor_diet\")); insertLogical(new RiskFactor(\"fluid_loss\"));|insertLogical(new RiskFactor(\"f|the action does more than insert one conclusion",
        "modify($a) { }|modify|the action changes or removes a fact (modify)",
        "delete($a);|delete|the action changes or removes a fact (delete)",
        "$a.setValue(\"omnivore\");|setValue|the action changes a value (setValue)",
        "insertLogical(new Answer(\"supplements\", \"vitamin_b12\"));|Answer|a rule may not insert Answer: it is an answer from the questionnaire",
        "insert(new RiskFactor(\"poor_diet\"));|insert|use insertLogical, not insert",
        "insertLogical(new RiskFactor(\"poor_diet\", \"x\"));|RiskFactor|RiskFactor takes 1 value (factor); this action gives 2",
        "insertLogical(new RiskFactor($n));|$n|$n is not bound in the conditions",
        "insertLogical(new RiskFactor($a.valu));|$a|$a is an Answer, which has no field 'valu' (did you mean \"value\"?); its fields are question, value",
        "insertLogical(new DeficiencyEvidence(\"vitamin_b13\", \"vegan_diet\"));|\"vitamin|DeficiencyEvidence nutrient \"vitamin_b13\" is not in data/subjects.csv (type deficiency) (did you mean \"vitamin_b12\"?)",
        "insertLogical(new RedFlag(\"numbness\", \"urgnt\"));|\"urgnt|RedFlag urgency \"urgnt\" is not in the triage levels (did you mean \"urgent\"?)",
        "insertLogical(new Advice(\"magnesium\", \"eat_more\"));|\"eat|Advice id \"eat_more\" is not in data/advice.csv"})
    void anActionThatIsNotOneConclusion(String action, String marker, String says) {
        String line = "    " + action;
        onlyProblem(lint(rule("    $a : Answer(question == \"diet\", value == \"vegan\")", line)), THEN, col(line, marker), says);
    }

    // ---- forbidden constructs: each refused, and the file kept from the compiler ----

    static void refused(RuleLinter.Result r, int line, int column, String says) {
        assertFalse(r.compilable(), "a refused construct must keep the file from the compiler");
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == line && p.column() == column && p.message().contains(says)),
                () -> "expected " + line + ":" + column + " to say \"" + says + "\" in:\n" + errors(r));
    }

    static final String OK_WHEN = "    Answer(question == \"diet\", value == \"vegan\")";
    static final String OK_THEN = "    insertLogical(new RiskFactor(\"poor_diet\"));";

    @Test
    void systemExitInAnAction() {
        refused(lint(rule(OK_WHEN, OK_THEN + "\n    System.exit(3);")), THEN + 1, 5,
                "'System.exit' is not allowed in a rule: it gives access to the Java runtime");
    }

    @Test
    void aFullyQualifiedFileInACondition() {
        RuleLinter.Result r = lint(rule("    Measurement(java.io.File.separator != null)", OK_THEN));
        refused(r, WHEN, 17, "'java.io.File.separator' is not allowed in a rule: it gives access to files");
        assertEquals(1, r.problems().size(), () -> "one problem, said once: " + errors(r));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Runtime.getRuntime().exec(\"rm -rf /\");|Runtime|the Java runtime",
        "new Thread(() -> {}).start();|Thread|threads",
        "Class.forName(\"x\").getDeclaredMethod(\"y\");|Class|reflection or class loading",
        "ClassLoader.getSystemClassLoader();|ClassLoader|reflection or class loading",
        "$x.getClass();|$x|reflection or class loading",
        "java.nio.file.Files.delete(null);|java|files",
        "new java.net.Socket(\"example.org\", 80);|java|the network",
        "new ProcessBuilder(\"sh\").start();|ProcessBuilder|processes",
        "drools.halt();|drools|the rule engine's internals"})
    void aForbiddenApiInAnAction(String statement, String marker, String reach) {
        String line = "    " + statement;
        refused(lint(rule(OK_WHEN, OK_THEN + "\n" + line)), THEN + 1, col(line, marker), "gives access to " + reach);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eval(1 == 1)|eval|eval(...) is not allowed: it runs Java code",
        "Answer(question == \"diet\", value.length() > 2)|length|length(...) is a method or function call",
        "Answer(question == \"diet\", value == new String(\"x\"))|new|cannot create objects with 'new'",
        "Answer() from \"x\"|Answer|'from' is not allowed",
        "$l : Answer() from collect( Answer() )|$l|'collect' is not allowed",
        "java.util.ArrayList()|java|unknown fact type 'java.util.ArrayList'",
        "Answer(value == System.getProperty(\"user.home\"))|System|'System.getProperty' is not allowed",
        "Answer(value#String == \"a\")|#|'#' is not allowed in a condition",
        "Answer(value == \"vegan\"[0])|[|'[' is not allowed in a condition",
        "Answer(value = \"x\")|=|unexpected '=' here",
        "Answer(value == 1d.bytes)|bytes|'.bytes' may only follow a $name bound in the conditions",
        "Answer(value == \"x\".name)|name|'.name' may only follow a $name bound in the conditions",
        "$a : Answer(value == $a.question.bytes)|bytes|'.bytes' may only follow a $name bound in the conditions"})
    void aForbiddenConstructInACondition(String condition, String marker, String says) {
        String line = "    " + condition;
        refused(lint(rule(line, OK_THEN)), WHEN, col(line, marker), says);
    }

    @Test
    void importsOnlyFromTheFactModel() {
        refused(lint(rule(OK_WHEN, OK_THEN).replace("import org.twitchadvisor.facts.*;",
                "import org.twitchadvisor.facts.*;\nimport java.io.File;")), 4, 1,
                "'import java.io.File' is not allowed: a rule file imports only the fact model");
    }

    @Test
    void noGlobalsFunctionsOrDeclarations() {
        String extra = "global java.util.List out;\nfunction int f() { return 1; }\ndeclare Extra end\n";
        RuleLinter.Result r = lint(rule(OK_WHEN, OK_THEN).replace("\nrule \"crafted\"", "\n" + extra + "rule \"crafted\""));
        refused(r, 5, 1, "'global java.util.List out' is not allowed");
        refused(r, 6, 1, "'function f' is not allowed: a function is Java code");
        refused(r, 7, 9, "'declare Extra' is not allowed");
    }

    @Test
    void codeInAnAnnotationValue() {
        // Drools evaluates annotation values while compiling: this one would run at build time.
        RuleLinter.Result r = lint(rule("    @claim(System.setProperty(\"twitch.pwned\", \"yes\"))\n    @sources(\"000\")",
                OK_WHEN, OK_THEN));
        refused(r, 6, 12, "'System.setProperty' is not allowed");
        refused(r, 6, 5, "write the value of @claim as text in quotes");
    }

    @Test
    void ruleAttributes() {
        refused(lint(rule("    @claim(\"c\")\n    @sources(\"000\")\n    salience 10", OK_WHEN, OK_THEN)), 8, 14,
                "the rule attribute 'salience' is not allowed");
    }

    @Test
    void aUnicodeEscapeThatWouldHideCodeInAComment() {
        refused(lint(rule(OK_WHEN, OK_THEN + " // \\u000a System.exit(1);")), THEN, 52,
                "\\u escapes are not allowed in a rule file");
    }
}
