package org.twitchadvisor.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.Problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the errors file: why one input record gave no assessment. One record per rejected input record,
 * so the errors file has exactly as many lines as the summary's {@code rejected}; {@code question} and
 * {@code value} are those of the first problem, {@code message} joins all of them, {@code problems} lists
 * them one by one.
 *
 * @param file the input file
 * @param line the line the record starts on, or {@code null} for a JSON file of a folder
 * @param respondent the respondent, when known
 * @param question the question of the first problem, or {@code null} when it is about the whole record
 * @param value the offending value of the first problem, or {@code null}
 * @param message every problem, joined by "; "
 * @param rule the rule that looped, for a questionnaire stopped by the runaway-rule guard
 * @param problems every problem found
 */
@JsonPropertyOrder({"file", "line", "respondent", "question", "value", "message", "rule", "problems"})
record ErrorRecord(String file, Long line, String respondent, String question, String value, String message,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String rule, List<Problem> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ErrorRecord of(RawRecord r, String respondent, List<Problem> problems, String rule) {
        Problem first = problems.get(0);
        return new ErrorRecord(r.file(), r.line() > 0 ? r.line() : null, respondent, first.question(), first.value(),
                problems.stream().map(Problem::message).collect(Collectors.joining("; ")), rule, problems);
    }

    /** @return the record as one line of JSON */
    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error record always serialises", e);
        }
    }
}
