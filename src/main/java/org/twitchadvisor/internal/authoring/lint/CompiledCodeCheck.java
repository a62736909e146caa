package org.twitchadvisor.internal.authoring.lint;

import org.twitchadvisor.internal.engine.DroolsMessages;
import org.twitchadvisor.internal.engine.KnowledgeBase;
import org.twitchadvisor.internal.text.Text;

import org.twitchadvisor.internal.engine.RuleFolder;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.kie.memorycompiler.CompilationProblem;
import org.kie.memorycompiler.CompilationResult;
import org.kie.memorycompiler.JavaCompiler;
import org.kie.memorycompiler.resources.MemoryResourceReader;
import org.kie.memorycompiler.resources.MemoryResourceStore;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.twitchadvisor.RuleProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The second, independent line of defence against a rules folder that runs code: the folder is compiled to
 * plain Java bytecode with Drools' executable model, which generates Java for every constraint, annotation
 * and action and compiles it without evaluating any of it, and every class is read with ASM before one of
 * them is loaded. A class that calls, reads, creates or extends anything outside a short allow-list (the
 * fact model, {@code String}, boxing, {@code Math}, and the parts of Drools' runtime that generated rules
 * use) refuses the whole folder. It does not rely on the source check at all: it sees what the compiler
 * made of the text, however the text was quoted.
 */
public final class CompiledCodeCheck {
    private static final AtomicLong BUILDS = new AtomicLong();
    /** A constraint's own brackets, inside its pattern's and an action's two. */
    private static final int MAX_FILE_DEPTH = 10;
    /** Folders whose compiled code passed, by content hash: the same folder is not compiled twice in one process. */
    private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();

