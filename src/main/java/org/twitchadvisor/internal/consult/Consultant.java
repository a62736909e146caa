package org.twitchadvisor.internal.consult;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.Consultation;
import org.twitchadvisor.NextQuestion;
import org.twitchadvisor.Question;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.StopRule;
import org.twitchadvisor.internal.engine.ReferenceData;
import org.twitchadvisor.internal.questions.QuestionCatalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which unanswered questions are worth asking. For every applicable question it assesses each candidate
 * answer (see {@link CandidateAnswers}) and keeps the question when some answer changes what the stop rule counts.
 * An answer that opens other questions (a gate such as {@code labs_tested}) is followed into them: a gate is worth
 * asking when an answer to a question it opens would change the result. Immutable and thread-safe: it keeps no
 * state between calls, and the assessing function it is given must be thread-safe.
 */
public final class Consultant {
    /** How deep gates are followed; the checks refuse circles, so this only bounds a long chain of gates. */
    private static final int GATE_DEPTH = 3;

    private final QuestionCatalog questions;
    private final Function<Questionnaire, Assessment> assess;
    private final CandidateAnswers candidates;
    private final Why why;

    /**
     * @param data the tables: questions, reference ranges and limits (where the thresholds of number answers come from)
     * @param assess how one questionnaire is assessed; thread-safe
     */
    public Consultant(ReferenceData data, Function<Questionnaire, Assessment> assess) {
        this.questions = data.questions();
        this.assess = assess;
        this.candidates = new CandidateAnswers(data);
        this.why = new Why(data);
    }

    /**
     * One step of a consultation.
     *
     * @param answers the answers so far
     * @param skipped questions the person chose not to answer: never proposed again
     * @param stopRule which changes count
     * @return the assessment now, the questions worth asking, ranked, and whether to stop
     */
    public Consultation consult(Questionnaire answers, Set<String> skipped, StopRule stopRule) {
        Assessment base = assess.apply(answers);
        List<Candidate> worth = new ArrayList<>();
        for (Question q : questions.all()) {
            if (open(q, answers.answers(), skipped) && questions.applies(q, answers.answers())) {
                List<Outcome> outcomes = new ArrayList<>();
                probe(q, answers.answers(), answers.respondent(), base, skipped, List.of(), 0, outcomes);
                if (outcomes.stream().anyMatch(o -> o.difference().matters(stopRule))) {
                    worth.add(Candidate.of(q, outcomes, questions.order(q.id())));
                }
            }
        }
        worth.sort(Comparator.comparingInt(Candidate::triageRise).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::size).reversed())
                .thenComparingInt(Candidate::order));
        List<NextQuestion> next = worth.stream().map(c -> next(c, base)).toList();
        return new Consultation(base, next, next.isEmpty());
    }

    private static boolean open(Question q, Map<String, Object> answers, Set<String> skipped) {
        return !answers.containsKey(q.id()) && !skipped.contains(q.id());
    }

    /** Assesses each candidate answer to {@code q} on top of {@code answers}, and follows any question an answer opens. */
    private void probe(Question q, Map<String, Object> answers, String respondent, Assessment base, Set<String> skipped,
                       List<String> before, int depth, List<Outcome> outcomes) {
        for (Object value : candidates.of(q.id())) {
            Map<String, Object> with = new HashMap<>(answers);
            with.put(q.id(), value);
            List<String> tried = new ArrayList<>(before);
            tried.add(q.id() + "=" + words(value));
            Assessment a = assess.apply(new Questionnaire(respondent, with));
            outcomes.add(new Outcome(tried, a, Difference.between(base, a)));
            if (depth < GATE_DEPTH) {
                for (Question opened : questions.all()) {
                    if (open(opened, with, skipped) && !questions.applies(opened, answers) && questions.applies(opened, with)) {
                        probe(opened, with, respondent, base, skipped, tried, depth + 1, outcomes);
                    }
                }
            }
        }
    }

    /** An answer as the command line and CSV write it: {@code yes}, {@code vegan}, {@code a;b}, {@code none}, {@code 0.74}. */
    static String words(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof List<?> l) {
            return l.isEmpty() ? "none" : String.join(";", l.stream().map(String::valueOf).toList());
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    private NextQuestion next(Candidate c, Assessment base) {
        Question q = c.question();
        Why.Answer reasons = why.explain(q.id(), base, c.outcomes());
        boolean number = q.type() == Question.Type.NUMBER;
        return new NextQuestion(q.id(), q.text(), q.type().name().toLowerCase(Locale.ROOT), QuestionCatalog.answerValues(q),
                number && !q.unit().isEmpty() ? q.unit() : null, number ? q.min() : null, number ? q.max() : null,
                reasons.text(), reasons.waiting());
    }

    /** A question worth asking, with what its answers would do and how much. */
    private record Candidate(Question question, List<Outcome> outcomes, int order, int triageRise, int size) {
        static Candidate of(Question q, List<Outcome> outcomes, int order) {
            return new Candidate(q, outcomes, order,
                    outcomes.stream().mapToInt(o -> o.difference().triageRise()).max().orElse(0),
                    outcomes.stream().mapToInt(o -> o.difference().size()).max().orElse(0));
        }
    }
}
