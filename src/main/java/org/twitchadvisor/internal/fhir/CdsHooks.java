package org.twitchadvisor.internal.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Triage;
import org.twitchadvisor.internal.engine.ReferenceData;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * CDS Hooks 2.0: the discovery document of the one service, the QuestionnaireResponse a call carries in its
 * {@code context} or {@code prefetch}, and an assessment as cards: one per red flag and per likely or confirmed
 * finding, the most pressing first, optional fields omitted rather than null. A red flag's card is {@code critical} when urgent and
 * {@code warning} otherwise; a finding's card is {@code info} when the triage is self-care and {@code warning}
 * otherwise.
 */
public final class CdsHooks {
    /** The id of the one service, the last segment of its URL. */
    public static final String SERVICE_ID = "twitch-advisor";
    /** The prefetch key and context field that carry the QuestionnaireResponse. */
    public static final String KEY = "questionnaireResponse";
    /** The card summary limit of the specification: fewer than 140 characters. */
    static final int MAX_SUMMARY = 139;
    /** The card indicators, most pressing first. */
    public static final List<String> INDICATORS = List.of("critical", "warning", "info");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CdsHooks() {
    }

    /** @return the {@code GET /cds-services} response */
    public static ObjectNode discovery() {
        ObjectNode root = JSON.objectNode();
        ObjectNode service = root.putArray("services").addObject();
        service.put("hook", "patient-view");
        service.put("title", "Twitch Advisor");
        service.put("description", "Which nutrient deficiency or habit may explain a patient's muscle twitching, from "
                + "their answers to the Twitch Advisor questionnaire (" + FhirQuestionnaire.URL + "): triage, findings "
                + "with the reasons and the articles behind them, and advice. Not a medical device.");
        service.put("id", SERVICE_ID);
        service.putObject("prefetch").put(KEY, "QuestionnaireResponse?subject={{context.patientId}}&questionnaire="
                + FhirQuestionnaire.URL + "&_sort=-authored&_count=1");
        service.put("usageRequirements", "Send the patient's QuestionnaireResponse to the questionnaire at GET "
                + "/fhir/Questionnaire in prefetch." + KEY + " (the resource or a searchset Bundle) or context." + KEY + ".");
        return root;
    }