    /** Owners (internal names, prefix when ending in '/') whose every member generated rule code may use. */
    private static final List<String> OWNERS = List.of(
            "org/twitchadvisor/facts/", "org/twitchadvisor/rules/", "org/drools/project/model/",
            "org/drools/model/", "org/drools/modelcompiler/dsl/", "org/drools/modelcompiler/util/EvaluationUtil",
            "org/drools/modelcompiler/CanonicalKieModuleModel", "org/kie/api/builder/model/", "org/kie/api/conf/",
            "org/kie/api/runtime/conf/ClockTypeOption",
            "java/lang/Object", "java/lang/String", "java/lang/Enum", "java/lang/Number", "java/lang/Double",
            "java/lang/Integer", "java/lang/Long", "java/lang/Boolean", "java/lang/Math", "java/lang/Comparable",
            "java/lang/IllegalArgumentException", "java/lang/RuntimeException", "java/io/Serializable",
            "java/util/Arrays", "java/util/Collections", "java/util/List", "java/util/Locale",
            "java/time/format/DateTimeFormatterBuilder", "java/time/format/DateTimeFormatter");
    /** Single members of otherwise forbidden owners that the generated project model needs. */
    private static final Set<String> MEMBERS = Set.of(
            "java/lang/System.arraycopy",
            "org/drools/core/rule/consequence/KnowledgeHelper", "org/drools/core/rule/consequence/KnowledgeHelper.insertLogical",
            "org/drools/modelcompiler/consequence/DroolsImpl", "org/drools/modelcompiler/consequence/DroolsImpl.asKnowledgeHelper",
            "org/drools/util/DateUtils.getDateFormatMask",
            "org/kie/api/KieServices.get", "org/kie/api/KieServices.newKieModuleModel",
            "org/kie/util/maven/support/ReleaseIdImpl", "org/kie/util/maven/support/ReleaseIdImpl.<init>");
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/StringConcatFactory",
            "java/lang/invoke/LambdaMetafactory");

    private CompiledCodeCheck() {
    }

    /**
     * What the check found.
     *
     * @param refusals what the compiled code or an annotation value reaches outside the allow-list
     * @param compileErrors why the folder does not compile at all (then nothing could be inspected)
     */
    public record Result(List<RuleProblem> refusals, List<RuleProblem> compileErrors) {
        /** @return whether the folder may go on to the compiler that evaluates */
        public boolean passed() {
            return refusals.isEmpty() && compileErrors.isEmpty();
        }
    }

    /**
     * Compiles a folder to bytecode and inspects every class.
     *
     * @param folder the rule files
     * @return what the compiled code reaches, or why it did not compile
     */
    public static Result check(RuleFolder folder) {
        if (PASSED.contains(folder.contentHash())) {
            return new Result(List.of(), List.of());
        }
        // The executable model takes time exponential in bracket depth: a file nested deeper than any rule needs
        // is refused before it can keep the check busy for minutes.
        List<RuleProblem> deep = new ArrayList<>();
        folder.drlFiles().forEach((file, text) -> {
            if (Text.bracketDepth(text) > MAX_FILE_DEPTH) {
                deep.add(new RuleProblem(file, 1, 1, "error", "brackets are nested more than " + MAX_FILE_DEPTH
                        + " deep in this file; a rule needs a few levels at most"));
            }
        });
        if (!deep.isEmpty()) {
            return new Result(deep, List.of());
        }
        // Drools evaluates annotation values while it generates the executable model: they are compiled and
        // inspected on their own first.
        List<RuleProblem> annotations = annotationValues(folder);
        if (!annotations.isEmpty()) {
            return new Result(annotations, List.of());
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.twitchadvisor.rules", "checked",
                "1.0." + BUILDS.incrementAndGet() + "-" + folder.contentHash());
        KieFileSystem kfs = KnowledgeBase.fileSystem(folder, releaseId);
        List<RuleProblem> problems = new ArrayList<>();
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException | StackOverflowError e) {
            problems.add(new RuleProblem("", 0, 0, "error", "the rules could not be compiled for inspection, so they "
                    + "are not used"));
            return new Result(problems, List.of());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : KnowledgeBase.folderPath(m.getPath());
            problems.add(new RuleProblem(path, Math.max(m.getLine(), 0), Math.max(m.getColumn(), 0), "error",
                    DroolsMessages.plain(m.getText())));
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Set<String> reached = new TreeSet<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                reached.addAll(forbiddenReferences(module.getBytes(name)));
            }
        }
        for (String r : reached) {
            problems.add(new RuleProblem("", 0, 0, "error", "a rule of this folder, compiled, reaches "
                    + r.replace('/', '.') + ", which rules may not use: rules run without a sandbox, so a rule may only "
                    + "compare facts and insert a conclusion"));
        }
        if (problems.isEmpty()) {
            PASSED.add(folder.contentHash());
        }
        return new Result(problems, List.of());
    }

    /** One annotation value as written, and where. */
    private record Value(String file, int line, String name, String text) {
    }

    /**
     * Compiles every annotation value of the folder as a Java expression, without loading the result, and
     * inspects the bytecode like the rules' own: a plain literal compiles to a constant, anything else to
     * the calls it would make. A value that is not Java at all is refused too, since no plain literal is.
     */
    private static List<RuleProblem> annotationValues(RuleFolder folder) {
        List<Value> values = new ArrayList<>();
        folder.drlFiles().forEach((file, text) -> {
            DrlParser parser = new DrlParser();
            PackageDescr pkg;
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException | RuntimeException | StackOverflowError e) {
                return;
            }
            if (pkg == null) {
                return;
            }
            for (RuleDescr rd : pkg.getRules()) {
                annotations(file, rd, values);
                patterns(file, rd.getLhs(), values);
            }
            for (var type : pkg.getTypeDeclarations()) {
                annotations(file, type, values);
                type.getFields().values().forEach(f -> annotations(file, f, values));
            }
        });
        if (values.isEmpty()) {
            return List.of();
        }
        StringBuilder source = new StringBuilder("package org.twitchadvisor.rules.checked;\n"
                + "final class AnnotationValues {\n");
        for (int i = 0; i < values.size(); i++) {
            // One value per line, so that a compile error names the annotation it is in.
            source.append("static Object v").append(i).append("() { return (").append(values.get(i).text().replace('\n', ' '))
                    .append("); }\n");
        }
        source.append("}\n");
        // The in-memory compiler reads sources under a Maven source folder.
        String name = "src/main/java/org/twitchadvisor/rules/checked/AnnotationValues.java";
        MemoryResourceReader reader = new MemoryResourceReader();
        reader.add(name, source.toString().getBytes(StandardCharsets.UTF_8));
        MemoryResourceStore store = new MemoryResourceStore();
        CompilationResult result = JavaCompiler.createEclipseCompiler("17").compile(new String[] {name}, reader, store,
                CompiledCodeCheck.class.getClassLoader());
        List<RuleProblem> problems = new ArrayList<>();
        Set<Integer> reported = new java.util.HashSet<>();
        for (CompilationProblem e : result.getErrors()) {
            int i = e.getStartLine() - 3;
            if (i >= 0 && i < values.size() && reported.add(i)) {
                problems.add(refusal(values.get(i), "is not a plain constant"));
            } else if (i < 0 || i >= values.size()) {
                problems.add(new RuleProblem("", 0, 0, "error", "an annotation value of this folder is not a plain "
                        + "constant, so the rules are not used"));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        for (byte[] classFile : store.getResources().values()) {
            for (String r : forbiddenReferences(classFile)) {
                problems.add(new RuleProblem("", 0, 0, "error", "an annotation value of this folder, compiled, reaches "
                        + r.replace('/', '.') + "; an annotation holds a plain text or number"));
            }
        }
        return problems;
    }

    private static RuleProblem refusal(Value v, String what) {
        return new RuleProblem(v.file(), v.line(), 1, "error", "the value of @" + v.name() + " " + what
                + ": write text in double quotes or a number");
    }

    private static void annotations(String file, AnnotatedBaseDescr d, List<Value> out) {
        for (AnnotationDescr a : d.getAnnotations()) {
            int line = a.getLine() > 0 ? a.getLine() : Math.max(d.getLine(), 0);
            for (Object v : a.getValueMap().values()) {
                if (v instanceof Object[] array) {
                    for (Object e : array) {
                        out.add(new Value(file, line, a.getName(), String.valueOf(e)));
                    }
                } else if (v != null) {
                    out.add(new Value(file, line, a.getName(), v.toString()));
                }
            }
        }
    }

    private static void patterns(String file, BaseDescr d, List<Value> out) {
        if (d instanceof PatternDescr p) {
            annotations(file, p, out);
        } else if (d instanceof ConditionalElementDescr ce) {
            for (BaseDescr child : ce.getDescrs()) {
                patterns(file, child, out);
            }
        }
    }

    /**
     * @param classFile the bytes of one generated class
     * @return each owner or member the class uses that is outside the allow-list, as {@code owner.member}
     */
    static Set<String> forbiddenReferences(byte[] classFile) {
        Set<String> out = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                type(superName);
                for (String i : interfaces) {
                    type(i);
                }
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean isInterface) {
                        member(owner, member);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                        member(owner, member);
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        type(type);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String desc, int dims) {
                        type(Type.getType(desc).getElementType().getInternalName());
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                            type(t.getInternalName());
                        } else if (value instanceof Type t && t.getSort() == Type.ARRAY
                                && t.getElementType().getSort() == Type.OBJECT) {
                            type(t.getElementType().getInternalName());
                        } else if (value instanceof Handle h) {
                            member(h.getOwner(), h.getName());
                        } else if (!(value instanceof String || value instanceof Number || value instanceof Type)) {
                            out.add("a constant of kind " + value.getClass().getSimpleName());
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                        if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                            out.add(bootstrap.getOwner() + "." + bootstrap.getName());
                        }
                        for (Object a : args) {
                            if (a instanceof Handle h) {
                                member(h.getOwner(), h.getName());
                            }
                        }
                    }
                };
            }

            private void type(String internalName) {
                if (internalName != null && !allowedOwner(internalName) && !MEMBERS.contains(internalName)) {
                    out.add(internalName);
                }
            }

            private void member(String owner, String member) {
                Type element = owner.startsWith("[") ? Type.getType(owner).getElementType() : null;
                if (element != null && element.getSort() != Type.OBJECT) {
                    return;
                }
                String o = element != null ? element.getInternalName() : owner;
                if (!allowedOwner(o) && !MEMBERS.contains(o + "." + member)) {
                    out.add(o + "." + member);
                }
            }
        }, ClassReader.SKIP_DEBUG);
        return out;
    }

    private static boolean allowedOwner(String internalName) {
        for (String o : OWNERS) {
            if (o.endsWith("/") ? internalName.startsWith(o) : internalName.equals(o)
                    || internalName.startsWith(o + "$")) {
                return true;
            }
        }
        return false;
    }
}
