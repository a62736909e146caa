package org.twitchadvisor.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.AskIf;
import org.twitchadvisor.Question;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question table as a FHIR R4 {@code Questionnaire}: one item per question, {@code linkId} = question id,
 * the allowed values as {@code answerOption} codings (code = value), any-of questions {@code repeats}, number
 * bounds as the core {@code minValue}/{@code maxValue} extensions, the skip logic as {@code enableWhen}.
 */
public final class FhirQuestionnaire {
    /** The canonical URL of the exported Questionnaire, which a QuestionnaireResponse names in {@code questionnaire}. */
    public static final String URL = "urn:twitch-advisor:questionnaire";
    /** The code system of every answer coding: the value ids of the question table. */
    public static final String CODE_SYSTEM = "urn:twitch-advisor:answer";
    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    private static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    private static final String ENABLE_WHEN_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
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
        Map<String, Question> byId = new HashMap<>();
        questions.forEach(question -> byId.put(question.id(), question));
        for (Question question : questions) {
            ObjectNode item = item(question);
            enableWhen(question, byId, item);
            items.add(item);
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
     * The skip logic as {@code enableWhen}: conditions on one question are alternatives ({@code enableBehavior any}),
     * single conditions on several questions must all hold ({@code all}). A mix of both, which R4's flat list cannot
     * say, is given as the SDC {@code enableWhenExpression} in FHIRPath instead.
     */
    private static void enableWhen(Question question, Map<String, Question> byId, ObjectNode item) {
        List<AskIf> conditions = question.askIf();
        if (conditions.isEmpty()) {
            return;
        }
        Map<String, List<AskIf>> byQuestion = new LinkedHashMap<>();
        conditions.forEach(c -> byQuestion.computeIfAbsent(c.question(), k -> new ArrayList<>()).add(c));
        boolean mixed = byQuestion.size() > 1 && byQuestion.values().stream().anyMatch(l -> l.size() > 1);
        if (mixed) {
            List<String> all = new ArrayList<>();
            byQuestion.forEach((id, alternatives) -> all.add("(" + String.join(" or ", alternatives.stream()
                    .map(c -> path(c, byId.get(c.question()))).toList()) + ")"));
            ArrayNode ext = item.has("extension") ? (ArrayNode) item.get("extension") : item.putArray("extension");
            ext.addObject().put("url", ENABLE_WHEN_EXPRESSION).putObject("valueExpression")
                    .put("language", "text/fhirpath").put("expression", String.join(" and ", all));
            return;
        }
        ArrayNode list = item.putArray("enableWhen");
        for (AskIf c : conditions) {
            ObjectNode when = list.addObject().put("question", c.question());
            if (c.operator().equals(AskIf.ANSWERED)) {
                when.put("operator", "exists").put("answerBoolean", true);
            } else if (byId.get(c.question()) != null && byId.get(c.question()).type() == Question.Type.YES_NO) {
                when.put("operator", "=").put("answerBoolean", c.value().equals("yes"));
            } else {
                when.put("operator", "=").putObject("answerCoding").put("system", CODE_SYSTEM).put("code", c.value());
            }
        }
        if (list.size() > 1) {
            item.put("enableBehavior", byQuestion.size() == 1 ? "any" : "all");
        }
    }

    /** One condition in FHIRPath over the QuestionnaireResponse. */
    private static String path(AskIf c, Question on) {
        String answers = "%resource.repeat(item).where(linkId = '" + c.question() + "').answer";
        if (c.operator().equals(AskIf.ANSWERED)) {
            return answers + ".exists()";
        }
        return answers + (on != null && on.type() == Question.Type.YES_NO ? ".where(value = " + c.value().equals("yes") + ")"
                : ".where(value.code = '" + c.value() + "')") + ".exists()";
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
