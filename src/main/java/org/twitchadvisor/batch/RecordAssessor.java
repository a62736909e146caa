package org.twitchadvisor.batch;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.RunawayRulesException;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Turns a chunk of raw records into output bytes, error-record bytes and counts, on a worker thread. Every
 * record gives exactly one output line or one error line; nothing a record holds stops the others.
 */
final class RecordAssessor {
    private static final Logger LOG = LoggerFactory.getLogger(RecordAssessor.class);
    private static final Problem NO_RESPONDENT = new Problem("respondent", null,
            "no respondent: every record of a batch needs a 'respondent' id to name its result");
    /** Only reads the respondent of a record that failed validation, for its error record; as strict as the advisor. */
    private static final ObjectMapper PROBE = new ObjectMapper();

    static {
        PROBE.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(JsonLinesRecordReader.MAX_LINE_CHARS).maxNestingDepth(20).build());
    }

    /** What one chunk gave: the bytes to append to each file and the counts to add to the summary. */
    record Result(Bytes results, Bytes errors, Tally tally) {
    }

    /** A chunk's bytes, which can drop what a record that then failed had already written. */
    static final class Bytes extends ByteArrayOutputStream {
        Bytes(int size) {
            super(size);
        }

        /** @param size a length this buffer had before, back to which it is cut */
        void truncate(int size) {
            count = size;
        }
    }

    /** Said for a record that failed in a way no check foresaw: a bug, named as one, for this record only. */
    private static final Problem INTERNAL_ERROR = new Problem(null, null,
            "internal error while assessing this record (a bug: please report it); the other records are not affected");

    /** A chunk's buffer is kept for reuse unless an unusual chunk grew it past this. */
    private static final int MAX_KEPT_BUFFER = 4 << 20;

    private final TwitchAdvisor advisor;
    private final CsvHeader header;
    private final ResultFormat format;
    private final Compression compression;
    private final boolean report;
    /**
     * Result buffers the writer is done with. Why: a chunk's megabyte, allocated afresh, was zeroed by the JVM
     * and grown by copying for every 128 rows; a reused one is neither. Never more buffers than chunks in flight.
     */
    private final Queue<Bytes> spare = new ConcurrentLinkedQueue<>();

    /**
     * @param advisor assesses and validates
     * @param header the CSV header, or {@code null} for JSON input
     * @param format how an assessment is written
     * @param compression how a chunk's results are compressed, each chunk on its own
     * @param report whether each chunk also counts for a population report
     */
    RecordAssessor(TwitchAdvisor advisor, CsvHeader header, ResultFormat format, Compression compression,
                   boolean report) {
        this.report = report;
        this.advisor = advisor;
        this.header = header;
        this.format = format;
        this.compression = compression;
    }

    Result assess(List<RawRecord> records) {
        // Lines go straight into bytes, sized for a typical assessment: each line is copied once, not three times.
        Bytes out = spare.poll();
        if (out == null) {
            out = new Bytes(records.size() * 8192);
        }
        Bytes errors = new Bytes(0);
        Tally tally = new Tally(report);
        for (RawRecord r : records) {
            int written = out.size();
            int rejected = errors.size();
            try {
                assess(r, out, errors, tally);
            } catch (RuntimeException | StackOverflowError e) {
                // Whatever one record does, it ends as that record's error record and the chunk goes on; the tally
                // changes last in every path, so only the bytes of the failed attempt need undoing.
                LOG.debug("internal error on {} line {}", r.file(), r.line(), e);
                out.truncate(written);
                errors.truncate(rejected);
                reject(r, respondentOf(r), List.of(INTERNAL_ERROR), null, errors, tally);
            }
        }
        if (compression != Compression.NONE) {
            // Compressed here, on the worker, as a member of its own: the writer thread alone could not keep up.
            Bytes packed = new Bytes(out.size() / 8 + 64);
            compression.compressMember(out, packed);
            out.reset();
            spare.offer(out);
            out = packed;
        }
        return new Result(out, errors, tally);
    }

    /** The respondent of a record that failed unexpectedly, as far as it can be told without risking another failure. */
    private String respondentOf(RawRecord r) {
        try {
            return r.cells() != null && header != null && r.cells().length == header.width()
                    ? header.respondent(r.cells()) : r.respondent() != null ? r.respondent() : r.defaultRespondent();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Takes back a chunk's result buffer once its bytes are written, for a later chunk.
     *
     * @param written a result of {@link #assess(List)} whose bytes are no longer needed
     */
    void recycle(Result written) {
        Bytes out = written.results();
        if (compression == Compression.NONE && out.size() <= MAX_KEPT_BUFFER) {
            out.reset();
            spare.offer(out);
        }
    }

    private static void writeLine(ByteArrayOutputStream to, String line) {
        to.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        to.write('\n');
    }

    private void assess(RawRecord r, ByteArrayOutputStream out, ByteArrayOutputStream errors, Tally tally) {
        if (r.problem() != null) {
            reject(r, r.respondent(), List.of(r.problem()), null, errors, tally);
            return;
        }
        List<Problem> problems = new ArrayList<>(2);
        Questionnaire q = null;
        String respondent;
        if (r.cells() != null) {
            respondent = header.respondent(r.cells());
            if (respondent == null) {
                problems.add(NO_RESPONDENT);
            }
            try {
                q = advisor.fromCsvCells(header.answers(r.cells(), problems));
            } catch (InvalidQuestionnaireException e) {
                problems.addAll(e.problems());
            }
        } else {
            boolean named;
            try {
                q = advisor.readJson(r.json());
                respondent = q.respondent();
                named = respondent != null;
            } catch (InvalidQuestionnaireException e) {
                problems.addAll(e.problems());
                JsonNode node = probe(r.json());
                JsonNode id = node == null ? null : node.get("respondent");
                respondent = id != null && (id.isTextual() || id.isNumber()) && !id.asText().isBlank()
                        ? id.asText().trim() : null;
                // Unreadable JSON has no respondent to miss; an object without one does.
                named = node == null || !node.isObject() || respondent != null;
            }
            if (!named) {
                if (r.defaultRespondent() != null) {
                    respondent = r.defaultRespondent();
                    q = q == null ? null : new Questionnaire(respondent, q.answers());
                } else {
                    problems.add(0, NO_RESPONDENT);
                }
            }
        }
        if (!problems.isEmpty()) {
            reject(r, respondent, problems, null, errors, tally);
            return;
        }
        Assessment a;
        try {
            a = advisor.assess(q);
        } catch (RunawayRulesException e) {
            reject(r, respondent, List.of(new Problem(null, null, e.getMessage())), e.rule(), errors, tally);
            return;
        } catch (RuntimeException e) {
            // A rule's action threw: this questionnaire has no assessment, the others still do. The exception's
            // class and text are Java's, for the log; the record says what happened in words.
            LOG.debug("rules failed on {} line {}", r.file(), r.line(), e);
            String rule = e instanceof ConsequenceException c && c.getRule() != null
                    ? "the action of rule \"" + c.getRule().getName() + "\"" : "a rule's action";
            reject(r, respondent, List.of(new Problem(null, null, "the rules failed on this questionnaire: " + rule
                    + " stopped with an error (check the rules folder, or report it for the bundled rules)")),
                    null, errors, tally);
            return;
        }
        format.write(a, out);
        tally.assessed(a);
    }

    private static JsonNode probe(String json) {
        try {
            return PROBE.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private static void reject(RawRecord r, String respondent, List<Problem> problems, String rule,
                               ByteArrayOutputStream errors, Tally tally) {
        writeLine(errors, ErrorRecord.of(r, respondent, problems, rule).toJson());
        tally.rejected(problems.get(0));
    }
}
