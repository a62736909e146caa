package org.twitchadvisor.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.RunawayRulesException;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.internal.questions.QuestionnaireReader;

/**
 * The advisor as an HTTP service and a web page: {@code twitch serve}, or embedded in a program that has Javalin on
 * its class path.
 *
 * <pre>{@code
 * try (TwitchServer server = TwitchServer.start(TwitchAdvisor.bundled(), ServerOptions.defaults("127.0.0.1", 8080))) {
 *     // POST http://127.0.0.1:8080/api/assess ... ; the page is at http://127.0.0.1:8080/
 * }
 * }</pre>
 *
 * <p>The routes are listed in the OpenAPI document the server serves at {@code /openapi.json}. Every answer to bad
 * input is {@code application/problem+json} naming what was wrong; none carries a stack trace. Requests run on a
 * bounded pool of workers; a connection idle past {@link ServerOptions#idleTimeout()} or sending slower than
 * {@value #MIN_READ_RATE} bytes a second is closed; {@link #close()} lets requests in flight finish. One line per
 * request is logged through SLF4J (method, path, status, milliseconds; never a body). Nothing a request sends is
 * kept once it is answered.
 */
public final class TwitchServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TwitchServer.class);
    /** The slowest a client may send a body, in bytes per second. */
    static final long MIN_READ_RATE = 512;
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private final Javalin app;
    private final String host;

    private TwitchServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts a server; it runs until {@link #close()}.
     *
     * @param advisor the advisor every request is answered by
     * @param options where to listen and the limits
     * @return the running server
     */
    public static TwitchServer start(TwitchAdvisor advisor, ServerOptions options) {
        ObjectMapper json = new ObjectMapper();
        json.getFactory().setStreamReadConstraints(QuestionnaireReader.LIMITS);
        Api api = new Api(advisor, json);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.threadPool = new QueuedThreadPool(options.maxThreads(), Math.min(4, options.maxThreads()));
            config.jetty.modifyServer(server -> {
                server.addBean(new NetworkConnectionLimit(options.maxConnections(), server));
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new MinimumDataRateHandler(MIN_READ_RATE, 0));
                server.setStopTimeout(options.stopTimeout().toMillis());
            });
            config.jetty.addConnector((server, http) -> {
                http.setSendServerVersion(false);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(options.host());
                connector.setPort(options.port());
                connector.setIdleTimeout(options.idleTimeout().toMillis());
                return connector;
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/twitchadvisor/server/web";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Content-Security-Policy", PAGE_POLICY, "Cache-Control", "no-cache");
            });
            config.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(),
                    Math.round(ms)));
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                ctx.header("Cache-Control", "no-store");
            });
            for (Route r : api.routes()) {
                if (r.method().equals("GET")) {
                    config.routes.get(r.path(), r.handler());
                } else {
                    config.routes.post(r.path(), r.handler());
                }
            }
            config.routes.exception(InvalidQuestionnaireException.class,
                    (e, ctx) -> HttpProblem.invalid(ctx, json, e.problems(), api.questions()));
            config.routes.exception(RunawayRulesException.class, (e, ctx) -> HttpProblem.send(ctx, json, 422,
                    "Unprocessable Content", e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> HttpProblem.send(ctx, json, e.getStatus(),
                    title(e.getStatus()), detail(e, options)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                HttpProblem.send(ctx, json, 500, "Internal Server Error",
                        "internal error (a bug: please report it); nothing of the request was kept");
            });
            config.router.javaLangErrorHandler((res, error) -> {
                LOG.error("internal error", error);
                res.setStatus(500);
            });
            config.routes.error(404, ctx -> {
                if (!HttpProblem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    HttpProblem.send(ctx, json, 404, "Not Found", "no such route: " + ctx.method() + " " + ctx.path()
                            + "; GET /openapi.json lists the routes");
                }
            });
            config.routes.error(405, ctx -> HttpProblem.send(ctx, json, 405, "Method Not Allowed",
                    ctx.method() + " is not allowed on " + ctx.path() + "; GET /openapi.json lists the routes"));
        });
        app.start();
        TwitchServer server = new TwitchServer(app, options.host());
        LOG.info("Twitch Advisor serving on {} (ruleset {})", server.url(), advisor.ruleset());
        return server;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            default -> "HTTP " + status;
        };
    }

    private static String detail(HttpResponseException e, ServerOptions options) {
        return switch (e.getStatus()) {
            case 413 -> "the body is larger than the limit of " + options.maxBodyBytes() + " bytes";
            case 404 -> "no such route; GET /openapi.json lists the routes";
            default -> e.getMessage();
        };
    }

    /** @return the port the server listens on (the one it was given, or the free one it found for port 0) */
    public int port() {
        return app.port();
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:8080/} */
    public String url() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + "/";
    }

    /** Stops accepting connections and waits, up to the stop timeout, for the requests in flight to finish. */
    @Override
    public void close() {
        app.stop();
    }
}
