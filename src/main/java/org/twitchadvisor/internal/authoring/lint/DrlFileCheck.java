package org.twitchadvisor.internal.authoring.lint;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.internal.engine.DroolsMessages;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.engine.RuleInfo;
import org.twitchadvisor.internal.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks one DRL file before anything compiles it. DRL conditions, actions and even annotation values run
 * as Java or MVEL with no sandbox, so the file is read with Drools' own {@link DrlParser} and only an
 * allow-listed shape passes: the rules package, imports of the fact model, and rules whose conditions are
 * fact patterns comparing fields with values and whose action is one {@code insertLogical(new Fact(...))}.
 * Any departure from that shape also marks the file as not to be compiled.
 */
final class DrlFileCheck {
    static final String RULES_PACKAGE = "org.twitchadvisor.rules";
    private static final Set<String> ANNOTATIONS = Set.of("claim", "sources", "weight");
    private static final Set<String> CONDITION_SYMBOLS = Set.of("==", "!=", "<", ">", "<=", ">=", "&&", "||", "!",
            "(", ")", ",", ":", ".", "+", "-", "*", "/", "%");
    private static final Set<String> CONDITION_WORDS = Set.of("in", "not", "matches", "contains", "memberOf",
            "excludes", "null", "true", "false", "this");
    private static final Set<String> CHANGES = Set.of("modify", "update", "delete", "retract");
    private static final Set<String> ASSIGNMENTS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<=", ">>=", ">>>=", "++", "--");
    private static final String ACTION_SHAPE = "an action is exactly one statement, insertLogical(new Fact(\"value\", ...));";
    private static final String SANDBOX = "rules run without a sandbox, so a rule may only compare facts and insert a conclusion";

    private final String file;
    private final String text;
    private final Map<String, ReferenceData.Source> sources;
    private final List<RuleProblem> problems;
    private final Tokenizer tokenizer;
    private boolean compilable = true;
    private boolean parsed;

    /**
     * @param file the file, relative to the rules folder
     * @param text its content
     * @param sources the registered sources
     * @param problems where problems are added
     */
    DrlFileCheck(String file, String text, Map<String, ReferenceData.Source> sources, List<RuleProblem> problems) {
        this.file = file;
        this.text = text;
        this.sources = sources;
        this.problems = problems;
        this.tokenizer = new Tokenizer(text);
    }

    /** @return whether the file passed every structure check, so the compiler may see it */
    boolean compilable() {
        return compilable;
    }

    /** @return whether the parser read the file, so its rules are known */
    boolean parsed() {
        return parsed;
    }

