package org.twitchadvisor.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.Question;

import java.util.Collection;

/**
 * The question table as a FHIR R4 {@code Questionnaire}: one item per question, {@code linkId} = question id,
 * the allowed values as {@code answerOption} codings (code = value), any-of questions {@code repeats}, number
 * bounds as the core {@code minValue}/{@code maxValue} extensions.
 */
public final class FhirQuestionnaire {
    /** The canonical URL of the exported Questionnaire, which a QuestionnaireResponse names in {@code questionnaire}. */
    public static final String URL = "urn:twitch-advisor:questionnaire";
    /** The code system of every answer coding: the value ids of the question table. */
    public static final String CODE_SYSTEM = "urn:twitch-advisor:answer";
    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FhirQuestionnaire() {
    }

    /**
     * @param questions the question table, in the order a person answers it
     * @param ruleset the rule set id, the Questionnaire's {@code version}
     * @return the Questionnaire resource as a JSON tree
     */
    public static ObjectNode of(Collection<Question> questions, String ruleset) {
        ObjectNode q = JSON.objectNode();
        q.put("resourceType", "Questionnaire");
        q.put("id", "twitch-advisor");
        q.put("url", URL);
        q.put("version", ruleset);
        q.put("name", "TwitchAdvisor");
        q.put("title", "Twitch Advisor: muscle twitching, diet and habits");
        q.put("status", "active");
        q.putArray("subjectType").add("Patient");
        q.put("description", "Which nutrient deficiency or habit may explain muscle twitching. Not a medical device; "
                + "it gives no diagnosis.");
        ArrayNode items = q.putArray("item");
        for (Question question : questions) {
            items.add(item(question));
        }
        return q;
    }

    private static ObjectNode item(Question question) {
        ObjectNode item = JSON.objectNode();
        if (question.type() == Question.Type.NUMBER) {
            ArrayNode ext = JSON.arrayNode();
            if (question.min() != null) {
                ext.addObject().put("url", MIN_VALUE).put("valueDecimal", question.min());
            }
            if (question.max() != null) {
                ext.addObject().put("url", MAX_VALUE).put("valueDecimal", question.max());
            }
            if (!question.unit().isEmpty()) {
                ext.addObject().put("url", UNIT).putObject("valueCoding").put("display", question.unit());
            }
            if (!ext.isEmpty()) {
                item.set("extension", ext);
            }
        }
        item.put("linkId", question.id());
        item.put("text", question.text());
        item.put("type", type(question.type()));
        if (question.type() == Question.Type.ANY_OF) {
            item.put("repeats", true);
        }
        if (question.type() == Question.Type.ONE_OF || question.type() == Question.Type.ANY_OF) {
            ArrayNode options = item.putArray("answerOption");
            for (String value : question.values()) {
                options.addObject().putObject("valueCoding").put("system", CODE_SYSTEM).put("code", value)
                        .put("display", value.replace('_', ' '));
            }
        }
        return item;
    }

    /**
     * @param type a question type
     * @return the FHIR R4 item type that answers it
     */
    static String type(Question.Type type) {
        return switch (type) {
            case YES_NO -> "boolean";
            case ONE_OF, ANY_OF -> "choice";
            case NUMBER -> "decimal";
            case TEXT -> "string";
        };
    }
}
