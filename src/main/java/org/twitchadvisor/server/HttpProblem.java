package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Question;

import java.util.List;
import java.util.Map;

/**
 * An error answer as RFC 9457 {@code application/problem+json}: type, title, status, detail, the path it is about,
 * and for bad input the same problem list the command line prints (question, value, message), with the values the
 * question allows. Never a stack trace.
 */
final class HttpProblem {
    static final String CONTENT_TYPE = "application/problem+json";
    /** The type of a 400 whose body is a questionnaire the advisor refused. */
    static final String INVALID_INPUT = "urn:twitch-advisor:problem:invalid-input";

    private HttpProblem() {
    }

    /**
     * Answers with a problem.
     *
     * @param ctx the exchange
     * @param status the HTTP status
     * @param title the status in words
     * @param detail what was wrong, in a sentence
     */
    static void send(Context ctx, ObjectMapper json, int status, String title, String detail) {
        ctx.status(status).contentType(CONTENT_TYPE).result(json.createObjectNode().put("type", "about:blank")
                .put("title", title).put("status", status).put("detail", detail).put("instance", ctx.path()).toString());
    }

    /**
     * Answers 400 with every problem of the input.
     *
     * @param ctx the exchange
     * @param problems the problems the advisor found
     * @param questions the question table by id, for the allowed values
     */
    static void invalid(Context ctx, ObjectMapper json, List<Problem> problems, Map<String, Question> questions) {
        ObjectNode body = json.createObjectNode().put("type", INVALID_INPUT).put("title", "Bad input").put("status", 400)
                .put("detail", problems.size() == 1 ? problems.get(0).message()
                        : problems.size() + " problems: " + problems.get(0).message() + "; ...")
                .put("instance", ctx.path());
        ArrayNode list = body.putArray("problems");
        for (Problem p : problems) {
            ObjectNode item = list.addObject();
            if (p.question() != null) {
                item.put("question", p.question());
            }
            if (p.value() != null) {
                item.put("value", p.value());
            }
            item.put("message", p.message());
            Question q = p.question() == null ? null : questions.get(p.question());
            if (q != null && !q.values().isEmpty()) {
                q.values().forEach(item.putArray("allowed")::add);
            }
        }
        ctx.status(400).contentType(CONTENT_TYPE).result(body.toString());
    }
}
