package org.twitchadvisor.internal.authoring.cases;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.twitchadvisor.Assessment;
import org.twitchadvisor.Explanation;
import org.twitchadvisor.Finding;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs case files against an advisor and says, in plain words, what did not hold.
 */
public final class CaseRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TwitchAdvisor advisor;

    /**
     * @param advisor the rules to test
     */
    public CaseRunner(TwitchAdvisor advisor) {
        this.advisor = advisor;
    }

    /**
     * Every {@code *.json} file below a folder, sorted by path.
     *
     * @param casesDir the folder
     * @return the case files
     * @throws TwitchAdvisorException when the folder cannot be read
     */
    public static List<Path> caseFiles(Path casesDir) {
        if (!Files.isDirectory(casesDir)) {
            throw new TwitchAdvisorException("cases folder '" + casesDir + "' does not exist or is not a folder");
        }
        try (Stream<Path> walk = Files.walk(casesDir)) {
            return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new TwitchAdvisorException("cannot read cases folder '" + casesDir + "': " + e.getMessage(), e);
        }
    }

    /**
     * Runs every case below a folder.
     *
     * @param casesDir the folder
     * @return one result per case file, in path order
     */
    public List<CaseResult> runAll(Path casesDir) {
        List<CaseResult> results = new ArrayList<>();
        for (Path file : caseFiles(casesDir)) {
            results.add(run(file, casesDir.relativize(file).toString().replace('\\', '/')));
        }
        return results;
    }

    /**
     * Runs one case file.
     *
     * @param file the case file
     * @param name how results name it
     * @return the result; a file that cannot be read or parsed is a failed case saying why
     */
    public CaseResult run(Path file, String name) {
        RuleCase c;
        try {
            c = MAPPER.readValue(Files.readString(file), RuleCase.class);
        } catch (IOException e) {
            return new CaseResult(name, "", List.of("the case file cannot be read: "
                    + e.getMessage().lines().findFirst().orElse("")), Set.of());
        }
        if (c.answers() == null || c.expect() == null) {
            return new CaseResult(name, String.valueOf(c.description()),
                    List.of("a case needs \"answers\" and \"expect\""), Set.of());
        }
        Assessment a;
        try {
            a = advisor.assess(advisor.questionnaire(MAPPER.convertValue(c.answers(),
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { })));
        } catch (InvalidQuestionnaireException e) {
            return new CaseResult(name, c.description(), e.problems().stream().map(Problem::message)
                    .map(m -> "the answers are invalid: " + m).toList(), Set.of());
        } catch (org.twitchadvisor.RunawayRulesException e) {
            return new CaseResult(name, c.description(), List.of(e.getMessage()), Set.of(e.rule()), e.rule());
        }
        return new CaseResult(name, c.description(), check(c.expect(), a), Set.copyOf(a.rulesFired()));
    }

    /**
     * Compares an assessment with the expectations.
     *
     * @param e the expectations
     * @param a the assessment
     * @return one readable line per unmet expectation
     */
    public static List<String> check(RuleCase.Expect e, Assessment a) {
        List<String> failures = new ArrayList<>();
        if (e.triage() != null && !e.triage().equals(a.triage().id())) {
            failures.add("triage: expected " + e.triage() + ", got " + a.triage().id()
                    + redFlags(a));
        }
        for (RuleCase.FindingExpect fe : e.findings()) {
            Optional<Finding> found = find(a, fe);
            if (found.isEmpty()) {
                failures.add("missing finding " + fe.key() + "; the findings are: " + describe(a));
                continue;
            }
            Finding f = found.get();
            if (fe.level() != null && !fe.level().equals(f.level())) {
                failures.add(fe.key() + ": expected level " + fe.level() + ", got " + f.level() + " (score " + f.score() + ")");
            }
            if (!fe.levels().isEmpty() && !fe.levels().contains(f.level())) {
                failures.add(fe.key() + ": expected level " + String.join(" or ", fe.levels()) + ", got " + f.level()
                        + " (score " + f.score() + ")");
            }
            if (fe.minScore() != null && f.score() < fe.minScore()) {
                failures.add(fe.key() + ": expected a score of at least " + fe.minScore() + ", got " + f.score());
            }
            if (fe.maxScore() != null && f.score() > fe.maxScore()) {
                failures.add(fe.key() + ": expected a score of at most " + fe.maxScore() + ", got " + f.score());
            }
            String tree = treeText(f.because());
            for (String m : fe.mentions()) {
                if (!contains(tree, m)) {
                    failures.add(fe.key() + ": the explanation does not mention \"" + m + "\"; it names: "
                            + ruleNames(f.because()));
                }
            }
            String advice = String.join(" ", f.advice());
            for (String m : fe.adviceMentions()) {
                if (!contains(advice, m)) {
                    failures.add(fe.key() + ": the advice does not mention \"" + m + "\"; it says: " + f.advice());
                }
            }
        }
        for (RuleCase.FindingExpect fe : e.absent()) {
            find(a, fe).ifPresent(f -> failures.add("unexpected finding " + fe.key() + " (" + f.level() + ", score "
                    + f.score() + ") because of: " + ruleNames(f.because())));
        }
        for (String rule : e.fired()) {
            if (!a.rulesFired().contains(rule)) {
                failures.add("rule \"" + rule + "\" did not fire");
            }
        }
        for (String rule : e.notFired()) {
            if (a.rulesFired().contains(rule)) {
                failures.add("rule \"" + rule + "\" fired but should not have");
            }
        }
        String allTrees = a.findings().stream().map(f -> treeText(f.because())).collect(Collectors.joining("\n"));
        for (String m : e.mentions()) {
            if (!contains(allTrees, m)) {
                failures.add("no explanation mentions \"" + m + "\"");
            }
        }
        List<String> allAdvice = a.findings().stream().flatMap(f -> f.advice().stream()).toList();
        for (String m : e.adviceMentions()) {
            if (!contains(String.join(" ", allAdvice), m)) {
                failures.add("no advice mentions \"" + m + "\"");
            }
        }
        for (String word : e.adviceExcludes()) {
            Pattern p = Pattern.compile("\\b" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "\\b");
            for (String advice : allAdvice) {
                if (p.matcher(advice.toLowerCase(Locale.ROOT)).find()) {
                    failures.add("advice mentions \"" + word + "\", which it must not: " + advice);
                }
            }
        }
        return failures;
    }

    private static Optional<Finding> find(Assessment a, RuleCase.FindingExpect fe) {
        return a.findings().stream().filter(f -> f.type().equals(fe.type()) && f.subject().equals(fe.subject())).findFirst();
    }

    private static String describe(Assessment a) {
        if (a.findings().isEmpty()) {
            return "none";
        }
        return a.findings().stream().map(f -> f.type() + "/" + f.subject() + " (" + f.level() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String redFlags(Assessment a) {
        List<String> flags = a.findings().stream().filter(f -> f.type().equals("red_flag")).map(Finding::subject).toList();
        return flags.isEmpty() ? " (no red flag)" : " (red flags: " + String.join(", ", flags) + ")";
    }

    private static boolean contains(String text, String part) {
        return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    private static String treeText(List<Explanation> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Explanation n : nodes) {
            sb.append(n.rule()).append('\n').append(n.claim()).append('\n').append(n.answers()).append('\n')
                    .append(treeText(n.because()));
        }
        return sb.toString();
    }

    private static String ruleNames(List<Explanation> nodes) {
        List<String> names = new ArrayList<>();
        collect(nodes, names);
        return names.stream().distinct().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }

    private static void collect(List<Explanation> nodes, List<String> names) {
        for (Explanation n : nodes) {
            names.add(n.rule());
            collect(n.because(), names);
        }
    }
}
