package org.twitchadvisor.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Question;
import org.twitchadvisor.internal.questions.QuestionCatalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a FHIR R4 {@code QuestionnaireResponse} that answers {@link FhirQuestionnaire} into the plain answers
 * object of the questionnaire contract, which the questionnaire reader then validates like any other: each item's
 * {@code linkId} is a question id, {@code valueBoolean}, {@code valueCoding} (its code), {@code valueDecimal},
 * {@code valueInteger} and {@code valueString} its answer, repeated answers an any-of list; group items and answers'
 * nested items are read too. The respondent is the {@code respondent} item, else the resource's
 * {@code identifier.value}.
 */
public final class FhirResponseReader {
    /** The field that marks a FHIR resource; no question is called that. */
    public static final String RESOURCE_TYPE = "resourceType";
    private static final String RESPONDENT = "respondent";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FhirResponseReader() {
    }

    /**
     * What a response gave: the answers that could be read, and the items that could not.
     *
     * @param answers the answers as the questionnaire contract's JSON object
     * @param problems every item that cannot be read, by {@code linkId} and position
     */
    public record Read(ObjectNode answers, List<Problem> problems) {
    }

    /**
     * @param resource the parsed resource
     * @param catalog the question table, which says which questions take a list
     * @return the answers and the problems
     * @throws InvalidQuestionnaireException when the resource is not a QuestionnaireResponse
     */
    public static Read read(JsonNode resource, QuestionCatalog catalog) {
        List<Problem> problems = new ArrayList<>();
        JsonNode type = resource.get(RESOURCE_TYPE);
        if (type == null || !"QuestionnaireResponse".equals(type.asText())) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, type == null ? null : type.toString(),
                    "a FHIR resource must be a QuestionnaireResponse to be assessed, not " + (type == null ? "nothing"
                            : type.toString()))));
        }
        Map<String, List<JsonNode>> given = new LinkedHashMap<>();
        collect(resource.get("item"), "item", given, problems);
        ObjectNode answers = JSON.objectNode();
        JsonNode identifier = resource.path("identifier").path("value");
        if (!given.containsKey(RESPONDENT) && identifier.isTextual()) {
            answers.set(RESPONDENT, identifier);
        }
        for (Map.Entry<String, List<JsonNode>> e : given.entrySet()) {
            Question q = catalog.get(e.getKey());
            List<JsonNode> values = e.getValue();
            if (q != null && q.type() == Question.Type.ANY_OF) {
                ArrayNode list = answers.putArray(e.getKey());
                values.forEach(list::add);
            } else if (values.size() > 1) {
                problems.add(new Problem(e.getKey(), null, "question '" + e.getKey() + "' has " + values.size()
                        + " answers; only an any-of question takes more than one"));
            } else if (values.size() == 1) {
                answers.set(e.getKey(), values.get(0));
            }
        }
        return new Read(answers, problems);
    }

    private static void collect(JsonNode items, String path, Map<String, List<JsonNode>> given,
                                List<Problem> problems) {
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            problems.add(new Problem(null, null, path + " must be an array of items"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = path + "[" + i + "]";
            JsonNode linkId = item.get("linkId");
            if (linkId == null || !linkId.isTextual()) {
                problems.add(new Problem(null, null, at + " has no linkId"));
                continue;
            }
            String id = linkId.asText();
            JsonNode answers = item.get("answer");
            if (answers != null && !answers.isNull()) {
                if (given.containsKey(id)) {
                    problems.add(new Problem(id, null, "the question '" + id + "' is answered twice (" + at + ")"));
                    continue;
                }
                List<JsonNode> values = new ArrayList<>();
                given.put(id, values);
                if (!answers.isArray()) {
                    problems.add(new Problem(id, null, at + ".answer (linkId '" + id + "') must be an array"));
                    continue;
                }
                for (int j = 0; j < answers.size(); j++) {
                    JsonNode value = value(answers.get(j), id, at + ".answer[" + j + "]", problems);
                    if (value != null) {
                        values.add(value);
                    }
                    collect(answers.get(j).get("item"), at + ".answer[" + j + "].item", given, problems);
                }
            }
            collect(item.get("item"), at + ".item", given, problems);
        }
    }

    /** The answer's value as the contract's JSON, or {@code null} with a problem. */
    private static JsonNode value(JsonNode answer, String id, String at, List<Problem> problems) {
        Iterator<Map.Entry<String, JsonNode>> fields = answer.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "valueBoolean", "valueString", "valueDecimal", "valueInteger":
                    return v;
                case "valueCoding":
                    JsonNode system = v.get("system");
                    if (system != null && !FhirQuestionnaire.CODE_SYSTEM.equals(system.asText())) {
                        problems.add(new Problem(id, system.asText(), at + " (linkId '" + id + "'): the coding's system "
                                + system + " is not " + FhirQuestionnaire.CODE_SYSTEM));
                        return null;
                    }
                    JsonNode code = v.get("code");
                    if (code == null || !code.isTextual()) {
                        problems.add(new Problem(id, null, at + " (linkId '" + id + "'): valueCoding has no code"));
                        return null;
                    }
                    return code;
                default:
                    if (f.getKey().startsWith("value")) {
                        problems.add(new Problem(id, f.getKey(), at + " (linkId '" + id + "'): " + f.getKey()
                                + " is not an answer this questionnaire takes (valueBoolean, valueCoding, valueDecimal, "
                                + "valueInteger or valueString)"));
                        return null;
                    }
            }
        }
        problems.add(new Problem(id, null, at + " (linkId '" + id + "') has no value"));
        return null;
    }
}
