package org.twitchadvisor.cli;

import org.twitchadvisor.InvalidRulesException;
import org.twitchadvisor.RuleProblem;
import org.twitchadvisor.TwitchAdvisorException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code java -jar twitch.jar}. Subcommands parse options and delegate to the library;
 * every failure the user can fix ends in one plain line on standard error and a documented exit code
 * (see {@link ExitCodes}), never a stack trace.
 */
@Command(name = "twitch", mixinStandardHelpOptions = true, version = "Twitch Advisor 0.1.0",
        description = "Which nutrient deficiency or habit may explain muscle twitching, why, and what to do.",
        subcommands = {AssessCommand.class, RulesCommand.class, BatchCommand.class})
public final class TwitchCli {

    private TwitchCli() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static void quietByDefault(String property, String level) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, level);
        }
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @param args the arguments
     * @return the exit code
     */
    public static int run(String... args) {
        // The CLI's own logging default: quiet unless something is wrong. Set before Drools makes a logger;
        // embedders of the library keep whatever their own binding says.
        quietByDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // Drools logs the build errors it also returns; the CLI prints them once, in plain words.
        quietByDefault("org.slf4j.simpleLogger.log.org.drools.compiler.kie.builder.impl.KieProject", "off");
        CommandLine cli = new CommandLine(new TwitchCli());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InvalidRulesException rules) {
                for (RuleProblem p : rules.problems()) {
                    cmd.getErr().println(p);
                }
                int n = rules.problems().size();
                cmd.getErr().println("twitch: the rules cannot be used (" + n + (n == 1 ? " problem)" : " problems)"));
                return ExitCodes.BAD_RULES;
            }
            if (e instanceof TwitchAdvisorException) {
                cmd.getErr().println("twitch: " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            cmd.getErr().println("twitch: internal error, please report it: " + e);
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }
}