    /** @return the rules of the file, read; empty when the file cannot be parsed */
    List<CheckedRule> run() {
        List<Token> tokens = tokenizer.tokens();
        List<Token> unclosed = tokens.stream().filter(t -> t.kind() == Token.Kind.UNCLOSED_TEXT).toList();
        if (!unclosed.isEmpty()) {
            // Everything after a runaway quote is read wrongly, by Drools too: report only the cause.
            unclosed.forEach(t -> structure(t, "a quote opened here is not closed on the same line; close it "
                    + "(a text in quotes must fit on one line)"));
            return List.of();
        }
        unicodeEscapes();
        forbiddenNames(tokens);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            structure(position(1, 0), "the file cannot be read as DRL: " + e.getMessage());
            return List.of();
        } catch (StackOverflowError e) {
            // The parser recurses once per bracket; thousands of nested brackets are no condition a person writes.
            structure(position(deepestLine(), 0), "brackets are nested too deeply here to read the file; a condition "
                    + "needs a few levels at most");
            return List.of();
        }
        if (parser.hasErrors() || pkg == null) {
            compilable = false;
            if (!missingEnd(tokens)) {
                parserErrors(parser.getErrors());
            }
            return List.of();
        }
        parsed = true;
        packageLevel(pkg, tokens);
        List<CheckedRule> rules = new ArrayList<>();
        for (RuleDescr rd : pkg.getRules()) {
            CheckedRule r = rule(rd);
            if (r != null) {
                rules.add(r);
            }
        }
        gate(pkg);
        return rules;
    }

    /**
     * The allow-list decides, from Drools' own parse, whether the file may be compiled; the checks above only
     * explain. Where they already refused the file their words stand; anything they let through is reported
     * in the allow-list's words.
     */
    private void gate(PackageDescr pkg) {
        List<AllowList.Refusal> refusals = AllowList.check(pkg);
        if (refusals.isEmpty()) {
            return;
        }
        if (compilable) {
            refusals.forEach(r -> structure(position(r.line(), 0), r.message().startsWith("brackets") ? r.message()
                    : r.message() + "; " + SANDBOX));
        }
        compilable = false;
    }

    // ---- problems ----

    private void error(Token at, String message) {
        problems.add(new RuleProblem(file, at.line(), at.column(), "error", message));
    }

    /** An error in the shape of the file: the file is then not compiled. */
    private void structure(Token at, String message) {
        compilable = false;
        error(at, message);
    }

    private static Token position(int line, int column0) {
        return new Token(Token.Kind.SYMBOL, "", -1, Math.max(line, 0), column0 + 1);
    }

    private static Token position(BaseDescr d, int fallbackLine) {
        return d.getLine() > 0 ? position(d.getLine(), Math.max(d.getColumn(), 0)) : position(fallbackLine, 0);
    }

    private static String didYouMean(String word, Collection<String> known) {
        String best = Text.closest(word, known);
        return best == null ? "" : " (did you mean \"" + best + "\"?)";
    }

    // ---- the whole file ----

    /** Java turns a backslash-u escape into a character before it reads code, so an escape in a comment can hide code. */
    private void unicodeEscapes() {
        for (int i = text.indexOf("\\u"); i >= 0; i = text.indexOf("\\u", i + 2)) {
            structure(new Token(Token.Kind.SYMBOL, "\\u", i, tokenizer.line(i), tokenizer.column(i)),
                    "\\u escapes are not allowed in a rule file: type the character itself");
        }
    }

    private void forbiddenNames(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.NAME) {
                continue;
            }
            if ((t.isName("import") || t.isName("package")) && firstOnLine(tokens, i)) {
                // The package and imports are allow-listed on their own, with their own message.
                while (i + 1 < tokens.size() && tokens.get(i + 1).line() == t.line() && !tokens.get(i + 1).isSymbol(";")) {
                    i++;
                }
                continue;
            }
            List<String> chain = chain(tokens, i);
            String reach = Forbidden.reach(chain);
            if (reach != null) {
                structure(t, "'" + String.join(".", chain) + "' is not allowed in a rule: it gives access to " + reach
                        + "; " + SANDBOX);
            }
            i += 2 * (chain.size() - 1);
        }
    }

    /** @return the line where brackets are nested deepest, to point at in a message */
    private int deepestLine() {
        int depth = 0;
        int deepest = 0;
        int line = 1;
        int at = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line += c == '\n' ? 1 : 0;
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth > deepest) {
                deepest = depth;
                at = line;
            }
        }
        return at;
    }

    private static boolean firstOnLine(List<Token> tokens, int i) {
        return i == 0 || tokens.get(i - 1).line() < tokens.get(i).line();
    }

    /** The dotted name starting at a token: {@code java.io.File} is [java, io, File]. */
    private static List<String> chain(List<Token> tokens, int i) {
        List<String> parts = new ArrayList<>(List.of(tokens.get(i).text()));
        int j = i;
        while (j + 2 < tokens.size() && tokens.get(j + 1).isSymbol(".") && tokens.get(j + 2).kind() == Token.Kind.NAME) {
            parts.add(tokens.get(j + 2).text());
            j += 2;
        }
        return parts;
    }

    /**
     * A rule without {@code end} swallows the next rule into its action, and Drools then reports a
     * puzzling error lines later; say which rule is not closed instead.
     */
    private boolean missingEnd(List<Token> tokens) {
        Token open = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isName("rule") && firstOnLine(tokens, i)) {
                if (open != null) {
                    error(open, "this rule has no 'end' before the next rule starts on line " + t.line()
                            + "; close it with a line 'end'");
                    return true;
                }
                open = t;
            } else if (t.isName("end")) {
                open = null;
            }
        }
        if (open != null) {
            error(open, "this rule has no 'end'; close it with a line 'end'");
            return true;
        }
        return false;
    }

    private void parserErrors(List<DroolsError> errors) {
        Set<String> seen = new HashSet<>();
        for (DroolsError e : errors) {
            Token at = e instanceof ParserError pe ? position(pe.getRow(), pe.getCol())
                    : position(e.getLines().length > 0 ? e.getLines()[0] : 0, 0);
            if (at.line() < 1) {
                // Some parser failures carry no position; the file's first line at least names the file.
                at = position(1, 0);
            }
            String message = DroolsMessages.parserError(e.getMessage());
            if (seen.add(at.line() + ":" + message)) {
                error(at, message);
            }
        }
    }

    private void packageLevel(PackageDescr pkg, List<Token> tokens) {
        if (!RULES_PACKAGE.equals(pkg.getName())) {
            Token at = tokens.stream().filter(t -> t.isName("package")).findFirst().orElse(position(1, 0));
            structure(at, "a rule file starts with 'package " + RULES_PACKAGE + ";', not '"
                    + (pkg.getName() == null || pkg.getName().isEmpty() ? "(no package)" : pkg.getName()) + "'");
        }
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (!FactModel.importable(target)) {
                String reach = Forbidden.reach(target);
                structure(position(i, 1), "'import " + target + "' is not allowed: a rule file imports only the fact model, "
                        + "'import " + FactModel.PACKAGE + ".*;'" + (reach == null ? "" : "; " + target + " gives access to " + reach));
            }
        }
        pkg.getFunctionImports().forEach(f -> structure(position(f, 1), "'import function " + f.getTarget()
                + "' is not allowed: a function is Java code, which a rule file may not contain"));
        pkg.getAccumulateImports().forEach(a -> structure(position(a, 1), "'import accumulate' is not allowed: "
                + "it brings in Java code"));
        for (GlobalDescr g : pkg.getGlobals()) {
            structure(position(g, 1), "'global " + g.getType() + " " + g.getIdentifier() + "' is not allowed: the engine "
                    + "provides no globals, and a rule reads everything it needs from facts");
        }
        for (FunctionDescr f : pkg.getFunctions()) {
            structure(position(f, 1), "'function " + f.getName() + "' is not allowed: a function is Java code, which a "
                    + "rule file may not contain");
        }
        for (TypeDeclarationDescr d : pkg.getTypeDeclarations()) {
            structure(position(d, 1), "'declare " + d.getTypeName() + "' is not allowed: the fact types are fixed ("
                    + String.join(", ", FactModel.names()) + ")");
        }
        pkg.getEnumDeclarations().forEach(d -> structure(position(d, 1), "'declare enum " + d.getTypeName()
                + "' is not allowed: the fact types are fixed"));
        pkg.getEntryPointDeclarations().forEach(d -> structure(position(d, 1), "entry points are not allowed: "
                + "the engine puts every fact in one place"));
        pkg.getWindowDeclarations().forEach(d -> structure(position(d, 1), "windows are not allowed: "
                + "the facts of a questionnaire are not a stream"));
        pkg.getAttributes().forEach(a -> structure(position(a, 1), "the file attribute '" + a.getName()
                + "' is not allowed: the layers already order the reasoning, and an attribute's value can run code"));
        if (pkg.getUnit() != null) {
            structure(position(pkg.getUnit(), 1), "rule units are not allowed: the rules of a folder form one rule set");
        }
    }

    // ---- one rule ----

    private CheckedRule rule(RuleDescr rd) {
        int line = Math.max(rd.getLine(), 0);
        Token at = position(line, Math.max(rd.getColumn(), 0));
        String name = rd.getName();
        if (rd.isQuery()) {
            structure(at, "query \"" + name + "\" is not allowed: a rule file holds rules only");
            return null;
        }
        for (AttributeDescr a : rd.getAttributes().values()) {
            structure(position(a, line), "the rule attribute '" + a.getName() + "' is not allowed: the layers and "
                    + "insertLogical already order the reasoning, and an attribute's value can run code");
        }
        if (rd.getParentName() != null) {
            structure(at, "'extends " + rd.getParentName() + "' is not allowed: write each rule's conditions out in full");
        }
        if (rd.getUnit() != null) {
            structure(at, "rule units are not allowed: the rules of a folder form one rule set");
        }
        if (!rd.getNamedConsequences().isEmpty()) {
            structure(at, "named actions (do[...]) are not allowed: " + ACTION_SHAPE);
        }
        List<Token> ruleTokens = rd.getStartCharacter() >= 0 && rd.getEndCharacter() > rd.getStartCharacter()
                ? tokenizer.tokens(rd.getStartCharacter(), Math.min(rd.getEndCharacter(), text.length())) : List.of();
        Metadata meta = metadata(rd, at, ruleTokens);
        // Each $name bound in the conditions: the fact type it holds, or "" for a field's value.
        Map<String, String> bound = new LinkedHashMap<>();
        List<CheckedRule.Pattern> patterns = new ArrayList<>();
        condition(rd.getLhs(), line, bound, patterns);
        String code = rd.getConsequence() == null ? "" : rd.getConsequence().toString();
        CheckedRule.Conclusion conclusion = action(rd, code, bound);
        String layer = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
        List<String> values = conclusion == null ? List.of() : conclusion.values().stream()
                .map(v -> v.literal() ? quote(v.text()) : v.text()).toList();
        RuleInfo info = new RuleInfo(name, file, line, layer, meta.claim(), meta.sources(), meta.weight(),
                conclusion == null ? "" : conclusion.type().name(), values, new ConditionReader(text).read(rd.getLhs()));
        return new CheckedRule(info, patterns, conclusion, conclusion != null || code.isBlank());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private record Metadata(String claim, List<String> sources, double weight) {
    }

    private Metadata metadata(RuleDescr rd, Token ruleAt, List<Token> ruleTokens) {
        String claim = "";
        List<String> cited = List.of();
        double weight = 1.0;
        Set<String> unreadable = new HashSet<>();
        for (AnnotationDescr a : rd.getAnnotations()) {
            Token at = annotationAt(ruleTokens, a.getName(), ruleAt);
            if (!ANNOTATIONS.contains(a.getName())) {
                structure(at, "@" + a.getName() + " is not a rule annotation" + didYouMean(a.getName(), ANNOTATIONS)
                        + ": a rule has @claim, @sources and @weight");
                continue;
            }
            // Drools evaluates an annotation's value as an MVEL expression: only a plain literal may pass.
            Object raw = a.getValueMap().size() == 1 ? a.getValueMap().get("value") : null;
            List<Token> value = raw == null ? List.of() : new Tokenizer(raw.toString()).tokens();
            boolean isText = value.size() == 1 && value.get(0).kind() == Token.Kind.TEXT;
            boolean isNumber = value.size() == 1 && value.get(0).kind() == Token.Kind.NUMBER;
            if (!(isText || isNumber && a.getName().equals("weight"))) {
                structure(at, "write the value of @" + a.getName() + " as " + (a.getName().equals("weight")
                        ? "a number above 0 and at most 1, e.g. @weight(0.3)" : "text in quotes, e.g. @" + a.getName() + "(\"...\")"));
                unreadable.add(a.getName());
                continue;
            }
            String v = value.get(0).text().trim();
            switch (a.getName()) {
                case "claim" -> claim = v;
                case "sources" -> cited = Arrays.stream(v.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
                default -> {
                    try {
                        weight = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        weight = Double.NaN;
                    }
                    if (!(weight > 0 && weight <= 1)) {
                        error(at, "@weight(" + v + "): a weight is a number above 0 and at most 1, e.g. @weight(0.3)");
                        weight = 1.0;
                    }
                }
            }
        }
        String rule = "rule \"" + rd.getName() + "\"";
        if (claim.isEmpty() && !unreadable.contains("claim")) {
            error(ruleAt, rule + " has no @claim(\"...\"): say in your own words what the rule claims");
        }
        if (cited.isEmpty() && !unreadable.contains("sources")) {
            error(ruleAt, rule + " has no @sources(\"...\"): name the articles (000-004) or registered references it rests on");
        }
        for (String s : cited) {
            if (!sources.containsKey(s)) {
                error(ruleAt, rule + " cites source '" + s + "', which is not registered in " + ReferenceData.SOURCES
                        + didYouMean(s, sources.keySet()) + "; registered: " + String.join(", ", new TreeSet<>(sources.keySet())));
            }
        }
        return new Metadata(claim, cited, weight);
    }

    private static Token annotationAt(List<Token> ruleTokens, String name, Token fallback) {
        for (int i = 0; i + 1 < ruleTokens.size(); i++) {
            if (ruleTokens.get(i).isSymbol("@") && ruleTokens.get(i + 1).isName(name)) {
                return ruleTokens.get(i);
            }
        }
        return fallback;
    }

    // ---- conditions ----

    private void condition(BaseDescr d, int ruleLine, Map<String, String> bound, List<CheckedRule.Pattern> patterns) {
        if (d == null) {
            return;
        }
        if (d instanceof PatternDescr p) {
            pattern(p, ruleLine, bound, patterns);
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr child : ((ConditionalElementDescr) d).getDescrs()) {
                condition(child, ruleLine, bound, patterns);
            }
        } else if (d instanceof EvalDescr) {
            structure(position(d, ruleLine), "eval(...) is not allowed: it runs Java code. Write the condition as a fact "
                    + "pattern, e.g. Answer(question == \"diet\", value == \"vegan\")");
        } else {
            structure(position(d, ruleLine), "'" + construct(d) + "' is not allowed in a condition: conditions are fact "
                    + "patterns joined by and, or, not, exists and forall");
        }
    }

    private static String construct(Object d) {
        if (d instanceof FromDescr) {
            return "from";
        }
        if (d instanceof CollectDescr) {
            return "collect";
        }
        if (d instanceof AccumulateDescr) {
            return "accumulate";
        }
        return d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
    }

    private void pattern(PatternDescr p, int ruleLine, Map<String, String> bound, List<CheckedRule.Pattern> patterns) {
        Token at = position(p, ruleLine);
        if (p.getSource() != null) {
            structure(at, "'" + construct(p.getSource()) + "' is not allowed: a pattern matches the facts the engine "
                    + "holds, and from, collect and accumulate would run an expression");
        }
        if (!p.getAnnotations().isEmpty() || !p.getBehaviors().isEmpty() || p.isQuery()) {
            structure(at, "annotations, windows and queries are not allowed on a pattern");
        }
        if (p.getObjectType() == null) {
            structure(at, "this pattern does not name a fact type (an OOPath such as /answers[...] is not allowed): "
                    + "write the fact type and its conditions, e.g. Answer(question == \"diet\", value == \"vegan\")");
            return;
        }
        FactModel.FactType type = FactModel.type(p.getObjectType());
        if (p.getIdentifier() != null) {
            if (p.getIdentifier().startsWith("$")) {
                bound.put(p.getIdentifier(), type == null ? "" : type.name());
            } else {
                error(at, "name a bound fact with a $, e.g. $" + p.getIdentifier() + " : " + p.getObjectType() + "(...)");
            }
        }
        if (type == null) {
            // A forbidden type such as java.io.File was reported by the name check, in its words.
            if (Forbidden.reach(p.getObjectType()) == null) {
                structure(at, "unknown fact type '" + p.getObjectType() + "'" + didYouMean(p.getObjectType(), FactModel.names())
                        + ": a condition matches one of " + String.join(", ", FactModel.names()));
            }
            return;
        }
        List<CheckedRule.Comparison> comparisons = new ArrayList<>();
        for (BaseDescr c : p.getDescrs()) {
            if (c instanceof ExprConstraintDescr e && e.getType() == ExprConstraintDescr.Type.NAMED) {
                comparisons.addAll(constraint(e, type, ruleLine, bound));
            } else {
                structure(position(c, ruleLine), "write each condition as field == value, e.g. " + type.name() + "("
                        + type.fields().get(0) + " == \"...\"); values by position are not supported");
            }
        }
        patterns.add(new CheckedRule.Pattern(type, comparisons, at));
    }

    /** The tokens of a piece of rule text as Drools compiles it, located in the file when it is found there. */
    private List<Token> tokensOf(String part, int hint, int line, int column0) {
        int start = hint >= 0 && text.startsWith(part, hint) ? hint : text.indexOf(part, Math.max(hint, 0));
        if (start >= 0 && !part.isEmpty()) {
            return tokenizer.tokens(start, start + part.length());
        }
        return new Tokenizer(part).tokens().stream().map(t -> new Token(t.kind(), t.text(), -1, line + t.line() - 1,
                t.line() == 1 ? column0 + t.column() : t.column())).toList();
    }

    private List<CheckedRule.Comparison> constraint(ExprConstraintDescr e, FactModel.FactType type, int ruleLine,
                                                   Map<String, String> bound) {
        String expr = e.getExpression();
        List<Token> tokens = tokensOf(expr, e.getStartCharacter(), e.getLine() > 0 ? e.getLine() : ruleLine,
                Math.max(e.getColumn(), 0));
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Token prev = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean call = next != null && next.isSymbol("(");
            switch (t.kind()) {
                case SYMBOL -> {
                    if (!CONDITION_SYMBOLS.contains(t.text())) {
                        structure(t, "'" + t.text() + "' is not allowed in a condition: a condition compares fields with "
                                + "values (==, !=, <, >, <=, >=, in, matches) and joins them with && or ||");
                    } else if (t.isSymbol("(") && prev != null && (prev.isSymbol(")") || prev.kind() == Token.Kind.TEXT
                            || prev.kind() == Token.Kind.NUMBER)) {
                        structure(t, "a condition cannot call methods or functions: it only compares fields with values");
                    }
                }
                case NAME -> i = conditionName(tokens, i, type, bound, prev, next, call);
                default -> {
                }
            }
        }
        return comparisons(tokens, type);
    }

    /** @return the index of the last token the name took up */
    private int conditionName(List<Token> tokens, int i, FactModel.FactType type, Map<String, String> bound, Token prev,
                              Token next, boolean call) {
        Token t = tokens.get(i);
        String name = t.text();
        String callMessage = name + "(...) is a method or function call: a condition only compares fields with values";
        if (prev != null && prev.isSymbol(".")) {
            // Only a fact's own field may follow a dot: anything else navigates from a value to what it leads to.
            Token owner = i >= 2 ? tokens.get(i - 2) : null;
            if (call) {
                structure(t, callMessage);
            } else if (owner != null && owner.kind() == Token.Kind.NAME && bound.containsKey(owner.text())) {
                String wrongField = fieldOf(owner.text(), name, bound);
                if (wrongField != null) {
                    structure(t, wrongField);
                }
            } else if (!(owner != null && owner.isName("this") && type.fields().contains(name))) {
                structure(t, "'." + name + "' may only follow a $name bound in the conditions, and be one of its "
                        + "fields, e.g. $range.deficientBelow");
            }
            return i;
        }
        List<String> chain = chain(tokens, i);
        if (Forbidden.reach(chain) != null) {
            return i + 2 * (chain.size() - 1);
        }
        if (call && !name.equals("in")) {
            structure(t, callMessage);
        } else if (name.startsWith("$")) {
            if (next != null && next.isSymbol(":")) {
                bound.put(name, "");
            }
        } else if (name.equals("new")) {
            structure(t, "a condition cannot create objects with 'new': it only compares fields with values");
        } else if (type.fields().contains(name)) {
            if (next != null && next.isSymbol(":")) {
                error(t, "name a bound value with a $, e.g. $" + name + " : " + name);
            }
        } else if (!CONDITION_WORDS.contains(name)) {
            structure(t, "'" + name + "' is not a field of " + type.name() + didYouMean(name, type.fields())
                    + "; its fields are " + type.fieldList() + ". A text value goes in quotes: \"" + name + "\"");
        }
        return i;
    }

    /** @return why {@code $var.field} names no field of what $var holds, or {@code null} when it does */
    private static String fieldOf(String var, String field, Map<String, String> bound) {
        FactModel.FactType type = FactModel.type(bound.get(var));
        if (type == null) {
            return var + " holds a value, not a fact, so it has no field '" + field + "'";
        }
        String article = "AEIOU".indexOf(type.name().charAt(0)) >= 0 ? " is an " : " is a ";
        return type.fields().contains(field) ? null : var + article + type.name() + ", which has no field '" + field
                + "'" + didYouMean(field, type.fields()) + "; its fields are " + type.fieldList();
    }

    /** The text values fields are compared with: {@code field == "x"}, {@code "x" == field}, {@code field in ("x", "y")}. */
    private static List<CheckedRule.Comparison> comparisons(List<Token> tokens, FactModel.FactType type) {
        List<CheckedRule.Comparison> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean afterDot = i > 0 && tokens.get(i - 1).isSymbol(".");
            if (t.kind() != Token.Kind.NAME || afterDot || !isTextField(type, t.text())) {
                continue;
            }
            Token op = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            Token value = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
            Token before = i >= 2 ? tokens.get(i - 2) : null;
            if (op != null && (op.isSymbol("==") || op.isSymbol("!=")) && value != null && value.kind() == Token.Kind.TEXT) {
                out.add(new CheckedRule.Comparison(t.text(), value.text(), value));
            } else if (op != null && (op.isName("in") || op.isName("not") && value != null && value.isName("in"))) {
                int j = i + (op.isName("in") ? 2 : 3);
                if (j < tokens.size() && tokens.get(j).isSymbol("(")) {
                    for (j++; j < tokens.size() && !tokens.get(j).isSymbol(")"); j++) {
                        if (tokens.get(j).kind() == Token.Kind.TEXT) {
                            out.add(new CheckedRule.Comparison(t.text(), tokens.get(j).text(), tokens.get(j)));
                        }
                    }
                }
            }
            if (before != null && before.kind() == Token.Kind.TEXT && (tokens.get(i - 1).isSymbol("==")
                    || tokens.get(i - 1).isSymbol("!="))) {
                out.add(new CheckedRule.Comparison(t.text(), before.text(), before));
            }
        }
        return out;
    }

    private static boolean isTextField(FactModel.FactType type, String name) {
        int k = type.fields().indexOf(name);
        return k >= 0 && type.textFields().get(k);
    }

    // ---- the action ----

    private CheckedRule.Conclusion action(RuleDescr rd, String code, Map<String, String> bound) {
        int thenLine = rd.getConsequenceLine() > 0 ? rd.getConsequenceLine() : Math.max(rd.getLine(), 0);
        int found = code.isBlank() ? -1 : text.lastIndexOf(code, Math.min(rd.getEndCharacter(), text.length()));
        List<Token> tokens = tokensOf(code, found >= rd.getStartCharacter() ? found : -1, thenLine, 0);
        if (tokens.isEmpty()) {
            error(position(thenLine, 0), "the rule has no action: after 'then' write one insertLogical(new Fact(...));");
            return null;
        }
        List<List<Token>> statements = statements(tokens);
        boolean explained = false;
        for (List<Token> s : statements) {
            explained |= changesFacts(s);
        }
        if (explained) {
            return null;
        }
        if (statements.size() > 1) {
            structure(statements.get(1).get(0), "the action does more than insert one conclusion: " + ACTION_SHAPE);
        }
        CheckedRule.Conclusion conclusion = insertion(statements.get(0), bound);
        Token last = tokens.get(tokens.size() - 1);
        if (conclusion != null && statements.size() == 1 && !last.isSymbol(";")) {
            structure(last, "end the action with ';'");
        }
        return conclusion;
    }

    /** Statements split at top-level semicolons, without the semicolons. */
    private static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token t : tokens) {
            if (t.isSymbol("(") || t.isSymbol("{") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("}") || t.isSymbol("]")) {
                depth--;
            }
            if (depth == 0 && t.isSymbol(";")) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** @return whether the statement changes or removes a fact, or inserts one the wrong way, and was reported */
    private boolean changesFacts(List<Token> s) {
        Token first = s.get(0);
        if (first.kind() == Token.Kind.NAME && CHANGES.contains(first.text())) {
            structure(first, "the action changes or removes a fact (" + first.text() + "): rules never change facts. A "
                    + "rule only adds a conclusion with insertLogical, and the engine withdraws it by itself when its "
                    + "reason no longer holds");
            return true;
        }
        for (int i = 0; i < s.size(); i++) {
            Token t = s.get(i);
            boolean setter = t.kind() == Token.Kind.NAME && t.text().startsWith("set") && i > 0 && s.get(i - 1).isSymbol(".")
                    && i + 1 < s.size() && s.get(i + 1).isSymbol("(");
            if (setter || t.kind() == Token.Kind.SYMBOL && ASSIGNMENTS.contains(t.text())) {
                structure(t, "the action changes a value (" + t.text() + "): rules never change facts; the answers "
                        + "stay as the person gave them, and a rule only adds a conclusion");
                return true;
            }
        }
        if (first.isName("insert")) {
            structure(first, "use insertLogical, not insert: a logical conclusion is withdrawn when its reason no "
                    + "longer holds, so the explanations stay true");
            return true;
        }
        return false;
    }

    private CheckedRule.Conclusion insertion(List<Token> s, Map<String, String> bound) {
        int i = 0;
        if (!s.get(0).isName("insertLogical")) {
            // A forbidden first name (System.exit) was reported by the name check, in its words.
            if (Forbidden.reach(chain(s, 0)) == null) {
                structure(s.get(0), ACTION_SHAPE + " This one starts with '" + s.get(0).text() + "'");
            }
            return null;
        }
        if (s.size() < 4 || !s.get(1).isSymbol("(") || !s.get(2).isName("new") || s.get(3).kind() != Token.Kind.NAME) {
            return shape(s.get(Math.min(s.size() - 1, 1)));
        }
        Token typeAt = s.get(3);
        List<String> typeName = chain(s, 3);
        i = 3 + 2 * typeName.size() - 1;
        FactModel.FactType type = FactModel.type(String.join(".", typeName));
        String conclusions = String.join(", ", FactModel.conclusionNames());
        if (type == null) {
            if (Forbidden.reach(typeName) == null) {
                structure(typeAt, "unknown fact type '" + String.join(".", typeName) + "'"
                        + didYouMean(typeName.get(typeName.size() - 1), FactModel.conclusionNames())
                        + ": a rule concludes one of " + conclusions);
            }
            return null;
        }
        if (type.kind() != FactModel.Kind.CONCLUSION) {
            structure(typeAt, "a rule may not insert " + type.name() + ": " + (type.kind() == FactModel.Kind.INPUT
                    ? "it is an answer from the questionnaire, and a rule making one up would change what the person said"
                    : "it is reference data from rules/data") + ". A rule concludes one of " + conclusions);
            return null;
        }
        if (i >= s.size() || !s.get(i).isSymbol("(")) {
            return shape(s.get(Math.min(i, s.size() - 1)));
        }
        i++;
        List<CheckedRule.Value> values = new ArrayList<>();
        while (i < s.size() && !s.get(i).isSymbol(")")) {
            Token v = s.get(i);
            if (v.kind() == Token.Kind.TEXT || v.kind() == Token.Kind.NUMBER) {
                values.add(new CheckedRule.Value(v.text(), true, v));
                i++;
            } else if (v.kind() == Token.Kind.NAME && v.text().startsWith("$")) {
                List<String> ref = chain(s, i);
                i += 2 * ref.size() - 1;
                if (ref.size() > 2 || i < s.size() && s.get(i).isSymbol("(")) {
                    structure(v, "a value of " + type.name() + " is text in quotes or a $variable from the conditions, "
                            + "optionally with one field ($range.nutrient); not '" + String.join(".", ref) + "'");
                    return null;
                }
                if (!bound.containsKey(ref.get(0))) {
                    structure(v, ref.get(0) + " is not bound in the conditions: bind it there, e.g. DeficiencyEvidence("
                            + ref.get(0) + " : nutrient)");
                } else if (ref.size() == 2 && fieldOf(ref.get(0), ref.get(1), bound) != null) {
                    structure(v, fieldOf(ref.get(0), ref.get(1), bound));
                }
                values.add(new CheckedRule.Value(String.join(".", ref), false, v));
            } else {
                structure(v, "a value of " + type.name() + " is text in quotes or a $variable from the conditions, not '"
                        + v.text() + "'");
                return null;
            }
            if (i < s.size() && s.get(i).isSymbol(",")) {
                i++;
            } else if (i < s.size() && !s.get(i).isSymbol(")")) {
                return shape(s.get(i));
            }
        }
        if (i + 1 >= s.size() || !s.get(i).isSymbol(")") || !s.get(i + 1).isSymbol(")")) {
            return shape(s.get(Math.min(i, s.size() - 1)));
        }
        if (i + 2 < s.size()) {
            return shape(s.get(i + 2));
        }
        if (values.size() != type.fields().size()) {
            structure(typeAt, type.name() + " takes " + type.fields().size() + (type.fields().size() == 1 ? " value (" : " values (")
                    + type.fieldList() + "); this action gives " + values.size());
            return null;
        }
        for (int k = 0; k < values.size(); k++) {
            CheckedRule.Value v = values.get(k);
            if (v.literal() && v.at().kind() == Token.Kind.NUMBER && type.textFields().get(k)) {
                structure(v.at(), type.fields().get(k) + " is text: put the value in quotes, \"" + v.text() + "\"");
            }
        }
        return new CheckedRule.Conclusion(type, values);
    }

    private CheckedRule.Conclusion shape(Token at) {
        structure(at, ACTION_SHAPE + " This one is not written that way near '" + at.text() + "'");
        return null;
    }
}
