package org.twitchadvisor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.twitchadvisor.internal.consult.Consultant;
import org.twitchadvisor.internal.engine.Engine;
import org.twitchadvisor.internal.fhir.CdsHooks;
import org.twitchadvisor.internal.fhir.FhirQuestionnaire;
import org.twitchadvisor.internal.explain.ExplanationJsonCache;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.questions.QuestionnaireReader;
import org.twitchadvisor.internal.questions.QuestionnaireSchema;
import org.twitchadvisor.internal.engine.RuleFolder;
import org.twitchadvisor.internal.explain.TextRenderer;
import org.twitchadvisor.internal.text.Utf8Text;
import org.twitchadvisor.internal.authoring.catalog.Catalogs;
import org.twitchadvisor.internal.consult.WhatIfComparison;
import org.twitchadvisor.internal.consult.WhatIfText;
import org.twitchadvisor.internal.consult.WhyNotAnalysis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Twitch Advisor: which nutrient deficiency or habit may explain a person's muscle twitching, why, and
 * what to do. The one entry point of the library.
 *
 * <pre>{@code
 * TwitchAdvisor advisor = TwitchAdvisor.bundled();          // compiles the rules once; share it
 * Questionnaire q = advisor.readJson("{\"twitching\": true, \"diet\": \"vegan\"}");
 * Assessment a = advisor.assess(q);                          // thread-safe
 * System.out.println(advisor.toText(a));
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe: build it once (the bundled rules come compiled in the jar and
 * load in about a second; a rules folder is checked and compiled, a few seconds) and call {@link #assess} from
 * any number of threads; as many run at once as the machine has cores, and the others wait their turn, which is
 * faster than running all at once. The library starts no threads (except a
 * {@link org.twitchadvisor.batch.BatchRunner} while it runs, which stops them before it returns), writes
 * nothing to standard output, and logs only through SLF4J; it does not pass on a logging binding.
 */
public final class TwitchAdvisor {
    private static final Object BUNDLED_LOCK = new Object();
    private static volatile TwitchAdvisor bundled;

    private final KnowledgeBase kb;
    private final Engine engine;
    private final QuestionnaireReader reader;
    private final Consultant consultant;
    private final WhatIfComparison whatIfs;
    private final WhyNotAnalysis whyNots;
    private final ObjectMapper json;
    private final ObjectMapper prettyJson;
    /** Compact JSON onto a caller's stream, which stays open. */
    private final ObjectWriter streamJson;

    private TwitchAdvisor(KnowledgeBase kb, int maxFirings) {
        this.kb = kb;
        this.engine = new Engine(kb, maxFirings);
        this.json = new ObjectMapper();
        this.json.getFactory().setStreamReadConstraints(QuestionnaireReader.LIMITS);
        this.prettyJson = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        // After the indented copy is made: only compact output can reuse an explanation's text.
        ExplanationJsonCache.install(json);
        this.streamJson = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.reader = new QuestionnaireReader(kb.data().questions(), json);
        this.consultant = new Consultant(kb.data(), engine::assess);
        this.whatIfs = new WhatIfComparison(reader, json, engine::assess);
        this.whyNots = new WhyNotAnalysis(kb, engine);
    }

    /**
     * The advisor on the rules bundled in the jar (the repository's {@code rules/} folder). Compiled on
     * first use, then shared.
     *
     * @return the shared advisor
     * @throws InvalidRulesException if the bundled rules do not compile (a packaging fault)
     */
    public static TwitchAdvisor bundled() {
        TwitchAdvisor b = bundled;
        if (b == null) {
            synchronized (BUNDLED_LOCK) {
                b = bundled;
                if (b == null) {
                    KnowledgeBase kb = KnowledgeBase.load(RuleFolder.bundled(), KnowledgeBase.Checks.SOURCE);
                    b = new TwitchAdvisor(kb, Engine.defaultMaxFirings(kb));
                    bundled = b;
                }
            }
        }
        return b;
    }

    /**
     * An advisor on the rules of a folder laid out like the repository's {@code rules/}: layer folders
     * of {@code .drl} files and the tables in {@code data/}. Each call compiles the folder again; keep
     * the result.
     *
     * <p>Rule files run as Java once compiled, with no sandbox, so the folder is checked first, without
     * running any of it: only the shape {@code docs/authoring.md} describes is compiled (fact patterns in
     * the conditions, one {@code insertLogical} in the action, nothing that reaches the runtime, processes,
     * threads, reflection, files or the network), and every rule's claim, sources and text values are
     * checked against the tables.
     *
     * @param rulesDir the rules folder
     * @return the advisor
     * @throws InvalidRulesException listing every problem as file:line:column; a folder that fails the check
     *         is never compiled
     * @throws TwitchAdvisorException if the folder cannot be read
     */
    public static TwitchAdvisor fromDirectory(Path rulesDir) {
        KnowledgeBase kb = KnowledgeBase.load(RuleFolder.read(rulesDir));
        return new TwitchAdvisor(kb, Engine.defaultMaxFirings(kb));
    }

    /**
     * The same rules with another bound on rule firings per questionnaire (the runaway-rule guard).
     *
     * @param maxFirings the most firings one questionnaire may cause, at least 1
     * @return an advisor sharing these compiled rules
     */
    public TwitchAdvisor withMaxFirings(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        return new TwitchAdvisor(kb, maxFirings);
    }

    /**
     * Assesses one questionnaire.
     *
     * @param questionnaire validated answers (see {@link #readJson} and {@link #questionnaire})
     * @return the explained findings; an immutable value
     * @throws RunawayRulesException if a rule loops
     */
    public Assessment assess(Questionnaire questionnaire) {
        return engine.assess(questionnaire);
    }

    /**
     * One step of a consultation that asks only what can change the result: the assessment of the answers so far,
     * the unanswered questions worth asking (most urgent first, each with why it is asked), and whether to stop.
     * The same as {@link #consultation(Questionnaire, Set, StopRule)} with nothing skipped and
     * {@link StopRule#ALL_FINDINGS}.
     *
     * @param answersSoFar the answers given so far, e.g. {@code {"twitching": true}}
     * @return the step; call again with the next answer added
     * @throws RunawayRulesException if a rule loops
     */
    public Consultation consultation(Questionnaire answersSoFar) {
        return consultation(answersSoFar, Set.of(), StopRule.ALL_FINDINGS);
    }

    /**
     * One step of a consultation. A question is proposed only when it applies (its {@code ask_if} holds), is
     * neither answered nor skipped, and some allowed answer to it would change what the stop rule counts; that is
     * decided by assessing each candidate answer, so it takes a few dozen assessments (milliseconds, see
     * docs/consultation.md). Thread-safe; the consultation keeps no state, the caller keeps the answers.
     *
     * @param answersSoFar the answers given so far
     * @param skipped ids of questions the person chose not to answer, never proposed again
     * @param stopRule which changes count
     * @return the step
     * @throws InvalidQuestionnaireException if a skipped id is not a question
     * @throws RunawayRulesException if a rule loops
     */
    public Consultation consultation(Questionnaire answersSoFar, Set<String> skipped, StopRule stopRule) {
        List<Problem> problems = new ArrayList<>();
        for (String id : skipped) {
            if (kb.data().questions().get(id) == null) {
                String near = kb.data().questions().closest(id);
                problems.add(new Problem(id, null, "skipped question '" + id + "' is not a question"
                        + (near == null ? "" : "; did you mean '" + near + "'?")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidQuestionnaireException(problems);
        }
        return consultant.consult(answersSoFar, Set.copyOf(skipped), stopRule);
    }

    /**
     * HOW one finding was concluded: its derivation tree as text, each rule with its claim, sources and the answers
     * it matched.
     *
     * @param assessment the assessment
     * @param number the finding's number as {@link #toText} prints it, from 1
     * @return the text, ending with a newline
     * @throws IllegalArgumentException naming the numbers there are, when there is no such finding
     */
    public String howText(Assessment assessment, int number) {
        return TextRenderer.how(assessment, number);
    }

    /**
     * What if some answers were different: assesses the answers as given and with the changes, and lists what
     * changed ("if I stopped the diuretic": {@code set = {"medications": []}}, or {@code unset = {"medications"}}).
     *
     * @param answers validated answers
     * @param set question id to its new answer, typed as {@link #questionnaire} takes them; text is read as a CSV
     *            cell is ({@code "yes"}, {@code "0"}, {@code "cramps;spasms"}, {@code "none"}), and {@code null}
     *            removes the answer
     * @param unset the questions whose answers are removed, so they count as not answered
     * @return both assessments and the changes, triage first
     * @throws InvalidQuestionnaireException naming every unknown question and value not allowed, with the same
     *         messages as questionnaire input
     * @throws RunawayRulesException if a rule loops
     */
    public WhatIf whatIf(Questionnaire answers, Map<String, ?> set, Set<String> unset) {
        return whatIfs.compare(answers, set, unset);
    }

    /**
     * Why a subject was not found, or not at a higher level: every rule that could conclude it, each with the
     * conditions that hold, those that fail and those that wait on unanswered questions (named by question id).
     * A condition on a conclusion that was not reached is followed into the rules that could reach it.
     *
     * @param answers validated answers
     * @param subject a finding subject, e.g. {@code magnesium}, {@code caffeine}, or a red flag such as
     *                {@code paralysis} (see {@code rules/data/subjects.csv})
     * @return the level found ({@code null} when not found) and the candidate rules in rule-folder order
     * @throws InvalidQuestionnaireException when the subject is unknown; the message lists the known subjects
     * @throws RunawayRulesException if a rule loops
     */
    public WhyNot whyNot(Questionnaire answers, String subject) {
        return whyNots.explain(answers, subject);
    }

    /**
     * Reads and validates one questionnaire from JSON: an object of question id to answer, or a FHIR R4
     * {@code QuestionnaireResponse} answering {@link #fhirQuestionnaire()} (an object with a {@code resourceType}).
     *
     * @param json the JSON text
     * @return the questionnaire
     * @throws InvalidQuestionnaireException naming the syntax error's position, or every unknown
     *         question and value not allowed
     */
    public Questionnaire readJson(String json) {
        return reader.readJson(json);
    }

    /**
     * Reads and validates one questionnaire from the bytes of a JSON file, which the questionnaire contract says
     * are UTF-8 text; a UTF-8 byte order mark is skipped. Like {@link #readJson(String)}, it also takes a FHIR R4
     * {@code QuestionnaireResponse}.
     *
     * @param json the JSON text as UTF-8 bytes
     * @return the questionnaire
     * @throws InvalidQuestionnaireException naming the first byte that is not UTF-8 (or the other encoding the
     *         text is in), the syntax error's position, or every unknown question and value not allowed
     */
    public Questionnaire readJson(byte[] json) {
        return reader.readJson(json);
    }

    /**
     * Validates answers given as Java values, typed as in JSON: {@code Boolean} (or "yes"/"no"),
     * {@code String}, a {@code List} of strings, a {@code Number}; {@code null} means not answered.
     *
     * @param answers question id to answer
     * @return the questionnaire
     * @throws InvalidQuestionnaireException listing every problem
     */
    public Questionnaire questionnaire(Map<String, ?> answers) {
        return reader.fromJson(json.valueToTree(answers));
    }

    /**
     * Validates the text cells of one CSV row, as the questionnaire contract describes them
     * ({@code yes}/{@code no}/{@code 1}/{@code 0}, {@code ;}-separated lists, {@code none}, empty = not answered).
     *
     * @param cells column header (question id) to cell text
     * @return the questionnaire
     * @throws InvalidQuestionnaireException listing every problem
     */
    public Questionnaire fromCsvCells(Map<String, String> cells) {
        return reader.fromCells(cells);
    }

    /**
     * The assessment as one line of JSON, exactly as the output contract says.
     *
     * @param assessment the assessment
     * @return JSON without a trailing newline
     */
    public String toJson(Assessment assessment) {
        return write(json, assessment);
    }

    /**
     * Writes the assessment as one line of JSON, the same text {@link #toJson} returns, in UTF-8 straight onto
     * a stream: for output headed for a file or a socket anyway, it saves building the string and encoding it.
     *
     * @param assessment the assessment
     * @param out where the bytes go, without a trailing newline; left open
     * @throws IOException if writing to {@code out} fails
     */
    public void writeJson(Assessment assessment, OutputStream out) throws IOException {
        streamJson.writeValue(out, assessment);
    }

    /**
     * A questionnaire as indented JSON that {@link #readJson} (and so {@code twitch assess} and {@code batch}) reads
     * back to an equal questionnaire: the respondent first, then the answers in the order of the question table.
     *
     * @param questionnaire the answers, e.g. those a consultation gathered
     * @return indented JSON without a trailing newline
     */
    public String toJson(Questionnaire questionnaire) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        if (questionnaire.respondent() != null) {
            ordered.put(QuestionnaireReader.RESPONDENT, questionnaire.respondent());
        }
        questionnaire.answers().entrySet().stream()
                .sorted(Comparator.comparingInt(e -> kb.data().questions().order(e.getKey())))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        try {
            return prettyJson.writeValueAsString(ordered);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a questionnaire always serialises", e);
        }
    }

    /**
     * The assessment as indented JSON, for people reading a single result.
     *
     * @param assessment the assessment
     * @return indented JSON without a trailing newline
     */
    public String toPrettyJson(Assessment assessment) {
        return write(prettyJson, assessment);
    }

    /**
     * A what-if as indented JSON: {@code before} and {@code after} exactly as the output contract, and {@code changes}.
     *
     * @param whatIf the what-if
     * @return indented JSON without a trailing newline
     */
    public String toPrettyJson(WhatIf whatIf) {
        return write(prettyJson, whatIf);
    }

    /**
     * A why-not as indented JSON: the subject, the level found and the candidate rules.
     *
     * @param whyNot the why-not
     * @return indented JSON without a trailing newline
     */
    public String toPrettyJson(WhyNot whyNot) {
        return write(prettyJson, whyNot);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an assessment always serialises", e);
        }
    }

    /**
     * The assessment as text for a person: the "because" trees with their sources, the advice, and a
     * disclaimer that this is not medical advice.
     *
     * @param assessment the assessment
     * @return the text
     */
    public String toText(Assessment assessment) {
        return TextRenderer.render(assessment);
    }

    /**
     * A what-if as text for a person: the triage and the changes, one a line.
     *
     * @param whatIf the what-if
     * @return the text
     */
    public String toText(WhatIf whatIf) {
        return WhatIfText.render(whatIf);
    }

    /**
     * A why-not as text: each candidate rule with its conditions met, failed and unknown.
     *
     * @param whyNot the why-not
     * @return the text
     */
    public String toText(WhyNot whyNot) {
        return WhatIfText.render(whyNot);
    }

    /**
     * @return the JSON Schema (2020-12) of a questionnaire for these rules' questions, as published in
     *         docs/questionnaire.schema.json for the bundled rules
     */
    public String questionnaireSchema() {
        return QuestionnaireSchema.of(kb.data().questions().all());
    }

    /** @return the question definitions, in the order a person answers them */
    public List<Question> questions() {
        return List.copyOf(kb.data().questions().all());
    }

    /**
     * The rules as their authors see them, read from the rule files: what {@code twitch rules list} prints.
     *
     * @return the rules, sources, subjects, and the warnings the checks found without refusing the rules
     */
    public RuleCatalog catalog() {
        return Catalogs.of(kb);
    }

    /**
     * The question table as a FHIR R4 {@code Questionnaire} (linkId = question id, allowed values as
     * {@code answerOption} codings); {@link #readJson(String)} reads a {@code QuestionnaireResponse} to it.
     *
     * @return the resource as JSON
     */
    public String fhirQuestionnaire() {
        return writeTree(FhirQuestionnaire.of(kb.data().questions().all(), ruleset()));
    }

    /** @return the CDS Hooks 2.0 discovery document of the advisor's one service */
    public String cdsHooksDiscovery() {
        return writeTree(CdsHooks.discovery());
    }

    /**
     * Answers a CDS Hooks 2.0 service call: assesses the QuestionnaireResponse in its {@code context} or
     * {@code prefetch} and gives one card per red flag and per likely or confirmed finding.
     *
     * @param request the call's JSON body as UTF-8
     * @return {@code {"cards": [...]}}, with no cards when there is nothing to say
     * @throws InvalidQuestionnaireException when the call or its QuestionnaireResponse cannot be read
     */
    public String cdsHooksCall(byte[] request) {
        JsonNode call;
        try {
            call = json.readTree(Utf8Text.decode(request));
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, QuestionnaireReader.jsonError(e))));
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, e.getMessage())));
        }
        if (call == null) {
            throw new InvalidQuestionnaireException(List.of(new Problem(null, null, "the CDS Hooks request is empty")));
        }
        Questionnaire answers = reader.fromFhir(CdsHooks.questionnaireResponse(call));
        return writeTree(CdsHooks.cards(assess(answers), kb.data()));
    }

    private String writeTree(JsonNode tree) {
        try {
            return json.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /**
     * The advice table ({@code rules/data/advice.csv}), so a text of {@link Finding#advice()} can be told by its
     * id; the foods advice, built for each person, is not in it (its id is {@code foods}).
     *
     * @return advice texts by id, in table order
     */
    public Map<String, String> adviceTexts() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        kb.data().advice().forEach((id, a) -> texts.put(id, a.text()));
        return java.util.Collections.unmodifiableMap(texts);
    }

    /** @return the id of the rule set, the {@code ruleset} field of every assessment */
    public String ruleset() {
        return kb.rulesetId();
    }
}
