package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.internal.engine.RuleFolder;
import org.twitchadvisor.internal.authoring.cases.CaseCoverage;
import org.twitchadvisor.internal.authoring.cases.CaseFolder;
import org.twitchadvisor.internal.authoring.cases.CaseResult;
import org.twitchadvisor.internal.authoring.cases.CaseRunner;
import org.twitchadvisor.internal.authoring.catalog.CatalogWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code twitch rules check|test|list|init}: what a rule author needs to change the rules without writing
 * Java or rebuilding: check a rules folder, prove it with the case files, browse it, start a new one.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Check, test and browse a rules folder (see docs/authoring.md).",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.ListRules.class,
                RulesCommand.Init.class, RulesCommand.Schema.class})
public final class RulesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    TwitchCli twitch;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: check, test, list or init");
    }

    /** The rules folder, named as DIR or with --rules (not both). */
    static final class Folder {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The rules folder (default: the bundled rules).")
        Path dir;

        @Mixin
        RulesOption rules;

        /** @return the folder, or {@code null} for the bundled rules */
        Path path() {
            if (dir != null && rules.rulesDir != null && !dir.equals(rules.rulesDir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "name the rules folder once: as DIR or with --rules");
            }
            return dir != null ? dir : rules.rulesDir;
        }
    }

    /**
     * The advisor on a folder, or {@code null} after printing why the rules cannot be used.
     * Problems are printed with the folder in front, so an editor or terminal can open the file.
     */
    static TwitchAdvisor load(Path dir, PrintWriter out) {
        try {
            return dir == null ? TwitchAdvisor.bundled() : TwitchAdvisor.fromDirectory(dir);
        } catch (InvalidRulesException e) {
            print(out, dir, e.problems());
            long errors = e.problems().stream().filter(p -> p.severity().equals("error")).count();
            out.println("twitch: " + count(errors, "error") + ", " + count(e.problems().size() - errors, "warning")
                    + " in " + name(dir) + "; the rules cannot be used until the errors are fixed");
            out.flush();
            return null;
        }
    }

    static void print(PrintWriter out, Path dir, List<RuleProblem> problems) {
        for (RuleProblem p : RulesOption.located(dir, problems)) {
            out.println(p);
        }
    }

    static String name(Path dir) {
        return dir == null ? "the bundled rules" : dir.toString();
    }

    static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** {@code twitch rules check [DIR]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check a rules folder: compile it, check every rule against the allow-list and the tables, "
                    + "and warn about rules no case makes fire. Prints each problem as file:line:column, then a count.",
                    "DIR defaults to the bundled rules; the cases to DIR/cases, else facts/cases, else the bundled cases."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:no errors (there may be warnings)", "2:wrong command line",
                    "3:the cases folder cannot be read", "4:the rules have errors",
                    "7:standard output cannot be written", "1:internal error (a bug)"})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--cases", paramLabel = "DIR", description = "Case files to measure which rules fire "
                + "(default: DIR/cases, else facts/cases, else the bundled cases).")
        Path cases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = folder.path();
            TwitchAdvisor advisor = load(dir, out);
            if (advisor == null) {
                return ExitCodes.BAD_RULES;
            }
            RuleCatalog catalog = advisor.catalog();
            List<RuleProblem> warnings = new ArrayList<>(catalog.warnings());
            CaseFolder casesDir = cases != null ? new CaseFolder(cases, cases.toString()) : CaseFolder.forRules(dir);
            List<CaseResult> results = new CaseRunner(advisor).runAll(casesDir.dir());
            warnings.addAll(CaseCoverage.unfired(catalog.rules(), results, casesDir.shownAs()));
            List<RuleProblem> loops = results.stream().filter(r -> !r.loopingRule().isEmpty()).map(r -> {
                var rule = catalog.rules().stream().filter(i -> i.name().equals(r.loopingRule())).findFirst();
                return new RuleProblem(rule.map(i -> i.file()).orElse(""), rule.map(i -> i.line()).orElse(0), 1,
                        "error", "rule \"" + r.loopingRule() + "\" keeps firing on the answers of case "
                        + casesDir.show(r.file()) + ": the rules never settle");
            }).toList();
            if (!loops.isEmpty()) {
                print(out, dir, loops);
                out.println("twitch: " + count(loops.size(), "error") + " in " + name(dir)
                        + "; the rules cannot be used until the errors are fixed");
                out.flush();
                return ExitCodes.BAD_RULES;
            }
            long failed = results.stream().filter(r -> !r.passed()).count();
            String note = failed == 0 ? "" : "; " + failed + " of " + count(results.size(), "case") + " fail ('twitch rules test' says why)";
            print(out, dir, warnings);
            out.println("twitch: " + count(catalog.rules().size(), "rule") + " in " + name(dir) + ", no errors, "
                    + count(warnings.size(), "warning") + note);
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code twitch rules test [DIR] [--cases DIR]}. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run the case files against a rules folder and print, for each case, PASS or FAIL with "
                    + "what differs from the expectation; then a count.",
                    "DIR defaults to the bundled rules; the cases to DIR/cases, else facts/cases, else the bundled "
                            + "cases. See docs/cases.md for the case format."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:every case passed", "2:wrong command line", "3:the cases folder cannot be read or is empty",
                    "4:the rules have errors", "6:some cases failed", "7:standard output cannot be written",
                    "1:internal error (a bug)"})
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Folder folder;

        @Option(names = "--cases", paramLabel = "DIR", description = "The case files (default: DIR/cases, else "
                + "facts/cases, else the bundled cases).")
        Path cases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = folder.path();
            TwitchAdvisor advisor = load(dir, out);
            if (advisor == null) {
                return ExitCodes.BAD_RULES;
            }
            CaseFolder caseFolder = cases != null ? new CaseFolder(cases, cases.toString()) : CaseFolder.forRules(dir);
            List<CaseResult> results = new CaseRunner(advisor).runAll(caseFolder.dir());
            if (results.isEmpty()) {
                throw new TwitchAdvisorException("no case files (*.json) in " + caseFolder.shownAs());
            }
            int failed = 0;
            for (CaseResult r : results) {
                out.println((r.passed() ? "PASS  " : "FAIL  ") + caseFolder.show(r.file()) + "  " + r.description());
                for (String f : r.failures()) {
                    out.println("        - " + f);
                }
                failed += r.passed() ? 0 : 1;
            }
            out.println("twitch: " + count(results.size(), "case") + ", " + (results.size() - failed) + " passed, "
                    + failed + " failed");
            out.flush();
            return failed == 0 ? ExitCodes.OK : ExitCodes.CASES_FAILED;
        }
    }

    /** {@code twitch rules list [--format text|md|html|csv]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Print the catalogue of the rules, made from the rule files: each rule's layer, claim, "
                    + "sources, conclusion and weight, grouped by subject, and the rules citing each article.",
                    "docs/knowledge-base.md is this catalogue: " + CatalogWriter.REGENERATE},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:listed", "2:wrong command line", "4:the rules have errors",
                    "7:the output file or standard output cannot be written", "1:internal error (a bug)"})
    static final class ListRules extends GeneratedText {
        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text (default), md, html or csv.")
        CatalogWriter.Format format;

        @Override
        String text(TwitchAdvisor advisor) {
            return CatalogWriter.write(advisor.catalog(), format);
        }

        @Override
        String what() {
            return "the catalogue";
        }
    }

    /** A text made from a rules folder, printed or written to {@code --output FILE}. */
    abstract static class GeneratedText implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        RulesCommand rulesCommand;

        @Mixin
        RulesOption rules;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (UTF-8) instead of the screen.")
        Path output;

        abstract String text(TwitchAdvisor advisor);

        /** @return what the text is, for a message that it cannot be written */
        abstract String what();

        @Override
        public Integer call() {
            TwitchAdvisor advisor = load(rules.rulesDir, spec.commandLine().getOut());
            if (advisor == null) {
                return ExitCodes.BAD_RULES;
            }
            return write(spec, text(advisor), output, what(), rulesCommand.twitch);
        }
    }

    /**
     * Prints a generated text, or writes it to a file that appears under its name only once complete (the
     * docs' generated files are regenerated this way).
     */
    static int write(CommandSpec spec, String text, Path output, String what, TwitchCli twitch) {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return ExitCodes.OK;
        }
        try (Output file = Output.open(output.toString(), what, twitch, false)) {
            file.stream().write(text.getBytes(StandardCharsets.UTF_8));
            file.commit();
        } catch (IOException e) {
            spec.commandLine().getErr().println("twitch: " + e.getMessage());
            return ExitCodes.CANNOT_WRITE;
        }
        return ExitCodes.OK;
    }

    /** {@code twitch rules schema [--rules DIR] [--output FILE]}. */
    @Command(name = "schema", mixinStandardHelpOptions = true,
            description = {"Print the JSON Schema (2020-12) of a questionnaire, made from the rules' data/questions.csv: "
                    + "each question's type, allowed values and range, for form builders and other languages.",
                    "docs/questionnaire.schema.json is this schema for the bundled rules: " + Schema.REGENERATE},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:written", "2:wrong command line", "4:the rules have errors",
                    "7:the output file or standard output cannot be written", "1:internal error (a bug)"})
    static final class Schema extends GeneratedText {
        /** The command that regenerates the published schema. */
        static final String REGENERATE = "java -jar target/twitch.jar rules schema --output docs/questionnaire.schema.json";

        @Override
        String text(TwitchAdvisor advisor) {
            return advisor.questionnaireSchema();
        }

        @Override
        String what() {
            return "the schema";
        }
    }

    /** {@code twitch rules init DIR}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Copy the bundled rules into a new folder, with their case files in DIR/cases, to change "
                    + "them and try them with --rules DIR without rebuilding."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:copied", "2:wrong command line", "3:DIR exists and is not empty",
                    "7:DIR or standard output cannot be written", "1:internal error (a bug)"})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The new rules folder.")
        Path dir;

        @Override
        public Integer call() {
            try {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> entries = Files.list(dir)) {
                        if (entries.findAny().isPresent()) {
                            throw new TwitchAdvisorException(dir + " already exists and is not empty: name a new folder");
                        }
                    }
                }
                Map<String, String> files = RuleFolder.bundled().files();
                write(dir, files);
                Map<String, String> caseFiles = CaseFolder.bundledFiles();
                write(dir.resolve(CaseFolder.CASES), caseFiles);
                PrintWriter out = spec.commandLine().getOut();
                out.println("twitch: copied the bundled rules (" + count(files.size(), "file") + ") to " + dir
                        + ", and their cases (" + count(caseFiles.size(), "file") + ") to " + dir.resolve(CaseFolder.CASES));
                out.println("Check them:  twitch rules check " + dir);
                out.println("Test them:   twitch rules test " + dir);
                out.println("Use them:    twitch assess --rules " + dir + " FILE");
                out.flush();
                return ExitCodes.OK;
            } catch (IOException e) {
                String where = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : dir.toString();
                spec.commandLine().getErr().println("twitch: " + new CannotWrite(where, "the rules", e).getMessage());
                return ExitCodes.CANNOT_WRITE;
            }
        }

        private static void write(Path dir, Map<String, String> files) throws IOException {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path target = dir.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            }
        }
    }
}
