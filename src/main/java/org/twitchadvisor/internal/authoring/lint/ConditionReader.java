package org.twitchadvisor.internal.authoring.lint;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.ConnectiveType;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import org.twitchadvisor.internal.engine.RuleCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the conditions Drools' parser read from a rule into a {@link RuleCondition} tree: each pattern's
 * constraints go through Drools' own expression parser, the one its compiler uses, so why-not evaluates what
 * the engine will run and no condition is parsed a second way. Runs on rules the file check let through.
 */
final class ConditionReader {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern VARIABLE = Pattern.compile("(\\$[A-Za-z0-9_]+)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final String file;

    /** @param file the rule file's text, which the conditions' positions point into */
    ConditionReader(String file) {
        this.file = file;
    }

    /**
     * @param lhs a rule's conditions as Drools parsed them
     * @return each top-level condition, in order
     */
    List<RuleCondition> read(AndDescr lhs) {
        List<RuleCondition> out = new ArrayList<>();
        if (lhs != null) {
            lhs.getDescrs().forEach(d -> out.add(condition(d)));
        }
        return out;
    }

    private RuleCondition condition(BaseDescr d) {
        String text = text(d);
        if (d instanceof PatternDescr p) {
            List<RuleCondition.Constraint> constraints = new ArrayList<>();
            for (BaseDescr c : p.getDescrs()) {
                if (c instanceof ExprConstraintDescr e) {
                    constraints.add(expression(e.getExpression()));
                }
            }
            String type = p.getObjectType() == null ? "" : p.getObjectType();
            type = type.substring(type.lastIndexOf('.') + 1);
            return new RuleCondition.Pattern(type, p.getIdentifier(), constraints, text);
        }
        if (d instanceof NotDescr n && n.getDescrs().size() == 1) {
            return new RuleCondition.Not(condition((BaseDescr) n.getDescrs().get(0)), text);
        }
        if (d instanceof ExistsDescr e && e.getDescrs().size() == 1) {
            return new RuleCondition.Exists(condition((BaseDescr) e.getDescrs().get(0)), text);
        }
        if (d instanceof AndDescr a) {
            return new RuleCondition.All(a.getDescrs().stream().map(this::condition).toList(), text);
        }
        if (d instanceof OrDescr o) {
            return new RuleCondition.Any(o.getDescrs().stream().map(this::condition).toList(), text);
        }
        if (d instanceof NotDescr n) {
            return new RuleCondition.Not(new RuleCondition.All(n.getDescrs().stream().map(this::condition).toList(),
                    text), text);
        }
        return new RuleCondition.Unevaluated(text);
    }

    /** The condition as written, from the positions the parser recorded; its own rendering when it has none. */
    private String text(BaseDescr d) {
        int from = d.getStartCharacter();
        int to = d.getEndCharacter();
        if (from >= 0 && to > from && to <= file.length()) {
            return file.substring(from, to).trim().replaceAll("\\s+", " ");
        }
        return d.getText() != null ? d.getText() : d.toString();
    }

    private static RuleCondition.Constraint expression(String expression) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
        ConstraintConnectiveDescr tree;
        try {
            tree = parser.parse(expression);
        } catch (RuntimeException | StackOverflowError e) {
            // A file the check refuses still gets read; what its conditions mean no longer matters.
            return unreadable(expression);
        }
        if (parser.hasErrors() || tree == null) {
            return unreadable(expression);
        }
        return constraint(tree);
    }

    private static RuleCondition.Constraint constraint(BaseDescr d) {
        if (d instanceof ConstraintConnectiveDescr c && !c.isNegated()
                && (c.getConnective() == ConnectiveType.AND || c.getConnective() == ConnectiveType.OR)) {
            if (c.getDescrs().size() == 1) {
                return constraint(c.getDescrs().get(0));
            }
            return new RuleCondition.Connective(c.getConnective() == ConnectiveType.AND,
                    c.getDescrs().stream().map(ConditionReader::constraint).toList());
        }
        if (d instanceof BindingDescr b && NAME.matcher(b.getExpression()).matches()) {
            return new RuleCondition.Bind(b.getVariable(), b.getExpression());
        }
        if (d instanceof RelationalExprDescr r && r.getLeft() instanceof AtomicExprDescr left
                && r.getRight() instanceof AtomicExprDescr right) {
            return new RuleCondition.Compare(operand(left), r.getOperator(), r.isNegated(), operand(right));
        }
        return unreadable(d.toString());
    }

    /** A constraint whose shape why-not does not evaluate: a comparison that never holds, shown as written. */
    private static RuleCondition.Constraint unreadable(String text) {
        RuleCondition.Operand what = new RuleCondition.Operand(null, null, null, null, text);
        return new RuleCondition.Compare(what, "?", false, what);
    }

    private static RuleCondition.Operand operand(AtomicExprDescr a) {
        String e = a.getExpression().trim();
        if (e.length() >= 2 && (e.startsWith("\"") && e.endsWith("\"") || e.startsWith("'") && e.endsWith("'"))) {
            return new RuleCondition.Operand(null, null, null, e.substring(1, e.length() - 1)
                    .replace("\\\"", "\"").replace("\\\\", "\\"), e);
        }
        if (e.equals("true") || e.equals("false")) {
            return new RuleCondition.Operand(null, null, null, Boolean.valueOf(e), e);
        }
        if (NUMBER.matcher(e).matches()) {
            return new RuleCondition.Operand(null, null, null, Double.valueOf(e), e);
        }
        var v = VARIABLE.matcher(e);
        if (v.matches()) {
            return new RuleCondition.Operand(null, v.group(1), v.group(2), null, e);
        }
        if (NAME.matcher(e).matches() && !e.equals("null")) {
            return new RuleCondition.Operand(e, null, null, null, e);
        }
        return new RuleCondition.Operand(null, null, null, null, e);
    }
}
