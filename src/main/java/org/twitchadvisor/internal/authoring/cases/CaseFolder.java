package org.twitchadvisor.internal.authoring.cases;

import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.internal.engine.RuleFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the case files of a rules folder are: in its {@code cases/} folder, as {@code twitch rules init} lays a
 * folder out and as the jar bundles its own rules and cases, so {@code rules test} works outside a checkout too.
 *
 * @param dir the folder of case files
 * @param shownAs how messages name it: the path as the user typed it, or {@code bundled:cases}
 */
public record CaseFolder(Path dir, String shownAs) {
    /** The name of the cases folder inside a rules folder. */
    public static final String CASES = "cases";
    /** Where a checkout keeps the repository's case files. */
    public static final Path CHECKOUT = Path.of("facts", CASES);

    /** @return the case files bundled in the jar beside the bundled rules */
    public static CaseFolder bundled() {
        return new CaseFolder(RuleFolder.bundledPath().resolve(CASES), "bundled:" + CASES);
    }

    /**
     * The cases for a rules folder when none are named: those beside the rules, else those of the checkout
     * the command runs in, else the bundled ones.
     *
     * @param rulesDir the rules folder as typed, or {@code null} for the bundled rules
     */
    public static CaseFolder forRules(Path rulesDir) {
        if (rulesDir != null && Files.isDirectory(rulesDir.resolve(CASES))) {
            return new CaseFolder(rulesDir.resolve(CASES), rulesDir.resolve(CASES).toString());
        }
        return Files.isDirectory(CHECKOUT) ? new CaseFolder(CHECKOUT, CHECKOUT.toString()) : bundled();
    }

    /** @return how messages name a case file of this folder, given its path relative to the folder */
    public String show(String relative) {
        return shownAs + "/" + relative;
    }

    /** @return every bundled case file's text by its path relative to the cases folder, with {@code /} separators */
    public static Map<String, String> bundledFiles() {
        Path dir = bundled().dir();
        Map<String, String> files = new TreeMap<>();
        try {
            for (Path p : CaseRunner.caseFiles(dir)) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        } catch (IOException e) {
            throw new TwitchAdvisorException("cannot read the bundled case files: " + e.getMessage(), e);
        }
        return files;
    }
}
