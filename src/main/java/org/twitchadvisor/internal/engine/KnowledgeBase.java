package org.twitchadvisor.internal.engine;

import org.twitchadvisor.internal.authoring.lint.CompiledCodeCheck;

import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.facts.Nutrient;
import org.twitchadvisor.facts.ReferenceRange;
import org.twitchadvisor.internal.authoring.lint.RuleLinter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compiled rule set with everything the engine needs beside it: the rules' metadata, the reference
 * tables and the question definitions. Built once, immutable, shared by all threads (a Drools KieBase is
 * thread-safe; sessions made from it are not and live for one assessment only).
 */
public final class KnowledgeBase {
    /** Drools expects a file's folder to match its package; the layer folders are flattened into the name. */
    private static final String KFS_ROOT = "src/main/resources/org/twitchadvisor/rules/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieBase kieBase;
    /** The executable model the KieBase was made from, or {@code null} for rules compiled from DRL. */
    private final List<Model> models;
    /** Whether {@link #kieBase} has gone to a thread; an executable-model KieBase serves one thread at most. */
    private final AtomicBoolean kieBaseTaken = new AtomicBoolean();
    private final String rulesetId;
    private final Map<String, RuleInfo> rules;
    private final ReferenceData data;
    private final List<Object> referenceFacts;
    private final Map<String, List<ReferenceRange>> ranges = new HashMap<>();
    private final List<RuleProblem> warnings;
    /** Every rule of the KieBase, sorted by name, and each one's position: the rules fired are counted by position. */
    private final String[] ruleNames;
    private final Map<String, Integer> ruleIndex = new HashMap<>();

    private KnowledgeBase(KieBase kieBase, String rulesetId, Map<String, RuleInfo> rules, ReferenceData data,
                          List<RuleProblem> warnings, List<Model> models) {
        this.kieBase = kieBase;
        this.models = models;
        this.rulesetId = rulesetId;
        this.rules = rules;
        this.data = data;
        this.warnings = List.copyOf(warnings);
        List<Object> facts = new ArrayList<>(data.limits().values());
        data.subjects().getOrDefault("deficiency", Map.of()).keySet().stream().sorted()
                .forEach(n -> facts.add(new Nutrient(n)));
        this.referenceFacts = List.copyOf(facts);
        for (ReferenceRange r : data.referenceRanges()) {
            ranges.computeIfAbsent(r.question(), q -> new ArrayList<>()).add(r);
        }
        List<Rule> all = new ArrayList<>();
        kieBase.getKiePackages().forEach(p -> all.addAll(p.getRules()));
        all.sort(Comparator.comparing(Rule::getName));
        this.ruleNames = all.stream().map(Rule::getName).toArray(String[]::new);
        for (int i = 0; i < ruleNames.length; i++) {
            ruleIndex.put(ruleNames[i], i);
        }
    }

    /**
     * Which of the two independent checks guard the compiler; only tests switch one off, to prove that the
     * other holds on its own.
     */
    public enum Checks {
        /** The source check and the compiled-code check: for every folder from outside the jar. */
        BOTH,
        /** Only the source check: for the rules bundled in the jar, which a test puts through both. */
        SOURCE,
        /** Only the compiled-code check: a test's way to see that it stops what the source check would. */
        COMPILED_CODE
    }

    /**
     * Reads the tables, checks the rules with both checks (see {@link RuleLinter} and
     * {@link CompiledCodeCheck}) and compiles them.
     *
     * @param folder the rule files
     * @return the knowledge base
     * @throws InvalidRulesException listing every problem, as file:line:column
     */
    public static KnowledgeBase load(RuleFolder folder) {
        return load(folder, Checks.BOTH);
    }