    /**
     * The QuestionnaireResponse of a service call.
     *
     * @param request the parsed call
     * @return the resource
     * @throws InvalidQuestionnaireException naming the missing field
     */
    public static JsonNode questionnaireResponse(JsonNode request) {
        List<Problem> problems = new ArrayList<>();
        if (!request.isObject()) {
            throw invalid("a CDS Hooks request must be a JSON object");
        }
        for (String field : List.of("hook", "hookInstance")) {
            if (!request.path(field).isTextual()) {
                problems.add(new Problem(null, null, "the CDS Hooks request has no '" + field + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        JsonNode found = resource(request.path("context").get(KEY));
        if (found == null) {
            found = resource(request.path("prefetch").get(KEY));
        }
        if (found == null && request.path("prefetch").isObject()) {
            Iterator<JsonNode> each = request.path("prefetch").elements();
            while (found == null && each.hasNext()) {
                found = resource(each.next());
            }
        }
        if (found == null) {
            throw invalid("the CDS Hooks request carries no QuestionnaireResponse: put it in context." + KEY
                    + " or prefetch." + KEY + " (the resource, or a Bundle holding it)");
        }
        return found;
    }

    private static InvalidQuestionnaireException invalid(String message) {
        return new InvalidQuestionnaireException(List.of(new Problem(null, null, message)));
    }

    /** The QuestionnaireResponse itself, or the first one a Bundle holds. */
    private static JsonNode resource(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        String type = node.path(FhirResponseReader.RESOURCE_TYPE).asText();
        if (type.equals("QuestionnaireResponse")) {
            return node;
        }
        if (type.equals("Bundle")) {
            for (JsonNode entry : node.path("entry")) {
                if (entry.path("resource").path(FhirResponseReader.RESOURCE_TYPE).asText().equals("QuestionnaireResponse")) {
                    return entry.get("resource");
                }
            }
        }
        return null;
    }

    /**
     * @param assessment the assessment of the call's answers
     * @param data the tables, for subject labels and source titles
     * @return the {@code {"cards": [...]}} response
     */
    public static ObjectNode cards(Assessment assessment, ReferenceData data) {
        ObjectNode root = JSON.objectNode();
        List<ObjectNode> cards = new ArrayList<>();
        for (Finding f : assessment.findings()) {
            boolean redFlag = f.type().equals("red_flag");
            if (!redFlag && !f.level().equals("likely") && !f.level().equals("confirmed")) {
                continue;
            }
            ObjectNode card = JSON.objectNode();
            cards.add(card);
            card.put("summary", summary(redFlag ? redFlagSummary(f, data) : f.summary()));
            card.put("indicator", redFlag ? (f.level().equals(Triage.URGENT.id()) ? "critical" : "warning")
                    : assessment.triage() == Triage.SELF_CARE ? "info" : "warning");
            card.put("detail", detail(f, data));
            TreeSet<String> sources = new TreeSet<>();
            f.because().forEach(e -> sources(e, sources));
            card.putObject("source").put("label", sourceLabel(sources, data));
        }
        // The most pressing first, as a clinician reads them; within a level, the assessment's order.
        cards.sort(java.util.Comparator.comparingInt(c -> INDICATORS.indexOf(c.get("indicator").asText())));
        root.putArray("cards").addAll(cards);
        return root;
    }

    private static String redFlagSummary(Finding f, ReferenceData data) {
        String label = data.label(f.type(), f.subject());
        return (f.level().equals(Triage.URGENT.id()) ? "Urgent: seek care promptly for " : "See a doctor: ") + label;
    }

    /** At most {@link #MAX_SUMMARY} characters, cut at a word with an ellipsis. */
    static String summary(String text) {
        if (text.length() <= MAX_SUMMARY) {
            return text;
        }
        String cut = text.substring(0, MAX_SUMMARY - 1);
        int space = cut.lastIndexOf(' ');
        return (space > 80 ? cut.substring(0, space) : cut) + "…";
    }

    private static String detail(Finding f, ReferenceData data) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(escape(f.summary())).append("** (").append(f.type().replace('_', ' ')).append(", ")
                .append(f.level().replace('_', ' ')).append(", score ").append(String.format(java.util.Locale.ROOT, "%.2f", f.score()))
                .append(")\n\n**Why**\n\n");
        f.because().forEach(e -> tree(e, 0, md));
        if (!f.advice().isEmpty()) {
            md.append("\n**What to do**\n\n");
            f.advice().forEach(a -> md.append("- ").append(escape(a)).append('\n'));
        }
        md.append("\n_Twitch Advisor points to causes health articles name; it is not a medical device and gives no "
                + "diagnosis._");
        return md.toString();
    }

    private static void tree(Explanation e, int depth, StringBuilder md) {
        md.append("  ".repeat(depth)).append("- ").append(escape(e.rule())).append(" [").append(String.join(", ", e.sources()))
                .append(']');
        if (!e.answers().isEmpty()) {
            md.append(" (answered ");
            int n = 0;
            for (Map.Entry<String, Object> a : e.answers().entrySet()) {
                md.append(n++ == 0 ? "" : ", ").append('`').append(a.getKey()).append("`: ").append(escape(String.valueOf(a.getValue())));
            }
            md.append(')');
        }
        md.append('\n');
        e.because().forEach(child -> tree(child, depth + 1, md));
    }

    private static void sources(Explanation e, TreeSet<String> into) {
        into.addAll(e.sources());
        e.because().forEach(child -> sources(child, into));
    }

    private static String sourceLabel(TreeSet<String> ids, ReferenceData data) {
        StringBuilder label = new StringBuilder("Twitch Advisor, from ");
        int n = 0;
        for (String id : ids) {
            ReferenceData.Source s = data.sources().get(id);
            label.append(n++ == 0 ? "" : "; ").append(id).append(s == null ? "" : " " + s.title());
        }
        return n == 0 ? "Twitch Advisor" : label.toString();
    }

    /** Markdown's own characters in a text that is not meant as Markdown. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]#<>])", "\\\\$1");
    }
}
