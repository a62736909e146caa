package org.twitchadvisor.batch;

import org.twitchadvisor.Assessment;
import org.twitchadvisor.TwitchAdvisor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One assessment as the batch writes it in JSON Lines at an explanation level, for callers that write their
 * own files (the Spark job's {@code explanation} column), so that every output of a level has one shape.
 * Thread-safe: it holds no per-call state.
 */
public final class JsonLine {

    private final ResultFormat format;

    /**
     * @param advisor the advisor whose assessments are written (its advice ids and catalogue)
     * @param level how much of each explanation to keep
     */
    public JsonLine(TwitchAdvisor advisor, BatchOptions.Explain level) {
        this.format = ResultFormat.of(BatchOptions.defaults().withExplain(level), advisor);
    }

    /**
     * @param assessment an assessment made by this line's advisor
     * @return its line, without the line break
     */
    public String of(Assessment assessment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        format.write(assessment, out);
        String line = out.toString(StandardCharsets.UTF_8);
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
