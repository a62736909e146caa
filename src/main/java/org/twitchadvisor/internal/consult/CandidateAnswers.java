package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Question;
import org.twitchadvisor.facts.Limit;
import org.twitchadvisor.facts.ReferenceRange;
import org.twitchadvisor.internal.engine.ReferenceData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The answers a consultation tries for each question, enough to see every result an answer could give: yes and no;
 * each one-of value; each any-of value alone and "none of these"; for a number its range's ends and the values at
 * and either side of every threshold the tables compare it with (the question's reference ranges, and the limits in
 * its unit), which is every outcome a {@code <}, {@code >=} or {@code >} comparison with a table value can give.
 */
final class CandidateAnswers {
    private final Map<String, List<Object>> byQuestion = new HashMap<>();

    CandidateAnswers(ReferenceData data) {
        for (Question q : data.questions().all()) {
            byQuestion.put(q.id(), List.copyOf(of(q, data)));
        }
    }

    /** @return the answers to try for a question, as a {@code Questionnaire} holds them; none for text */
    List<Object> of(String question) {
        return byQuestion.getOrDefault(question, List.of());
    }

    private static List<Object> of(Question q, ReferenceData data) {
        List<Object> answers = new ArrayList<>();
        switch (q.type()) {
            case YES_NO -> {
                answers.add(Boolean.TRUE);
                answers.add(Boolean.FALSE);
            }
            case ONE_OF -> answers.addAll(q.values());
            case ANY_OF -> {
                q.values().forEach(v -> answers.add(List.of(v)));
                answers.add(List.of());
            }
            case NUMBER -> answers.addAll(numbers(q, data));
            case TEXT -> { }
        }
        return answers;
    }

    private static TreeSet<BigDecimal> numbers(Question q, ReferenceData data) {
        List<BigDecimal> thresholds = new ArrayList<>();
        for (ReferenceRange r : data.referenceRanges()) {
            if (r.question().equals(q.id())) {
                thresholds.add(BigDecimal.valueOf(r.deficientBelow()));
                thresholds.add(BigDecimal.valueOf(r.adequateFrom()));
            }
        }
        for (Limit l : data.limits().values()) {
            if (!q.unit().isEmpty() && q.unit().equals(l.unit())) {
                thresholds.add(BigDecimal.valueOf(l.value()));
            }
        }
        TreeSet<BigDecimal> values = new TreeSet<>();
        if (q.min() != null) {
            values.add(normal(q.min()));
        }
        if (q.max() != null) {
            values.add(normal(q.max()));
        }
        for (BigDecimal t : thresholds) {
            BigDecimal step = BigDecimal.ONE.movePointLeft(Math.max(0, t.stripTrailingZeros().scale()));
            for (BigDecimal v : List.of(t.subtract(step), t, t.add(step))) {
                if ((q.min() == null || v.compareTo(q.min()) >= 0) && (q.max() == null || v.compareTo(q.max()) <= 0)) {
                    values.add(normal(v));
                }
            }
        }
        return values;
    }

    /** As the questionnaire reader keeps a number: the double's shortest form, whole numbers without a fraction. */
    private static BigDecimal normal(BigDecimal v) {
        BigDecimal d = BigDecimal.valueOf(v.doubleValue()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