    /**
     * Reads the tables, checks the rules and compiles them.
     *
     * @param folder the rule files
     * @param checks which checks guard the compiler
     * @return the knowledge base
     * @throws InvalidRulesException listing every problem, as file:line:column
     */
    public static KnowledgeBase load(RuleFolder folder, Checks checks) {
        List<RuleProblem> problems = new ArrayList<>();
        ReferenceData data = ReferenceData.read(folder, problems);
        RuleLinter.Result lint = RuleLinter.lint(folder, data);
        if (checks == Checks.COMPILED_CODE) {
            lint = new RuleLinter.Result(List.of(), lint.rules(), true);
        }
        problems.addAll(lint.problems());
        // DRL runs as Java, annotation values included: a file that failed the allow-list never reaches the
        // compiler that evaluates, nor does a folder whose compiled code reaches outside its own allow-list.
        boolean compilable = lint.compilable();
        if (compilable && checks != Checks.SOURCE) {
            CompiledCodeCheck.Result inspected = CompiledCodeCheck.check(folder);
            problems.addAll(inspected.refusals());
            if (inspected.refusals().isEmpty() && !inspected.compileErrors().isEmpty()) {
                // A folder that does not compile could not be inspected and is refused. The classic compiler
                // places the mistakes far better, so when the source check passed it reports them: it is run
                // for its messages only, after annotation values (what it evaluates while building) passed
                // inspection, and no rule base is made from it.
                int before = problems.size();
                if (checks == Checks.BOTH) {
                    build(folder, problems);
                }
                if (!hasErrors(problems.subList(before, problems.size()))) {
                    problems.addAll(inspected.compileErrors());
                }
            }
            compilable = inspected.passed();
        }
        // The bundled rules come precompiled from the build, which checked them as completely as a folder from
        // outside; any other folder, or a bundled copy changed since the build, is compiled here.
        List<Model> models = compilable && checks == Checks.SOURCE ? PrecompiledRules.models(folder) : null;
        KieBase kieBase = models != null ? fromModels(models) : compilable ? compile(folder, problems) : null;
        if (kieBase != null) {
            everyRuleChecked(kieBase, lint.rules(), problems);
        }
        if (hasErrors(problems)) {
            throw new InvalidRulesException(sorted(problems));
        }
        KnowledgeBase kb = new KnowledgeBase(kieBase, "twitch-rules@" + folder.contentHash(), lint.rules(), data,
                sorted(problems), models);
        List<RuleProblem> loops = models != null ? List.of() : SettleProbe.probe(kb);
        if (!loops.isEmpty()) {
            throw new InvalidRulesException(loops);
        }
        return kb;
    }

    private static boolean hasErrors(List<RuleProblem> problems) {
        return problems.stream().anyMatch(p -> p.severity().equals("error"));
    }

