package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Condition;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.internal.authoring.lint.FactModel;
import org.twitchadvisor.internal.engine.DerivationRecorder;
import org.twitchadvisor.internal.engine.RuleCondition;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Evaluates rule conditions against the facts of one assessment the way Drools matches them: patterns left to
 * right, each binding its {@code $variables} for the conditions after it. Where nothing matches, it says why:
 * an answer given differs, a question was not answered, or a conclusion was not reached (which
 * {@link #concluded} follows further). Not thread-safe; one per question asked.
 */
abstract class ConditionMatcher {
    /** Far more combinations than a rule of the bundled shape binds; a bound keeps a pathological one cheap. */
    private static final int MAX_ENVS = 64;
    private static final Object UNEVALUABLE = new Object();
    private static final Map<Class<?>, Map<String, Method>> FIELDS = new ConcurrentHashMap<>();

    private final Questionnaire answers;
    private final List<Object> facts;
    private final Map<Object, DerivationRecorder.Derivation> derivations;
    private final Map<String, Question> questions = new HashMap<>();

    /**
     * @param answers the answers, to show what was answered
     * @param facts every fact of the session: answers, reference data and conclusions
     * @param derivations how each conclusion was reached
     */
    ConditionMatcher(Questionnaire answers, List<Object> facts, Map<Object, DerivationRecorder.Derivation> derivations) {
        this.answers = answers;
        this.facts = facts;
        this.derivations = derivations;
    }

    /** The {@code $variables} bound so far: a fact, or a field's value. */
    record Env(Map<String, Object> bound) {
        Env {
            bound = Map.copyOf(bound.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    enum Status { MET, FAILED, UNKNOWN }

    /**
     * What one condition (or a rule's body) says.
     *
     * @param status whether it holds, fails, or waits on answers
     * @param envs the bindings it leaves for the conditions after it (the ones it was given when it did not hold)
     * @param matched the facts that matched, for a pattern
     * @param met its conditions that hold
     * @param failed its conditions that fail
     * @param unknown its conditions waiting on answers
     * @param impossible whether reference data fails it, so no answer can make it hold
     */
    record Outcome(Status status, List<Env> envs, List<Object> matched, List<Condition> met, List<Condition> failed,
                   List<Condition> unknown, boolean impossible) {
        static Outcome met(List<Env> envs, List<Object> matched, List<Condition> met) {
            return new Outcome(Status.MET, envs, matched, met, List.of(), List.of(), false);
        }

        static Outcome failed(List<Condition> failed, boolean impossible) {
            return new Outcome(Status.FAILED, List.of(), List.of(), List.of(), failed, List.of(), impossible);
        }

        static Outcome unknown(List<Condition> unknown) {
            return new Outcome(Status.UNKNOWN, List.of(), List.of(), List.of(), List.of(), unknown, false);
        }
    }

    /** Why a pattern on a conclusion matched nothing: the rules that could conclude it, evaluated in turn. */
    abstract Outcome concluded(RuleCondition.Pattern p, List<Env> envs, int depth, Set<String> visiting);

    /** Conditions that must all hold, evaluated in order as Drools joins them. */
    Outcome all(List<RuleCondition> conditions, List<Env> start, int depth, Set<String> visiting) {
        List<Env> envs = start;
        List<Condition> met = new ArrayList<>();
        List<Condition> failed = new ArrayList<>();
        List<Condition> unknown = new ArrayList<>();
        boolean impossible = false;
        for (RuleCondition c : conditions) {
            Outcome o = condition(c, envs, depth, visiting);
            met.addAll(o.met());
            failed.addAll(o.failed());
            unknown.addAll(o.unknown());
            impossible |= o.impossible();
            if (o.status() == Status.MET && !o.envs().isEmpty()) {
                envs = o.envs();
            }
        }
        Status status = !failed.isEmpty() ? Status.FAILED : !unknown.isEmpty() ? Status.UNKNOWN : Status.MET;
        return new Outcome(status, envs, List.of(), met, failed, unknown, impossible);
    }

    private Outcome condition(RuleCondition c, List<Env> envs, int depth, Set<String> visiting) {
        if (c instanceof RuleCondition.Pattern p) {
            return pattern(p, envs, depth, visiting);
        }
        if (c instanceof RuleCondition.Not n) {
            return not(n, envs, depth, visiting);
        }
        if (c instanceof RuleCondition.Exists e) {
            Outcome o = condition(e.inner(), envs, depth, visiting);
            return o.status() == Status.MET ? Outcome.met(envs, o.matched(), o.met()) : o;
        }
        if (c instanceof RuleCondition.All a) {
            return all(a.parts(), envs, depth, visiting);
        }
        if (c instanceof RuleCondition.Any a) {
            return any(a, envs, depth, visiting);
        }
        return Outcome.unknown(List.of(new Condition(null, c.text()
                + " — why-not does not evaluate this kind of condition")));
    }

    private Outcome any(RuleCondition.Any a, List<Env> envs, int depth, Set<String> visiting) {
        List<Condition> failed = new ArrayList<>();
        List<Condition> unknown = new ArrayList<>();
        boolean impossible = true;
        for (RuleCondition option : a.options()) {
            Outcome o = condition(option, envs, depth, visiting);
            if (o.status() == Status.MET) {
                return o;
            }
            failed.addAll(o.failed());
            unknown.addAll(o.unknown());
            impossible &= o.impossible();
        }
        return unknown.isEmpty() ? Outcome.failed(failed, impossible) : Outcome.unknown(unknown);
    }

    private Outcome not(RuleCondition.Not n, List<Env> envs, int depth, Set<String> visiting) {
        Outcome inner = condition(n.inner(), envs, depth, visiting);
        String words = "no " + (n.inner() instanceof RuleCondition.Pattern p ? words(p, envs.get(0)) : n.inner().text());
        String question = n.inner() instanceof RuleCondition.Pattern p ? first(questionsOf(p, envs)) : null;
        if (inner.status() != Status.MET) {
            String why = inner.status() == Status.UNKNOWN ? " — holds while nothing says otherwise" : " — holds";
            return Outcome.met(envs, List.of(), List.of(new Condition(question, words + why)));
        }
        // What blocks the rule: the fact that matched, and the answers it rests on, so a lab value is named.
        List<Condition> blocked = new ArrayList<>();
        for (Object fact : inner.matched()) {
            DerivationRecorder.Derivation d = derivations.get(fact);
            if (d == null) {
                blocked.add(new Condition(question, words + " — but " + answered(question)));
                continue;
            }
            Set<String> behind = WhyNotAnalysis.questions(fact, derivations);
            if (behind.isEmpty()) {
                blocked.add(new Condition(null, words + " — but \"" + d.rule() + "\" concluded it"));
            }
            for (String q : behind) {
                blocked.add(new Condition(q, words + " — but \"" + d.rule() + "\" concluded it from " + answered(q)));
            }
        }
        return Outcome.failed(blocked, false);
    }

    private Outcome pattern(RuleCondition.Pattern p, List<Env> envs, int depth, Set<String> visiting) {
        List<Env> matches = new ArrayList<>();
        List<Object> matched = new ArrayList<>();
        for (Env env : envs) {
            for (Object fact : facts) {
                Env e = match(p, fact, env);
                if (e != null && matches.size() < MAX_ENVS) {
                    matches.add(e);
                    if (!matched.contains(fact)) {
                        matched.add(fact);
                    }
                }
            }
        }
        FactModel.FactType type = FactModel.type(p.type());
        Env first = envs.get(0);
        if (!matches.isEmpty()) {
            return Outcome.met(matches, matched, List.of(described(p, matches.get(0), matched.get(0))));
        }
        if (type == null || type.kind() == FactModel.Kind.REFERENCE) {
            return Outcome.failed(List.of(new Condition(null, words(p, first) + " — not in the rules' tables")), true);
        }
        if (type.kind() == FactModel.Kind.CONCLUSION) {
            return concluded(p, envs, depth, visiting);
        }
        List<String> asked = questionsOf(p, envs);
        List<Condition> unknown = new ArrayList<>();
        List<Condition> failed = new ArrayList<>();
        for (String q : asked) {
            if (answers.answers().containsKey(q)) {
                failed.add(new Condition(q, words(p, first) + " — " + answered(q)));
            } else {
                unknown.add(new Condition(q, words(p, first) + " — not answered"));
            }
        }
        if (asked.isEmpty()) {
            failed.add(new Condition(null, words(p, first) + " — nothing matches"));
        }
        return unknown.isEmpty() ? Outcome.failed(failed, false) : Outcome.unknown(unknown);
    }

    /** A condition that holds, with the answers or the rule that made it hold. */
    private Condition described(RuleCondition.Pattern p, Env env, Object fact) {
        String words = words(p, env);
        DerivationRecorder.Derivation d = derivations.get(fact);
        FactModel.FactType type = FactModel.type(p.type());
        if (type != null && type.kind() == FactModel.Kind.INPUT) {
            String q = first(questionsOf(p, List.of(env)));
            return new Condition(q, words + " — " + answered(q));
        }
        if (d == null) {
            return new Condition(null, words);
        }
        Set<String> behind = WhyNotAnalysis.questions(fact, derivations);
        String q = behind.isEmpty() ? null : behind.iterator().next();
        return new Condition(q, words + " — concluded by \"" + d.rule() + "\""
                + (behind.isEmpty() ? "" : " from " + behind.stream().map(this::answered).collect(Collectors.joining(", "))));
    }

    /** @return e.g. "answered heavy_sweating = no", "answered symptoms = cramps, fatigue", "not answered" */
    String answered(String question) {
        if (question == null) {
            return "the answers";
        }
        Object a = answers.answers().get(question);
        if (a == null) {
            return question + " not answered";
        }
        return question + " = " + shown(a);
    }

    private static String shown(Object answer) {
        if (answer instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (answer instanceof List<?> l) {
            return l.isEmpty() ? "none" : l.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return answer instanceof BigDecimal n ? n.toPlainString() : String.valueOf(answer);
    }

    private static String first(List<String> questions) {
        return questions.isEmpty() ? null : questions.get(0);
    }

    /** The question ids an Answer or Measurement pattern asks about, from its question constraint. */
    List<String> questionsOf(RuleCondition.Pattern p, List<Env> envs) {
        Set<String> out = new LinkedHashSet<>();
        for (Env env : envs) {
            for (RuleCondition.Constraint c : p.constraints()) {
                collectQuestions(c, env, out);
            }
        }
        return List.copyOf(out);
    }

    private void collectQuestions(RuleCondition.Constraint c, Env env, Set<String> out) {
        if (c instanceof RuleCondition.Compare cmp && cmp.operator().equals("==") && !cmp.negated()
                && "question".equals(cmp.left().field())) {
            Object v = value(cmp.right(), null, env);
            if (v instanceof String s) {
                out.add(s);
            }
        } else if (c instanceof RuleCondition.Connective con) {
            con.parts().forEach(part -> collectQuestions(part, env, out));
        }
    }

    /**
     * The value a pattern requires of a field, when it asks for exactly one: {@code nutrient == "iron"} or a
     * {@code $variable} already bound; {@code null} otherwise.
     */
    Object required(RuleCondition.Pattern p, String field, Env env) {
        for (RuleCondition.Constraint c : p.constraints()) {
            if (c instanceof RuleCondition.Compare cmp && cmp.operator().equals("==") && !cmp.negated()
                    && field.equals(cmp.left().field())) {
                Object v = value(cmp.right(), null, env);
                if (v != UNEVALUABLE && v != null) {
                    return v;
                }
            } else if (c instanceof RuleCondition.Bind b && b.field().equals(field) && env.bound().containsKey(b.variable())) {
                return env.bound().get(b.variable());
            }
        }
        return null;
    }

    /**
     * Whether a pattern's constraints on one field admit a value a rule writes into that field of its conclusion:
     * {@code verdict in ("deficient", "borderline")} admits {@code "deficient"}, not {@code "adequate"}.
     */
    boolean admits(RuleCondition.Pattern p, String field, Object value, Env env) {
        for (RuleCondition.Constraint c : p.constraints()) {
            if (onlyAbout(c, field) && !holds(c, Map.of(field, value), new HashMap<>(env.bound()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a constraint compares one field with values or bound variables only. */
    private static boolean onlyAbout(RuleCondition.Constraint c, String field) {
        if (c instanceof RuleCondition.Compare cmp) {
            return field.equals(cmp.left().field()) && cmp.right().field() == null;
        }
        return c instanceof RuleCondition.Connective con && con.parts().stream().allMatch(x -> onlyAbout(x, field));
    }

    // ---- matching ----

    private Env match(RuleCondition.Pattern p, Object fact, Env env) {
        if (!fact.getClass().getSimpleName().equals(p.type())) {
            return null;
        }
        Map<String, Object> bound = new HashMap<>(env.bound());
        for (RuleCondition.Constraint c : p.constraints()) {
            if (!holds(c, fact, bound)) {
                return null;
            }
        }
        if (p.binding() != null) {
            Object already = bound.get(p.binding());
            if (already != null && already != fact) {
                return null;
            }
            bound.put(p.binding(), fact);
        }
        return new Env(bound);
    }

    private boolean holds(RuleCondition.Constraint c, Object fact, Map<String, Object> bound) {
        if (c instanceof RuleCondition.Bind b) {
            Object v = field(fact, b.field());
            Object already = bound.get(b.variable());
            if (already == null) {
                bound.put(b.variable(), v);
                return true;
            }
            return same(already, v);
        }
        if (c instanceof RuleCondition.Connective con) {
            return con.all() ? con.parts().stream().allMatch(x -> holds(x, fact, bound))
                    : con.parts().stream().anyMatch(x -> holds(x, fact, bound));
        }
        RuleCondition.Compare cmp = (RuleCondition.Compare) c;
        Env env = new Env(bound);
        Object l = value(cmp.left(), fact, env);
        Object r = value(cmp.right(), fact, env);
        Boolean result = l == UNEVALUABLE || r == UNEVALUABLE ? null : compare(l, cmp.operator(), r);
        // A comparison that cannot be evaluated never holds, like one the engine cannot match.
        return result != null && result != cmp.negated();
    }

    private static Boolean compare(Object l, String op, Object r) {
        switch (op) {
            case "==":
                return same(l, r);
            case "!=":
                return !same(l, r);
            case "<", ">", "<=", ">=": {
                if (!(l instanceof Number a) || !(r instanceof Number b)) {
                    return null;
                }
                int c = Double.compare(a.doubleValue(), b.doubleValue());
                return switch (op) {
                    case "<" -> c < 0;
                    case ">" -> c > 0;
                    case "<=" -> c <= 0;
                    default -> c >= 0;
                };
            }
            case "matches":
                try {
                    return l instanceof String s && r instanceof String re && s.matches(re);
                } catch (PatternSyntaxException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }

    /** An operand's value for a fact under bindings; {@link #UNEVALUABLE} when it cannot be known. */
    private Object value(RuleCondition.Operand o, Object fact, Env env) {
        if (o.field() != null) {
            return fact == null ? UNEVALUABLE : o.field().equals("this") ? fact : field(fact, o.field());
        }
        if (o.variable() != null) {
            Object v = env.bound().get(o.variable());
            if (v == null) {
                return UNEVALUABLE;
            }
            return o.variableField() == null ? v : field(v, o.variableField());
        }
        if (o.literal() == null && !o.text().equals("null")) {
            return UNEVALUABLE;
        }
        return o.literal();
    }

    /** A record component's value by name, as a Drools field reference reads it. */
    private static Object field(Object fact, String name) {
        if (fact instanceof Map<?, ?> fields) {
            // A conclusion not made yet, as the values a rule would give it.
            return fields.containsKey(name) ? fields.get(name) : UNEVALUABLE;
        }
        Method m = FIELDS.computeIfAbsent(fact.getClass(), ConditionMatcher::accessors).get(name);
        if (m == null) {
            return UNEVALUABLE;
        }
        try {
            return m.invoke(fact);
        } catch (ReflectiveOperationException e) {
            return UNEVALUABLE;
        }
    }

    private static Map<String, Method> accessors(Class<?> type) {
        Map<String, Method> out = new HashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        if (components != null) {
            for (RecordComponent c : components) {
                out.put(c.getName(), c.getAccessor());
            }
        }
        return out;
    }

    // ---- words ----

    /**
     * A pattern in words with its variables filled in: {@code symptoms: vomiting}, {@code heavy_sweating: yes},
     * {@code lab_magnesium_mmol_l < 0.75}, or the fact as written, {@code LabResult(nutrient == "iron", verdict == "adequate")}.
     */
    String words(RuleCondition.Pattern p, Env env) {
        FactModel.FactType type = FactModel.type(p.type());
        if (type != null && type.kind() == FactModel.Kind.INPUT) {
            String q = first(questionsOf(p, List.of(env)));
            List<String> rest = new ArrayList<>();
            for (RuleCondition.Constraint c : p.constraints()) {
                if (!mentionsQuestion(c)) {
                    rest.add(constraintWords(c, env, true));
                }
            }
            String joined = String.join(" and ", rest);
            boolean comparison = !rest.isEmpty() && "<>=!".indexOf(joined.charAt(0)) >= 0;
            return (q == null ? p.type() : q) + (rest.isEmpty() ? " answered" : (comparison ? " " : ": ") + joined);
        }
        List<String> parts = new ArrayList<>();
        for (RuleCondition.Constraint c : p.constraints()) {
            parts.add(constraintWords(c, env, false));
        }
        return p.type() + "(" + String.join(", ", parts) + ")";
    }

    private static boolean mentionsQuestion(RuleCondition.Constraint c) {
        if (c instanceof RuleCondition.Compare cmp) {
            return "question".equals(cmp.left().field());
        }
        if (c instanceof RuleCondition.Bind b) {
            return b.field().equals("question");
        }
        return ((RuleCondition.Connective) c).parts().stream().allMatch(ConditionMatcher::mentionsQuestion);
    }

    /** One constraint in words; for an answer, the field {@code value} goes unsaid ({@code cramps or spasms}). */
    private String constraintWords(RuleCondition.Constraint c, Env env, boolean answer) {
        if (c instanceof RuleCondition.Bind b) {
            return env.bound().containsKey(b.variable()) ? b.field() + " == " + literal(env.bound().get(b.variable()))
                    : b.field();
        }
        if (c instanceof RuleCondition.Connective con) {
            return con.parts().stream().map(x -> constraintWords(x, env, answer))
                    .collect(Collectors.joining(con.all() ? " and " : " or "));
        }
        RuleCondition.Compare cmp = (RuleCondition.Compare) c;
        String right = operandWords(cmp.right(), env);
        boolean valueField = answer && "value".equals(cmp.left().field());
        String op = cmp.negated() ? "not " + cmp.operator() : cmp.operator();
        if (valueField && op.equals("==")) {
            return right;
        }
        if (valueField && op.equals("!=")) {
            return "not " + right;
        }
        return (valueField ? "" : operandWords(cmp.left(), env) + " ") + op + " " + right;
    }

    private String operandWords(RuleCondition.Operand o, Env env) {
        if (o.variable() != null) {
            Object v = value(o, null, env);
            if (v != UNEVALUABLE && (v instanceof String || v instanceof Number || v instanceof Boolean)) {
                return literal(v);
            }
        }
        if (o.literal() instanceof String s) {
            return s;
        }
        if (o.literal() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return o.text();
    }

    private static String literal(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(v);
    }
}
