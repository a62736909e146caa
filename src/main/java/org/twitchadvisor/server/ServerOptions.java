package org.twitchadvisor.server;

import java.time.Duration;

/**
 * How a {@link TwitchServer} listens and what it allows one request.
 *
 * @param host the address to bind, {@code 127.0.0.1} unless the server is meant to be reached from elsewhere
 * @param port the port, 0 for any free one
 * @param maxBodyBytes the largest request body; a larger one is answered 413
 * @param maxThreads the most worker threads, which bounds how many requests run at once
 * @param maxConnections the most open connections; beyond it new ones wait in the system's backlog until one closes,
 *                       so a flood of clients cannot queue unbounded work
 * @param idleTimeout how long a connection may send or take nothing before it is closed, so a slow client cannot
 *                    hold a worker
 * @param stopTimeout how long a stop waits for requests in flight to finish
 */
public record ServerOptions(String host, int port, long maxBodyBytes, int maxThreads, int maxConnections,
                            Duration idleTimeout, Duration stopTimeout) {

    /** The body limit: the size the questionnaire reader accepts for one questionnaire's JSON. */
    public static final long DEFAULT_MAX_BODY = 1_000_000;

    /**
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @return the defaults: 1 MB bodies, 32 workers, 512 connections, 10 s idle, 10 s to stop
     */
    public static ServerOptions defaults(String host, int port) {
        return new ServerOptions(host, port, DEFAULT_MAX_BODY, 32, 512, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    /**
     * @param timeout the idle timeout
     * @return these options with another idle timeout
     */
    public ServerOptions withIdleTimeout(Duration timeout) {
        return new ServerOptions(host, port, maxBodyBytes, maxThreads, maxConnections, timeout, stopTimeout);
    }
}
