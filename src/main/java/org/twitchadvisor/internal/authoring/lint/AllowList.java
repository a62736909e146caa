package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.internal.text.Text;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonTokenStream;
import org.antlr.runtime.RecognitionException;
import org.antlr.runtime.RecognizerSharedState;
import org.antlr.runtime.Token;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DRLFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.lang.DRLExpressions;
import org.drools.drl.parser.lang.DRLLexer;
import org.drools.drl.parser.lang.ParserHelper;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security gate of the rule check: decides whether a parsed rule file may be compiled, from what
 * Drools' own parsers make of it and nothing else. Every piece of text Drools will hand to MVEL or to the
 * Java compiler (each constraint, each annotation value, each action) must be, as a whole, one of a few
 * forms with exactly one reading: a field of the pattern's fact type, a bound {@code $variable} (or one of
 * its fields), a text in double quotes without backslashes or quotes inside, a plain number, {@code true},
 * {@code false} or {@code null}, joined only by comparisons, {@code in}, {@code matches}, {@code &&} and
 * {@code ||}; an action is one {@code insertLogical(new Conclusion(...))} of such values. Where a check and
 * a compiler could disagree about where a text starts and ends, the forms leave nothing to disagree about:
 * no single quotes, no escapes, no text blocks, no comments in an action.
 *
 * <p>{@link DrlFileCheck} explains problems in friendlier words and places them precisely; this class is
 * what a rule file must get past, and it never reads the file with a tokenizer of its own.
 */
