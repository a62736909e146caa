package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.questions.QuestionnaireReader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.Question;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.RunawayRulesException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assesses a few made-up questionnaires under the firing bound as soon as a rule set is compiled, so that
 * rules that keep withdrawing and re-deriving each other's support are refused when the folder is loaded,
 * with the rule named, and not on the first real assessment. The questionnaires answer every question in
 * turn with extreme and then seeded random values; they take a few milliseconds.
 */
final class SettleProbe {
    /** Fixed, so a folder that passes passes every time. */
    private static final long SEED = 20_261_201L;
    private static final int RANDOM_PEOPLE = 8;

    private SettleProbe() {
    }

    /**
     * @param kb a compiled rule set
     * @return one error naming the looping rule, or nothing when every probe settled
     */
    static List<RuleProblem> probe(KnowledgeBase kb) {
        return probe(kb, Engine.defaultMaxFirings(kb));
    }

    /**
     * @param kb a compiled rule set
     * @param maxFirings the firing bound
     * @return one error naming the looping rule, or nothing when every probe settled
     */
    static List<RuleProblem> probe(KnowledgeBase kb, int maxFirings) {
        ObjectMapper json = new ObjectMapper();
        QuestionnaireReader reader = new QuestionnaireReader(kb.data().questions(), json);
        Engine engine = new Engine(kb, maxFirings);
        java.util.Collection<Question> questions = kb.data().questions().all();
        Map<String, ObjectNode> people = new LinkedHashMap<>();
        people.put("every question answered: yes, the first values, the highest numbers", person(json, questions, null, true));
        people.put("every question answered: no, the last values, the lowest numbers", person(json, questions, null, false));
        Random random = new Random(SEED);
        for (int i = 1; i <= RANDOM_PEOPLE; i++) {
            people.put("random answers, probe " + i + " of " + RANDOM_PEOPLE, person(json, questions, random, true));
        }
        for (Map.Entry<String, ObjectNode> p : people.entrySet()) {
            try {
                engine.assess(reader.fromJson(p.getValue()));
            } catch (RunawayRulesException e) {
                RuleInfo rule = kb.rule(e.rule());
                return List.of(new RuleProblem(rule == null ? "" : rule.file(), rule == null ? 0 : rule.line(), 1,
                        "error", "rule \"" + e.rule() + "\" keeps firing (over " + maxFirings + " firings for one "
                        + "made-up questionnaire, " + p.getKey() + "): its conclusion makes it, or a rule it feeds, "
                        + "fire again, so the rules never settle"));
            } catch (RuntimeException ignored) {
                // A probe the question table cannot express is no loop; the loop is what this looks for.
            }
        }
        return List.of();
    }

    /** Every question answered: the first values and the maxima, the last values and the minima, or at random. */
    private static ObjectNode person(ObjectMapper json, java.util.Collection<Question> questions, Random random, boolean high) {
        ObjectNode p = json.createObjectNode();
        for (Question q : questions) {
            if (random != null && random.nextInt(4) == 0) {
                continue;
            }
            List<String> values = q.values();
            switch (q.type()) {
                case TEXT -> p.put(q.id(), "probe");
                case YES_NO -> p.put(q.id(), random == null ? high : random.nextBoolean());
                case ONE_OF -> p.put(q.id(), values.get(random == null ? (high ? 0 : values.size() - 1)
                        : random.nextInt(values.size())));
                case ANY_OF -> {
                    ArrayNode chosen = p.putArray(q.id());
                    values.stream().filter(v -> random == null ? high : random.nextBoolean()).forEach(chosen::add);
                }
                case NUMBER -> {
                    BigDecimal min = q.min() == null ? BigDecimal.ZERO : q.min();
                    BigDecimal max = q.max() == null ? min.add(BigDecimal.valueOf(100)) : q.max();
                    BigDecimal v = random == null ? (high ? max : min)
                            : min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())));
                    p.put(q.id(), v.setScale(2, java.math.RoundingMode.HALF_UP));
                }
                default -> {
                }
            }
        }
        return p;
    }
}
