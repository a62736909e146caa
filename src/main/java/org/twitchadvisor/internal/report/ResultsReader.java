package org.twitchadvisor.internal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.twitchadvisor.Problem;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.batch.Compression;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what {@code twitch batch} wrote back into a {@link Population}: a results file (JSON Lines at any
 * {@code --explain} level, plain or {@code .gz}/{@code .zst}), its errors file, or a summary file
 * ({@code --summary}). Anything else is refused with the file and line that showed it.
 */
public final class ResultsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsReader() {
    }

    /**
     * Counts a results file or a summary file.
     *
     * @param file the file
     * @param into the counts
     * @throws TwitchAdvisorException naming the file and line when it is not results, or cannot be read
     */
    public static void readResults(Path file, Population into) {
        long[] at = {0};
        try (BufferedReader in = open(file)) {
            String first = in.readLine();
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
            if (first == null) {
                return;
            }
            if (first.trim().equals("{")) {
                StringBuilder whole = new StringBuilder(first).append('\n');
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    whole.append(line).append('\n');
                }
                summary(file, whole.toString(), into);
                return;
            }
            long n = 1;
            for (String line = first; line != null; line = in.readLine(), n++) {
                at[0] = n;
                if (!line.isBlank()) {
                    result(file, n, line, into);
                }
            }
        } catch (IOException e) {
            throw unreadable(file, at[0], e);
        }
    }

    /**
     * Counts an errors file, one rejected record a line.
     *
     * @param file the errors file
     * @param into the counts
     * @throws TwitchAdvisorException naming the file and line when a line is not an error record
     */
    public static void readErrors(Path file, Population into) {
        long[] at = {0};
        try (BufferedReader in = open(file)) {
            long n = 1;
            for (String line = in.readLine(); line != null; line = in.readLine(), n++) {
                at[0] = n;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode record = parse(file, n, line, "an error record");
                JsonNode problems = record.get("problems");
                if (!record.isObject() || problems == null || !problems.isArray() || problems.isEmpty()) {
                    throw new TwitchAdvisorException(file + ":" + n + ": not an error record of twitch batch: it has no"
                            + " 'problems' list");
                }
                JsonNode p = problems.get(0);
                into.rejected(new Problem(text(p, "question"), text(p, "value"), text(p, "message")));
            }
        } catch (IOException e) {
            throw unreadable(file, at[0], e);
        }
    }

    /**
     * Says what stopped reading: a missing file, bytes that are not UTF-8, a cut or damaged file; and after which
     * line, the last one read whole (the fault is at most a read-ahead buffer further on).
     */
    private static TwitchAdvisorException unreadable(Path file, long line, IOException e) {
        Compression c = Compression.of(file);
        String after = line == 0 ? "before the first line" : "after line " + line;
        if (e instanceof NoSuchFileException) {
            return new TwitchAdvisorException(file + ": no such file", e);
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return new TwitchAdvisorException(file + ": not UTF-8 text, as twitch batch writes, " + after, e);
        }
        if (c != Compression.NONE) {
            return new TwitchAdvisorException(file + ": cannot read: the " + c.name().toLowerCase(java.util.Locale.ROOT)
                    + " data is cut short or damaged " + after + " (" + message(e) + ")", e);
        }
        return new TwitchAdvisorException(file + ": cannot read " + after + ": " + message(e), e);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in;
        try {
            in = Compression.of(file).decompress(raw);
        } catch (IOException e) {
            raw.close();
            throw new TwitchAdvisorException(file + ": not " + Compression.of(file).name().toLowerCase(java.util.Locale.ROOT)
                    + " data, as its name says: " + message(e), e);
        }
        // Strict UTF-8, as the batch writes: a byte that is not is a fault worth naming, not a replacement character.
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    private static void result(Path file, long n, String line, Population into) {
        JsonNode r = parse(file, n, line, "a result");
        JsonNode findings = r.get("findings");
        JsonNode triage = r.get("triage");
        if (!r.isObject() || findings == null || !findings.isArray() || triage == null || !triage.isTextual()) {
            String hint = r.has("problems") ? " (this looks like an errors file: give it with --errors)"
                    : r.has("rowsRead") ? " (a summary file is one indented JSON object, as --summary writes it)"
                    : " (is it a questionnaire rather than a result?)";
            throw new TwitchAdvisorException(file + ":" + n + ": not a result of twitch batch: it has no 'triage' and"
                    + " 'findings'" + hint);
        }
        String explain = r.hasNonNull("explain") ? r.get("explain").asText() : "full";
        List<Population.FindingSeen> seen = new ArrayList<>(findings.size());
        Set<String> rules = explain.equals("none") ? null : new LinkedHashSet<>();
        int i = 0;
        for (JsonNode f : findings) {
            i++;
            String type = text(f, "type");
            String subject = text(f, "subject");
            String level = text(f, "level");
            JsonNode score = f.get("score");
            if (type == null || subject == null || level == null || score == null || !score.isNumber()) {
                throw new TwitchAdvisorException(file + ":" + n + ": finding " + i + " lacks its type, subject, level"
                        + " or numeric score");
            }
            seen.add(new Population.FindingSeen(type, subject, level, score.asDouble()));
            if (rules != null) {
                if (f.has("because")) {
                    namedIn(f.get("because"), rules);
                } else if (f.has("rules")) {
                    f.get("rules").forEach(rule -> rules.add(rule.asText()));
                }
            }
        }
        into.respondent(triage.asText(), seen, text(r, "ruleset"), explain, rules);
    }

    private static void namedIn(JsonNode trees, Set<String> into) {
        for (JsonNode node : trees) {
            if (node.hasNonNull("rule")) {
                into.add(node.get("rule").asText());
            }
            JsonNode below = node.get("because");
            if (below != null && below.isArray()) {
                namedIn(below, into);
            }
        }
    }

    private static void summary(Path file, String text, Population into) {
        JsonNode s;
        try {
            s = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TwitchAdvisorException(file + ":" + e.getLocation().getLineNr() + ": not a summary of twitch batch:"
                    + " not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (!s.has("rowsRead") || !s.path("triage").isObject() || !s.path("findings").isArray()) {
            throw new TwitchAdvisorException(file + ":1: not a summary of twitch batch: it has no 'rowsRead', 'triage'"
                    + " and 'findings'");
        }
        into.fromSummary = true;
        into.assessed += s.path("assessed").asLong();
        into.rejectedWithoutReason(s.path("rejected").asLong());
        s.get("triage").fields().forEachRemaining(e -> into.triage.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        for (JsonNode f : s.get("findings")) {
            String type = text(f, "type");
            String subject = text(f, "subject");
            if (type == null || subject == null) {
                continue;
            }
            var levels = into.findings.computeIfAbsent(type, k -> new java.util.TreeMap<>())
                    .computeIfAbsent(subject, k -> new java.util.TreeMap<>());
            f.path("levels").fields().forEachRemaining(e -> {
                if (e.getValue().asLong() > 0) {
                    levels.merge(e.getKey(), e.getValue().asLong(), Long::sum);
                }
            });
        }
        into.ruleSource = Population.RuleSource.FIRED;
        s.path("rules").fields().forEachRemaining(e -> {
            if (e.getValue().asLong() > 0) {
                into.rules.merge(e.getKey(), e.getValue().asLong(), Long::sum);
            }
        });
        if (s.hasNonNull("ruleset")) {
            into.rulesets.add(s.get("ruleset").asText());
        }
    }

    private static JsonNode parse(Path file, long n, String line, String what) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new TwitchAdvisorException(file + ":" + n + ": not " + what + " of twitch batch: not JSON ("
                    + e.getOriginalMessage() + "); CSV results cannot be read back, use JSON Lines");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String message(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