    /** The engine explains a firing by the rule's checked metadata; a rule the check did not read would have none. */
    private static void everyRuleChecked(KieBase kieBase, Map<String, RuleInfo> rules, List<RuleProblem> problems) {
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (!rules.containsKey(rule.getName())) {
                    problems.add(new RuleProblem("", 0, 0, "error", "rule \"" + rule.getName()
                            + "\" was compiled but not checked; please report this"));
                }
            }
        }
    }

    static List<RuleProblem> sorted(List<RuleProblem> problems) {
        return problems.stream().sorted(Comparator.comparing(RuleProblem::file)
                .thenComparingInt(RuleProblem::line).thenComparingInt(RuleProblem::column)).toList();
    }

    private static KieBase compile(RuleFolder folder, List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = build(folder, problems);
        if (releaseId == null) {
            return null;
        }
        KieContainer container = ks.newKieContainer(releaseId);
        KieBase kieBase = container.newKieBase(kieBaseConfiguration());
        // The KieBase does not need the module any more; leaving it in the repository would leak one per build.
        ks.getRepository().removeKieModule(releaseId);
        return kieBase;
    }

    private static KieBase fromModels(List<Model> models) {
        return KieBaseBuilder.createKieBaseFromModel(models, kieBaseConfiguration());
    }

    /**
     * Never changed once built, which lets each session keep its facts in one identity map rather than a map per
     * fact class that a pooled session's reset throws away and rebuilds for every questionnaire (a tenth of a
     * batch profile).
     */
    private static KieBaseConfiguration kieBaseConfiguration() {
        KieBaseConfiguration conf = KieServices.Factory.get().newKieBaseConfiguration();
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return conf;
    }

    /** @return the built module's id, or {@code null} when it has errors (added to the problems) */
    private static ReleaseId build(RuleFolder folder, List<RuleProblem> problems) {
        KieServices ks = KieServices.Factory.get();
        // A release id of our own per build: KieServices keeps modules in a JVM-wide repository, and two
        // advisors built at once under the default id would overwrite each other's.
        ReleaseId releaseId = ks.newReleaseId("org.twitchadvisor.rules", "ruleset",
                "1.0." + BUILDS.incrementAndGet() + "-" + folder.contentHash());
        KieBuilder builder = ks.newKieBuilder(fileSystem(folder, releaseId)).buildAll();
        boolean failed = false;
        for (Message m : builder.getResults().getMessages()) {
            String severity = m.getLevel() == Message.Level.ERROR ? "error" : "warning";
            failed |= m.getLevel() == Message.Level.ERROR;
            String path = m.getPath() == null ? "" : folderPath(m.getPath());
            // Some messages come without a line; the condition they quote says where they belong.
            int[] at = m.getLine() > 0 ? null : DroolsMessages.locate(m.getText(), folder.files().get(path));
            problems.add(new RuleProblem(path, at != null ? at[0] : Math.max(m.getLine(), 0),
                    at != null ? at[1] : Math.max(m.getColumn(), 0), severity, DroolsMessages.plain(m.getText())));
        }
        if (failed) {
            ks.getRepository().removeKieModule(releaseId);
            return null;
        }
        return releaseId;
    }

    /**
     * The folder's DRL files as a module Drools can build, under the given id.
     *
     * @param folder the rules
     * @param releaseId the module's id
     * @return a file system holding the module's POM and every DRL file at its {@link #kfsPath}
     */
    public static KieFileSystem fileSystem(RuleFolder folder, ReleaseId releaseId) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        folder.drlFiles().forEach((path, text) -> kfs.write(kfsPath(path),
                ks.getResources().newByteArrayResource(text.getBytes(StandardCharsets.UTF_8))));
        return kfs;
    }

    public static String kfsPath(String folderPath) {
        return KFS_ROOT + folderPath.replace("/", "__");
    }

    /** Back from the compiler's path to the path in the rules folder, e.g. {@code 2-deficiencies/calcium.drl}. */
    public static String folderPath(String kfsPath) {
        String p = kfsPath;
        int root = p.indexOf("org/twitchadvisor/rules/");
        if (root >= 0) {
            p = p.substring(root + "org/twitchadvisor/rules/".length());
        }
        return p.replace("__", "/");
    }

    /** @return whether the KieBase was made from the build's precompiled executable model, not compiled from DRL */
    public boolean precompiled() {
        return models != null;
    }

    /**
     * A KieBase whose sessions may serve one thread at a time without Drools' session locking: the shared one for
     * rules compiled from DRL; for the precompiled executable model the one made at load to the first caller, and a
     * copy of its own (about 30 ms and 0.6 MB) to every later one.
     * Why: the executable model's rule actions keep per-call state in the KieBase, shared by every session that
     * is not thread-safe (Drools 10.2's {@code LambdaConsequence} reuses one argument array), and thread-safe
     * sessions cost a tenth of an assessment.
     *
     * @return a KieBase for the sessions of one thread at a time
     */
    public KieBase kieBaseForOneThread() {
        return models == null || kieBaseTaken.compareAndSet(false, true) ? kieBase : fromModels(models);
    }

    /** @return identifies this rule set: a hash of every rule and table file */
    public String rulesetId() {
        return rulesetId;
    }

    /** @return what the checks and the compiler noticed without refusing the rules, in file and line order */
    public List<RuleProblem> warnings() {
        return warnings;
    }

    /** @return the metadata of the rule with this name, or {@code null} */
    public RuleInfo rule(String name) {
        return rules.get(name);
    }

    /**
     * @param rule a rule of this knowledge base's KieBases, as a match names it
     * @return its position in {@link #ruleName name} order, or -1 for a rule it does not have
     */
    public int ruleIndex(Rule rule) {
        Integer i = ruleIndex.get(rule.getName());
        return i == null ? -1 : i;
    }

    /**
     * @param index a position from {@link #ruleIndex}
     * @return the name of the rule there
     */
    public String ruleName(int index) {
        return ruleNames[index];
    }

    /** @return how many rules the KieBase holds */
    public int ruleCount() {
        return ruleNames.length;
    }

    /** @return every rule's metadata, by name, in file order */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    /** @return the reference tables */
    public ReferenceData data() {
        return data;
    }

    /** @return the reference facts every session starts with (limits, nutrients) */
    public List<Object> referenceFacts() {
        return referenceFacts;
    }

    /**
     * The reference ranges of a lab question, which a session holds only when the person gave that value: a
     * range says how to read a value, and six ranges in every session, each waiting in three rules' memories,
     * were a twentieth of an assessment for the many people who give no lab value at all.
     *
     * @param question a number question
     * @return its ranges, usually none or one
     */
    public List<ReferenceRange> referenceRanges(String question) {
        return ranges.getOrDefault(question, List.of());
    }

    /** @return the ids of every registered source */
    public Set<String> sourceIds() {
        return data.sources().keySet();
    }
}
