package org.twitchadvisor.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.RunawayRulesException;
import org.twitchadvisor.TwitchAdvisor;

import java.util.Iterator;
import java.util.List;

/**
 * Assesses one partition of answers on an executor, one row out per row in: an assessed row, or an error record
 * saying why not. What travels to the executor is this small object (column layout, explanation level, the rules
 * as text); the compiled advisor is the executor's own ({@link AdvisorHolder}).
 *
 * @param rules the rules as text, or {@code null} for the bundled rules
 * @param columns which column holds which question
 * @param rows the output columns
 * @param level how much explanation to keep
 */
record PartitionAssessor(RulesText rules, AnswerColumns columns, ResultRows rows, ExplainLevel level)
        implements MapPartitionsFunction<Row, Row> {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionAssessor.class);
    private static final Problem NO_RESPONDENT = new Problem("respondent", null,
            "no respondent: every record of a batch needs a 'respondent' id to name its result");
    private static final Problem MALFORMED = new Problem(null, null,
            "this row does not have as many cells as the header has columns");
    private static final Problem INTERNAL_ERROR = new Problem(null, null,
            "internal error while assessing this record (a bug: please report it); the other records are not affected");

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        TwitchAdvisor advisor = AdvisorHolder.advisor(rules);
        // Lazily, row by row: a partition is never held in memory whole.
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row row = input.next();
                try {
                    return assess(advisor, row);
                } catch (RuntimeException | StackOverflowError e) {
                    LOG.debug("internal error on a row of {}", columns.reserved(row, AnswerColumns.FILE), e);
                    return reject(row, List.of(INTERNAL_ERROR), null);
                }
            }
        };
    }

    private Row assess(TwitchAdvisor advisor, Row row) {
        if (columns.reserved(row, AnswerColumns.MALFORMED) != null) {
            return reject(row, List.of(MALFORMED), null);
        }
        Questionnaire q;
        try {
            q = columns.questionnaire(advisor, row);
        } catch (InvalidQuestionnaireException e) {
            List<Problem> problems = e.problems();
            if (columns.respondent(row) == null && columns.shape() != AnswerColumns.Shape.JSON) {
                problems = prepend(problems);
            }
            return reject(row, problems, null);
        }
        if (q.respondent() == null) {
            return reject(row, List.of(NO_RESPONDENT), null);
        }
        Assessment a;
        try {
            a = advisor.assess(q);
        } catch (RunawayRulesException e) {
            return reject(row, List.of(new Problem(null, null, e.getMessage())), e.rule());
        } catch (RuntimeException e) {
            LOG.debug("rules failed on a row of {}", columns.reserved(row, AnswerColumns.FILE), e);
            String rule = e instanceof ConsequenceException c && c.getRule() != null
                    ? "the action of rule \"" + c.getRule().getName() + "\"" : "a rule's action";
            return reject(row, List.of(new Problem(null, null, "the rules failed on this questionnaire: " + rule
                    + " stopped with an error (check the rules folder, or report it for the bundled rules)")), null);
        }
        return rows.assessed(a, level, level.json(advisor, a));
    }

    private static List<Problem> prepend(List<Problem> problems) {
        java.util.ArrayList<Problem> all = new java.util.ArrayList<>(problems.size() + 1);
        all.add(NO_RESPONDENT);
        all.addAll(problems);
        return all;
    }

    private Row reject(Row row, List<Problem> problems, String rule) {
        return rows.rejected(columns.reserved(row, AnswerColumns.FILE), columns.respondent(row), problems, rule,
                columns.input(row));
    }
}
