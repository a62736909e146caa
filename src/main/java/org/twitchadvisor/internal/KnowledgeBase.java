package org.twitchadvisor.internal;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.facts.Limit;
import org.twitchadvisor.facts.ReferenceRange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled rule set with everything the engine needs beside it: the rules' metadata, the reference
 * tables and the question definitions. Built once, immutable, shared by all threads (a Drools KieBase is
 * thread-safe; sessions made from it are not and live for one assessment only).
 */
public final class KnowledgeBase {
    /** Drools expects a file's folder to match its package; the layer folders are flattened into the name. */
    private static final String KFS_ROOT = "src/main/resources/org/twitchadvisor/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern RULE_DECL = Pattern.compile("(?m)^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))");

    private final KieBase kieBase;
    private final String rulesetId;
    private final Map<String, RuleInfo> rules;
    private final ReferenceData data;
    private final List<Object> referenceFacts;

    private KnowledgeBase(KieBase kieBase, String rulesetId, Map<String, RuleInfo> rules, ReferenceData data) {
        this.kieBase = kieBase;
        this.rulesetId = rulesetId;
        this.rules = rules;
        this.data = data;
        List<Object> facts = new ArrayList<>();
        facts.addAll(data.referenceRanges());
        facts.addAll(data.limits().values());
        this.referenceFacts = List.copyOf(facts);
    }

    /**
     * Reads the tables, compiles the rules and checks their metadata.
     *
     * @param folder the rule files
     * @return the knowledge base
     * @throws InvalidRulesException listing every problem, as file:line:column
     */
    public static KnowledgeBase load(RuleFolder folder) {
        List<RuleProblem> problems = new ArrayList<>();
        ReferenceData data = ReferenceData.read(folder, problems);
        KieBase kieBase = compile(folder, problems);
        Map<String, RuleInfo> rules = kieBase == null ? Map.of() : ruleInfos(kieBase, folder, data, problems);
        List<RuleProblem> errors = problems.stream().filter(p -> p.severity().equals("error")).toList();
        if (!errors.isEmpty()) {
            throw new InvalidRulesException(sorted(problems));
        }
        return new KnowledgeBase(kieBase, "twitch-rules@" + folder.contentHash(), rules, data);
    }

    static List<RuleProblem> sorted(List<RuleProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)).toList();
    }

    private static KieBase compile(RuleFolder folder, List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A release id of our own per build: KieServices keeps modules in a JVM-wide repository, and two
        // advisors built at once under the default id would overwrite each other's.
        ReleaseId releaseId = ks.newReleaseId("org.twitchadvisor.rules", "ruleset",
                "1.0." + BUILDS.incrementAndGet() + "-" + folder.contentHash());
        kfs.generateAndWritePomXML(releaseId);
        folder.drlFiles().forEach((path, text) -> kfs.write(kfsPath(path),
                ks.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        boolean failed = false;
        for (Message m : builder.getResults().getMessages()) {
            String severity = m.getLevel() == Message.Level.ERROR ? "error" : "warning";
            failed |= m.getLevel() == Message.Level.ERROR;
            String path = m.getPath() == null ? "" : folderPath(m.getPath());
            problems.add(new RuleProblem(path, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), severity,
                    DroolsMessages.plain(m.getText())));
        }
        if (failed) {
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.getKieBase();
        // The KieBase does not need the module any more; leaving it in the repository would leak one per build.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    private static String kfsPath(String folderPath) {
        return KFS_ROOT + folderPath.replace("/", "__");
    }

    /** Back from the compiler's path to the path in the rules folder, e.g. {@code 2-deficiencies/calcium.drl}. */
    private static String folderPath(String kfsPath) {
        String p = kfsPath;
        int root = p.indexOf("org/twitchadvisor/rules/");
        if (root >= 0) {
            p = p.substring(root + "org/twitchadvisor/rules/".length());
        }
        return p.replace("__", "/");
    }

    private static Map<String, RuleInfo> ruleInfos(KieBase kieBase, RuleFolder folder, ReferenceData data,
                                                   List<RuleProblem> problems) {
        Map<String, Map<String, Integer>> lines = new HashMap<>();
        folder.drlFiles().forEach((path, text) -> lines.put(path, ruleLines(text)));
        Map<String, RuleInfo> infos = new LinkedHashMap<>();
        List<Rule> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            all.addAll(pkg.getRules());
        }
        all.sort(Comparator.comparing(Rule::getName));
        for (Rule rule : all) {
            String file = "";
            if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
                file = folderPath(impl.getResource().getSourcePath());
            }
            int line = lines.getOrDefault(file, Map.of()).getOrDefault(rule.getName(), 0);
            String layer = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
            Map<String, Object> meta = rule.getMetaData();
            String claim = text(meta.get("claim"));
            List<String> sources = Arrays.stream(text(meta.get("sources")).split("[,;\\s]+"))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (claim.isEmpty()) {
                problems.add(new RuleProblem(file, line, 1, "error", "rule \"" + rule.getName()
                        + "\" has no @claim(\"...\"): say in your own words what the rule claims"));
            }
            if (sources.isEmpty()) {
                problems.add(new RuleProblem(file, line, 1, "error", "rule \"" + rule.getName()
                        + "\" has no @sources(\"...\"): name the articles (000-004) or registered references it rests on"));
            }
            for (String s : sources) {
                if (!data.sources().containsKey(s)) {
                    problems.add(new RuleProblem(file, line, 1, "error", "rule \"" + rule.getName() + "\" cites source '"
                            + s + "', which is not in " + ReferenceData.SOURCES + "; registered: "
                            + String.join(", ", new TreeSet<>(data.sources().keySet()))));
                }
            }
            double weight = 1.0;
            Object w = meta.get("weight");
            if (w != null) {
                try {
                    weight = Double.parseDouble(text(w));
                } catch (NumberFormatException e) {
                    weight = Double.NaN;
                }
                if (!(weight > 0 && weight <= 1)) {
                    problems.add(new RuleProblem(file, line, 1, "error", "rule \"" + rule.getName()
                            + "\" has @weight(" + text(w) + "); a weight is a number above 0 and at most 1"));
                    weight = 1.0;
                }
            }
            infos.put(rule.getName(), new RuleInfo(rule.getName(), file, line, layer, claim, sources, weight));
        }
        return Map.copyOf(infos);
    }

    /** Metadata values keep their quotes on some compile paths; a claim is the text inside them. */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.trim();
    }

    /**
     * The line of each rule declaration in a DRL text.
     *
     * @param text the DRL
     * @return rule name to 1-based line
     */
    public static Map<String, Integer> ruleLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = RULE_DECL.matcher(text);
        while (m.find()) {
            String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int line = 1;
            for (int i = 0; i < m.start(1); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            lines.putIfAbsent(name, line);
        }
        return lines;
    }

    /** @return the compiled rules; make one session per assessment from it */
    public KieBase kieBase() {
        return kieBase;
    }

    /** @return identifies this rule set: a hash of every rule and table file */
    public String rulesetId() {
        return rulesetId;
    }

    /** @return the metadata of the rule with this name, or {@code null} */
    public RuleInfo rule(String name) {
        return rules.get(name);
    }

    /** @return every rule's metadata, by name */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    /** @return the reference tables */
    public ReferenceData data() {
        return data;
    }

    /** @return the reference facts every session starts with (lab ranges, limits) */
    public List<Object> referenceFacts() {
        return referenceFacts;
    }

    /** @return the ids of every registered source */
    public Set<String> sourceIds() {
        return data.sources().keySet();
    }
}
