package org.twitchadvisor.internal.engine;

import java.util.List;

/**
 * One condition of a rule as Drools' own parser read it (see {@code authoring.lint.ConditionReader}): the
 * structure why-not evaluates against a person's answers, without parsing the rule text again.
 */
public sealed interface RuleCondition {

    /** @return the condition as written in the rule file */
    String text();

    /**
     * A fact pattern, e.g. {@code $r : RiskFactor(factor == "fluid_loss")}.
     *
     * @param type the fact type's simple name
     * @param binding the {@code $name} the matched fact is bound to, or {@code null}
     * @param constraints its constraints, all of which must hold
     * @param text as written
     */
    record Pattern(String type, String binding, List<Constraint> constraints, String text) implements RuleCondition {
        /** Unmodifiable copy. */
        public Pattern {
            constraints = List.copyOf(constraints);
        }
    }

    /**
     * {@code not ...}: holds when nothing matches.
     *
     * @param inner what must not match
     * @param text as written
     */
    record Not(RuleCondition inner, String text) implements RuleCondition {
    }

    /**
     * {@code exists ...}: holds when something matches, binding nothing.
     *
     * @param inner what must match
     * @param text as written
     */
    record Exists(RuleCondition inner, String text) implements RuleCondition {
    }

    /**
     * Conditions that must all hold ({@code and}, or the body of a rule).
     *
     * @param parts the conditions in order
     * @param text as written
     */
    record All(List<RuleCondition> parts, String text) implements RuleCondition {
        /** Unmodifiable copy. */
        public All {
            parts = List.copyOf(parts);
        }
    }

    /**
     * Conditions of which one must hold ({@code or}).
     *
     * @param options the alternatives
     * @param text as written
     */
    record Any(List<RuleCondition> options, String text) implements RuleCondition {
        /** Unmodifiable copy. */
        public Any {
            options = List.copyOf(options);
        }
    }

    /**
     * A condition why-not does not evaluate ({@code forall}), reported as unknown rather than guessed.
     *
     * @param text as written
     */
    record Unevaluated(String text) implements RuleCondition {
    }

    /** One constraint of a pattern, from Drools' expression parser. */
    sealed interface Constraint {
    }

    /**
     * {@code left operator right}, e.g. {@code value < $range.deficientBelow}.
     *
     * @param left the left operand
     * @param operator {@code ==}, {@code !=}, {@code <}, {@code >}, {@code <=}, {@code >=}, or another Drools operator
     * @param negated whether the comparison is negated ({@code !(...)})
     * @param right the right operand
     */
    record Compare(Operand left, String operator, boolean negated, Operand right) implements Constraint {
    }

    /**
     * {@code $q : question}: binds a field's value, or compares it with the value already bound.
     *
     * @param variable the {@code $name}
     * @param field the field
     */
    record Bind(String variable, String field) implements Constraint {
    }

    /**
     * Constraints joined by {@code &&} ({@code all} true) or {@code ||} ({@code all} false); {@code in (...)}
     * reads as an or of equalities.
     *
     * @param all whether every part must hold, else one
     * @param parts the parts
     */
    record Connective(boolean all, List<Constraint> parts) implements Constraint {
        /** Unmodifiable copy. */
        public Connective {
            parts = List.copyOf(parts);
        }
    }

    /**
     * An operand: a field of the fact ({@code value}), a bound variable or one of its fields
     * ({@code $range.deficientBelow}), or a literal (text, number, true, false, null).
     *
     * @param field the fact's field, or {@code null}
     * @param variable the {@code $name}, or {@code null}
     * @param variableField the field of the variable's fact, or {@code null}
     * @param literal the literal value ({@code String}, {@code Double}, {@code Boolean}, or {@code null} for null or
     *                a non-literal)
     * @param text as written
     */
    record Operand(String field, String variable, String variableField, Object literal, String text) {
    }
}
