package org.twitchadvisor.cli;

import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.server.ServerOptions;
import org.twitchadvisor.server.TwitchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code twitch serve}: the HTTP API and the web page, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (OpenAPI at /openapi.json), FHIR, CDS Hooks and the web page at /.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:wrong command line", "3:the port cannot be used",
                "4:the rules folder is invalid", "1:internal error (a bug)"})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "The port (default 8080; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1: this machine only).")
    String host;

    @Mixin
    RulesOption rules;

    @Override
    public Integer call() throws InterruptedException {
        // The one line per request is the server's point of logging; the CLI's default otherwise is warnings only.
        System.setProperty("org.slf4j.simpleLogger.log.org.twitchadvisor.server", "info");
        TwitchAdvisor advisor = rules.advisor();
        TwitchServer server;
        try {
            server = TwitchServer.start(advisor, ServerOptions.defaults(host, port));
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("twitch: cannot listen on " + host + ":" + port + ": "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C and SIGTERM run the shutdown hooks: requests in flight finish before the JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "twitch-serve-stop"));
        spec.commandLine().getOut().println("Twitch Advisor: open " + server.url() + " (Ctrl-C stops)");
        spec.commandLine().getOut().flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
