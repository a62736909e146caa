package org.twitchadvisor.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.questions.QuestionnaireReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Request bodies: JSON only, and no larger than the server's limit (which Javalin enforces while reading). */
final class Bodies {
    private Bodies() {
    }

    /**
     * @param ctx the exchange
     * @return the body's bytes
     * @throws HttpResponseException 415 for a body that is declared as something other than JSON, 413 for one
     *         over the limit
     */
    static byte[] json(Context ctx) {
        String type = ctx.contentType();
        if (type != null) {
            String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (!media.equals("application/json") && !(media.startsWith("application/") && media.endsWith("+json"))) {
                throw new HttpResponseException(415, "the body must be JSON (application/json or application/fhir+json),"
                        + " not " + media);
            }
        }
        return ctx.bodyAsBytes();
    }

    /** @return the body as a JSON object, parsed within the questionnaire reader's limits */
    static JsonNode object(Context ctx, ObjectMapper json) {
        byte[] bytes = json(ctx);
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw invalid(null, QuestionnaireReader.jsonError(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || !node.isObject()) {
            throw invalid(null, "the body must be a JSON object");
        }
        return node;
    }

    /** @return the body's {@code answers}: a questionnaire or a QuestionnaireResponse, read as {@code assess} reads one */
    static Questionnaire answers(JsonNode body, TwitchAdvisor advisor, ObjectMapper json) throws JsonProcessingException {
        JsonNode answers = body.get("answers");
        if (answers == null || answers.isNull()) {
            return advisor.readJson("{}");
        }
        if (!answers.isObject()) {
            throw invalid("answers", "'answers' must be a JSON object of question id to answer");
        }
        return advisor.readJson(json.writeValueAsString(answers));
    }

    /** @return the strings of an optional array field */
    static List<String> strings(JsonNode body, String field) {
        JsonNode list = body.get(field);
        List<String> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw invalid(field, "'" + field + "' must be an array of question ids");
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw invalid(field, "'" + field + "' must be an array of question ids, not " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** @return a 400 naming the body's field that is wrong */
    static InvalidQuestionnaireException invalid(String field, String message) {
        return new InvalidQuestionnaireException(List.of(new Problem(field, null, message)));
    }
}
