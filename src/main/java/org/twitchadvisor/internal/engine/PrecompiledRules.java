package org.twitchadvisor.internal.engine;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.twitchadvisor.InvalidRulesException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The bundled rules compiled at build time to Drools' executable model: plain classes in the jar, from which a
 * KieBase is made in a fraction of a second instead of compiled from DRL at every start.
 *
 * <p>Why: compiling the bundled DRL was about half of the CLI's start-up (some 2 s and 4 CPU-seconds on this
 * project's 2-core machine, more with the JIT compiling the compiler), paid again by every {@code twitch}
 * command, and the executable model's constraints are plain lambdas that warm up faster than MVEL's. Only the
 * bundled rules take this path: a {@code --rules DIR} folder is compiled when it is read, by the classic
 * compiler, which places an author's mistakes by line far better.
 *
 * <p>{@link #main} runs in the build ({@code process-classes}): it loads the bundled copy with every check of
 * a folder from outside (both rule checks, the classic compile and the settle probe), so a ruleset that would
 * be refused is never precompiled, then writes the model's classes into the classes folder and an index naming
 * them together with the rules' content hash. {@link #models} gives them only when that hash is the folder's:
 * a rules folder changed after the build (a stale {@code target/classes}) is compiled from its DRL instead.
 */
public final class PrecompiledRules {
    /** The index resource, beside this class. */
    static final String INDEX = "precompiled-rules.properties";
    private static final String HASH = "content-hash";
    private static final String MODELS = "models";

    private PrecompiledRules() {
    }

    /**
     * The bundled rules' precompiled model, when it was built from exactly these rules.
     *
     * @param folder the rules about to be compiled
     * @return the model, or {@code null} when there is none for this folder's content
     */
    static List<Model> models(RuleFolder folder) {
        Properties index = new Properties();
        try (InputStream in = PrecompiledRules.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            index.load(in);
        } catch (IOException e) {
            return null;
        }
        if (!folder.contentHash().equals(index.getProperty(HASH))) {
            return null;
        }
        List<Model> models = new ArrayList<>();
        ClassLoader loader = PrecompiledRules.class.getClassLoader();
        for (String name : index.getProperty(MODELS, "").split(",")) {
            try {
                models.add((Model) Class.forName(name.trim(), true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                return null;
            }
        }
        return models.isEmpty() ? null : List.copyOf(models);
    }

    /**
     * Build step: checks the bundled rules as a folder from outside would be checked and writes their
     * executable model into the classes folder.
     *
     * @param args the classes folder ({@code target/classes}), which holds the bundled copy of {@code rules/}
     * @throws IOException when the classes cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        RuleFolder folder = RuleFolder.read(classes.resolve(RuleFolder.BUNDLED));
        try {
            KnowledgeBase.load(folder, KnowledgeBase.Checks.BOTH);
        } catch (InvalidRulesException e) {
            System.err.println("The bundled rules are refused, so they are not precompiled:");
            e.problems().forEach(p -> System.err.println("  " + p.file() + ":" + p.line() + ": " + p.message()));
            System.exit(1);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.twitchadvisor.rules", "bundled", "1");
        KieBuilder builder = ks.newKieBuilder(KnowledgeBase.fileSystem(folder, releaseId))
                .buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            System.err.println("The executable model of the bundled rules does not compile:");
            errors.forEach(m -> System.err.println("  " + m.getPath() + ":" + m.getLine() + ": " + m.getText()));
            System.exit(1);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        // Only generated classes live in the rules' package: those of an earlier ruleset would ship otherwise.
        Path generated = classes.resolve("org/twitchadvisor/rules");
        if (Files.isDirectory(generated)) {
            try (Stream<Path> old = Files.walk(generated)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        String models = null;
        int written = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith("/drools-model")) {
                // The model file: a version line, then the model classes, one per line.
                models = String.join(",", new String(module.getBytes(name), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank() && !l.contains(":")).toList());
            } else if (name.endsWith(".class") && !name.startsWith("org/drools/project/model/")) {
                Path to = classes.resolve(name);
                Files.createDirectories(to.getParent());
                Files.write(to, module.getBytes(name));
                written++;
            }
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalStateException("the executable model names no model class");
        }
        Properties index = new Properties();
        index.setProperty(HASH, folder.contentHash());
        index.setProperty(MODELS, models);
        Path indexFile = classes.resolve(PrecompiledRules.class.getPackageName().replace('.', '/')).resolve(INDEX);
        try (OutputStream out = Files.newOutputStream(indexFile)) {
            index.store(out, "The bundled rules' executable model (written by the build; see PrecompiledRules)");
        }
        System.out.println("Precompiled the bundled rules: " + written + " classes, model " + models);
    }
}
