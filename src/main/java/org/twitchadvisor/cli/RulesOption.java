package org.twitchadvisor.cli;

import org.twitchadvisor.TwitchAdvisor;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --rules DIR} option every command shares: an expert's rules folder instead of the bundled one. */
public final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Use the rules in DIR (laid out like the repository's rules/) instead of the bundled rules.")
    Path rulesDir;

    /** @return the advisor on the chosen rules; compiles them */
    public TwitchAdvisor advisor() {
        return rulesDir == null ? TwitchAdvisor.bundled() : TwitchAdvisor.fromDirectory(rulesDir);
    }
}
