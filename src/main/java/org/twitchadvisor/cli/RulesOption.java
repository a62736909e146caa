package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisor;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** The {@code --rules DIR} option every command shares: an expert's rules folder instead of the bundled one. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules in DIR (laid out like the repository's rules/) instead of the bundled rules.")
    Path rulesDir;

    /**
     * @return the advisor on the chosen rules; compiles them
     * @throws InvalidRulesException with each file named as the user named the folder, as {@code rules check} does
     */
    public TwitchAdvisor advisor() {
        try {
            return rulesDir == null ? TwitchAdvisor.bundled() : TwitchAdvisor.fromDirectory(rulesDir);
        } catch (InvalidRulesException e) {
            throw new InvalidRulesException(located(rulesDir, e.problems()));
        }
    }

    /**
     * The library names a file relative to its rules folder; a terminal or an editor opens it from where the
     * user is, so every command puts the folder in front, as typed (never made absolute).
     *
     * @param dir the folder as typed, or {@code null} for the bundled rules
     */
    static List<RuleProblem> located(Path dir, List<RuleProblem> problems) {
        return problems.stream().map(p -> dir == null || p.file().isEmpty() ? p
                : new RuleProblem(dir.resolve(p.file()).toString(), p.line(), p.column(), p.severity(), p.message())).toList();
    }
}