final class AllowList {
    /** The text of a constraint expression as Drools' expression parser builds its leaves. */
    private static final Pattern TEXT = Pattern.compile("\"[^\"\\\\\\r\\n]*\"");
    /** An annotation's text may hold quotes and backslashes escaped as Java and MVEL both read them. */
    private static final Pattern PROSE = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\[\"\\\\])*\"");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,15})?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern VARIABLE_FIELD = Pattern.compile("(\\$[A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", ">", "<=", ">=", "matches");
    /** A value of a conclusion: text, a bound variable or one of its fields, a number. */
    private static final String VALUE = TEXT.pattern() + "|" + VARIABLE_FIELD.pattern() + "|" + VARIABLE.pattern()
            + "|" + NUMBER.pattern();
    /** The one action a rule may have, as a whole; Java reads this text exactly one way. */
    private static final Pattern ACTION = Pattern.compile("\\s*insertLogical\\s*\\(\\s*new\\s+((?:"
            + Pattern.quote(FactModel.PACKAGE) + "\\.)?[A-Z][A-Za-z0-9]*)\\s*\\(\\s*((?:" + VALUE + ")(?:\\s*,\\s*(?:"
            + VALUE + "))*)?\\s*\\)\\s*\\)\\s*;\\s*");
    private static final Pattern ACTION_VALUE = Pattern.compile(VALUE);
    private static final Set<String> ANNOTATIONS = Set.of("claim", "sources", "weight");
    /** Brackets within one constraint; more makes the compiled-code check's compiler take exponential time. */
    private static final int MAX_DEPTH = 6;

    /**
     * One refusal.
     *
     * @param line the line in the file, or the rule's line when the parser gives none
     * @param message what is outside the allow-list, in plain words
     */
    record Refusal(int line, String message) {
    }

    private final List<Refusal> refusals = new ArrayList<>();

    private AllowList() {
    }

    /**
     * Checks a file as Drools parsed it.
     *
     * @param pkg the file as {@link DrlParser} read it
     * @return what may not be compiled; empty when the whole file is inside the allow-list
     */
    static List<Refusal> check(PackageDescr pkg) {
        AllowList a = new AllowList();
        a.packageLevel(pkg);
        for (RuleDescr rd : pkg.getRules()) {
            a.rule(rd);
        }
        return List.copyOf(a.refusals);
    }

    private void refuse(BaseDescr at, int fallbackLine, String message) {
        refusals.add(new Refusal(at != null && at.getLine() > 0 ? at.getLine() : fallbackLine, message));
    }

    private void packageLevel(PackageDescr pkg) {
        if (!DrlFileCheck.RULES_PACKAGE.equals(pkg.getName())) {
            refuse(pkg, 1, "the package must be " + DrlFileCheck.RULES_PACKAGE);
        }
        for (ImportDescr i : pkg.getImports()) {
            String target = i.getTarget();
            if (!FactModel.importable(target)) {
                refuse(i, 1, "only the fact model may be imported, not " + target);
            }
        }
        if (!pkg.getFunctionImports().isEmpty() || !pkg.getAccumulateImports().isEmpty() || !pkg.getGlobals().isEmpty()
                || !pkg.getFunctions().isEmpty() || !pkg.getTypeDeclarations().isEmpty()
                || !pkg.getEnumDeclarations().isEmpty() || !pkg.getEntryPointDeclarations().isEmpty()
                || !pkg.getWindowDeclarations().isEmpty() || !pkg.getAttributes().isEmpty() || pkg.getUnit() != null) {
            refuse(null, 1, "a rule file holds only the package, imports of the fact model and rules");
        }
    }

    private void rule(RuleDescr rd) {
        int line = Math.max(rd.getLine(), 1);
        if (rd.isQuery() || !rd.getAttributes().isEmpty() || rd.getParentName() != null || rd.getUnit() != null
                || !rd.getNamedConsequences().isEmpty()) {
            refuse(rd, line, "a rule has no attributes, parent, unit or named actions, and a file holds no queries");
        }
        for (AnnotationDescr a : rd.getAnnotations()) {
            annotation(a, line);
        }
        Map<String, FactModel.FactType> bound = new HashMap<>();
        if (rd.getLhs() != null) {
            condition(rd.getLhs(), line, bound);
        }
        action(rd, line, bound);
    }

    /** Drools evaluates an annotation's value as an MVEL expression: only one plain literal has one reading. */
    private void annotation(AnnotationDescr a, int line) {
        Map<String, Object> values = a.getValueMap();
        Object value = values.size() == 1 ? values.get("value") : null;
        String text = value == null ? "" : value.toString().trim();
        boolean ok = ANNOTATIONS.contains(a.getName()) && (PROSE.matcher(text).matches()
                || a.getName().equals("weight") && NUMBER.matcher(text).matches());
        if (!ok) {
            refuse(a, line, "@" + a.getName() + " must be @claim(\"...\"), @sources(\"...\") or @weight(number), "
                    + "with text in double quotes (a quote inside written \\\", a backslash \\\\)");
        }
    }

    private void condition(BaseDescr d, int line, Map<String, FactModel.FactType> bound) {
        if (d instanceof PatternDescr p) {
            pattern(p, line, bound);
        } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                || d instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) {
                condition(child, line, bound);
            }
        } else {
            refuse(d, line, "a condition is fact patterns joined by and, or, not, exists and forall");
        }
    }

    private void pattern(PatternDescr p, int line, Map<String, FactModel.FactType> bound) {
        FactModel.FactType type = p.getObjectType() == null ? null : FactModel.type(p.getObjectType());
        if (type == null || p.getSource() != null || !p.getAnnotations().isEmpty() || !p.getBehaviors().isEmpty()
                || p.isQuery() || p.isUnification()) {
            refuse(p, line, "a pattern matches a fact type of the fact model, held by the engine, with no source, "
                    + "window or annotation");
            return;
        }
        if (p.getIdentifier() != null) {
            if (!VARIABLE.matcher(p.getIdentifier()).matches()) {
                refuse(p, line, "a bound fact is named $name");
            }
            bound.put(p.getIdentifier(), type);
        }
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
                refuse(c, line, "a constraint is written field == value");
                continue;
            }
            constraint(e, type, line, bound);
        }
    }

    private void constraint(ExprConstraintDescr e, FactModel.FactType type, int line, Map<String, FactModel.FactType> bound) {
        String text = e.getExpression();
        int at = e.getLine() > 0 ? e.getLine() : line;
        if (text.indexOf('\'') >= 0 || text.indexOf('\\') >= 0 || text.contains("\"\"\"")) {
            refuse(null, at, "a constraint writes text in double quotes, with no single quote, backslash or text block");
            return;
        }
        if (Text.bracketDepth(text) > MAX_DEPTH) {
            refuse(null, at, "brackets are nested more than " + MAX_DEPTH + " deep in this constraint; a condition "
                    + "needs a few levels at most");
            return;
        }
        Parsed parsed = parseWhole(text);
        if (parsed.problem() != null) {
            refuse(null, at, parsed.problem());
            return;
        }
        expression(parsed.tree(), type, at, bound);
    }

    /**
     * One constraint, parsed as Drools parses it, and only when the parser took all of it.
     *
     * @param tree the parse tree, or {@code null}
     * @param problem why it cannot be used, or {@code null}
     */
    record Parsed(ConstraintConnectiveDescr tree, String problem) {
    }

    /**
     * Parses a constraint with the lexer and expression grammar Drools compiles it with, and insists that
     * the grammar consumed the whole text: Drools' own entry point stops quietly after the first complete
     * expression and would leave the rest unchecked.
     *
     * @param text a constraint, e.g. {@code question == "diet"}
     * @return the tree, or the problem
     */
    static Parsed parseWhole(String text) {
        LanguageLevelOption level = DrlParser.DEFAULT_LANGUAGE_LEVEL;
        DRLLexer lexer = DRLFactory.getDRLLexer(new ANTLRStringStream(text), level);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        RecognizerSharedState state = new RecognizerSharedState();
        ParserHelper helper = new ParserHelper(tokens, state, level);
        DRLExpressions parser = DRLFactory.getDRLExpressions(tokens, state, helper, level);
        parser.setBuildDescr(true);
        parser.setLeftMostExpr(null);
        BaseDescr tree;
        try {
            tree = parser.conditionalOrExpression();
        } catch (RecognitionException | RuntimeException | StackOverflowError e) {
            return new Parsed(null, "this constraint cannot be read as a comparison");
        }
        if (tree == null || parser.hasErrors() || !helper.getErrors().isEmpty()) {
            return new Parsed(null, "this constraint cannot be read as a comparison");
        }
        Token next = tokens.LT(1);
        if (next != null && next.getType() != Token.EOF) {
            return new Parsed(null, "the constraint goes on after a complete comparison, at '" + next.getText()
                    + "': join comparisons with && or ||, or separate them with a comma");
        }
        ConstraintConnectiveDescr and = ConstraintConnectiveDescr.newAnd();
        and.addOrMerge(tree);
        return new Parsed(and, null);
    }

    private void expression(BaseDescr d, FactModel.FactType type, int line, Map<String, FactModel.FactType> bound) {
        if (d instanceof ConstraintConnectiveDescr c) {
            for (BaseDescr child : c.getDescrs()) {
                expression(child, type, line, bound);
            }
        } else if (d instanceof RelationalExprDescr r) {
            if (!OPERATORS.contains(r.getOperator()) || r.getParameters() != null && !r.getParameters().isEmpty()) {
                refuse(null, line, "'" + r.getOperator() + "' is not a comparison a rule may use: use ==, !=, <, >, "
                        + "<=, >=, in or matches");
                return;
            }
            expression(r.getLeft(), type, line, bound);
            expression(r.getRight(), type, line, bound);
        } else if (d instanceof BindingDescr b) {
            if (!VARIABLE.matcher(b.getVariable()).matches() || !type.fields().contains(b.getExpression().trim())
                    || b.isUnification()) {
                refuse(null, line, "a binding is $name : field, with a field of " + type.name());
                return;
            }
            bound.put(b.getVariable(), null);
        } else if (d instanceof AtomicExprDescr a) {
            leaf(a.getExpression().trim(), type, line, bound);
        } else {
            refuse(null, line, "a constraint compares fields with values and nothing else");
        }
    }

    private void leaf(String text, FactModel.FactType type, int line, Map<String, FactModel.FactType> bound) {
        if (TEXT.matcher(text).matches() || NUMBER.matcher(text).matches() || text.equals("true")
                || text.equals("false") || text.equals("null")
                || IDENTIFIER.matcher(text).matches() && type.fields().contains(text)
                || VARIABLE.matcher(text).matches() && bound.containsKey(text)) {
            return;
        }
        var field = VARIABLE_FIELD.matcher(text);
        if (field.matches() && bound.get(field.group(1)) != null
                && bound.get(field.group(1)).fields().contains(field.group(2))) {
            return;
        }
        refuse(null, line, "'" + text + "' is not a field, a bound $variable, a text in double quotes or a number");
    }

    private void action(RuleDescr rd, int line, Map<String, FactModel.FactType> bound) {
        String code = rd.getConsequence() == null ? "" : rd.getConsequence().toString();
        int at = rd.getConsequenceLine() > 0 ? rd.getConsequenceLine() : line;
        var m = ACTION.matcher(code);
        if (!m.matches()) {
            refuse(null, at, "the action must be exactly insertLogical(new Conclusion(\"text\" or $variable, ...));");
            return;
        }
        FactModel.FactType type = FactModel.type(m.group(1));
        if (type == null || type.kind() != FactModel.Kind.CONCLUSION) {
            refuse(null, at, "a rule concludes one of " + String.join(", ", FactModel.conclusionNames()));
        }
        String args = m.group(2) == null ? "" : m.group(2);
        var v = ACTION_VALUE.matcher(args);
        while (v.find()) {
            String value = v.group();
            if (value.startsWith("$")) {
                int dot = value.indexOf('.');
                String var = dot < 0 ? value : value.substring(0, dot);
                FactModel.FactType of = bound.get(var);
                boolean ok = bound.containsKey(var) && (dot < 0 || of != null && of.fields().contains(value.substring(dot + 1)));
                if (!ok) {
                    refuse(null, at, "'" + value + "' is not a $variable bound in the conditions, or one of its fields");
                }
            }
        }
    }
}
