package org.twitchadvisor.internal.consult;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.WhatIf;
import org.twitchadvisor.internal.questions.QuestionnaireReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Assesses the same answers twice, as given and with some answers changed or removed, and reports the difference.
 * The changed values are read exactly as a questionnaire's are, so a bad one gets the same message. Thread-safe.
 */
public final class WhatIfComparison {
    private final QuestionnaireReader reader;
    private final ObjectMapper json;
    private final Function<Questionnaire, Assessment> assess;

    /**
     * @param reader validates the changed answers
     * @param json turns the changed values into the JSON the reader validates
     * @param assess assesses a questionnaire
     */
    public WhatIfComparison(QuestionnaireReader reader, ObjectMapper json, Function<Questionnaire, Assessment> assess) {
        this.reader = reader;
        this.json = json;
        this.assess = assess;
    }

    /**
     * @param answers the answers as given
     * @param set question id to its new answer, typed as in a JSON questionnaire (text is read as a CSV cell
     *            would be: {@code "yes"}, {@code "2"}, {@code "cramps;spasms"}); {@code null} removes the answer
     * @param unset the questions whose answers are removed
     * @return both assessments and their difference
     * @throws InvalidQuestionnaireException naming every unknown question, value not allowed, or question both
     *         set and removed
     */
    public WhatIf compare(Questionnaire answers, Map<String, ?> set, Set<String> unset) {
        Questionnaire changed = changed(answers, set, unset);
        Assessment before = assess.apply(answers);
        Assessment after = assess.apply(changed);
        return new WhatIf(before, after, AssessmentChanges.between(before, after));
    }

    /** The answers with the changes applied, every changed value validated as questionnaire input. */
    Questionnaire changed(Questionnaire answers, Map<String, ?> set, Set<String> unset) {
        List<Problem> problems = new ArrayList<>();
        ObjectNode given = json.createObjectNode();
        set.forEach((question, value) -> given.set(question, json.valueToTree(value)));
        for (String question : unset) {
            if (set.containsKey(question)) {
                problems.add(new Problem(question, null, "question '" + question + "' is both set and removed: "
                        + "give it a new answer or remove it, not both"));
            } else {
                given.putNull(question);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        // Unknown questions and values get the reader's own messages; null stands for "not answered".
        Questionnaire validated = reader.fromJson(given);
        Map<String, Object> merged = new TreeMap<>(answers.answers());
        String respondent = answers.respondent();
        for (var it = given.fieldNames(); it.hasNext(); ) {
            String id = QuestionnaireReader.normalizedId(it.next());
            merged.remove(id);
            if (id.equals(QuestionnaireReader.RESPONDENT)) {
                respondent = validated.respondent();
            }
        }
        merged.putAll(validated.answers());
        return new Questionnaire(respondent, merged);
    }
}
