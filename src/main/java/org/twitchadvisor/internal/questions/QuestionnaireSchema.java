package org.twitchadvisor.internal.questions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twitchadvisor.Question;

import java.util.Collection;

/**
 * The JSON Schema (2020-12) of a questionnaire in JSON, made from the question table, for form builders and
 * other languages. It states the canonical form (booleans for yes/no, the listed values in lower case, an
 * array for any-of); the reader also takes the spellings the questionnaire contract allows besides
 * ({@code "yes"}, any case, surrounding blanks), so a questionnaire the schema accepts is always read.
 */
public final class QuestionnaireSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QuestionnaireSchema() {
    }

    /**
     * @param questions the questions, in the table's order
     * @return the schema, pretty-printed, ending with a newline
     */
    public static String of(Collection<Question> questions) {
        ObjectNode schema = MAPPER.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", "Twitch Advisor questionnaire");
        schema.put("description", "One person's answers, keyed by question id. A question left out or null is not "
                + "answered (unknown, which is not 'no'); an id that is not a question is an error. Generated from "
                + "rules/data/questions.csv by 'twitch rules schema'.");
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (Question q : questions) {
            properties.set(q.id(), property(q));
        }
        schema.put("additionalProperties", false);
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private static ObjectNode property(Question q) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("title", q.text());
        switch (q.type()) {
            case TEXT -> types(p, "string");
            case YES_NO -> types(p, "boolean");
            case ONE_OF -> {
                types(p, "string");
                values(p.putArray("enum"), q).addNull();
            }
            case ANY_OF -> {
                types(p, "array");
                p.put("description", "Any of the values; [] means none of these.");
                values(p.putObject("items").putArray("enum"), q);
            }
            case NUMBER -> {
                types(p, "number");
                if (!q.unit().isEmpty()) {
                    p.put("description", "In " + q.unit() + ".");
                }
                if (q.min() != null) {
                    p.put("minimum", q.min());
                }
                if (q.max() != null) {
                    p.put("maximum", q.max());
                }
            }
        }
        return p;
    }

    /** Every answer may be null: not answered. */
    private static void types(ObjectNode p, String type) {
        p.putArray("type").add(type).add("null");
    }

    private static ArrayNode values(ArrayNode array, Question q) {
        q.values().forEach(array::add);
        return array;
    }
}
