/**
 * {@code twitch serve}: the advisor as an HTTP service and a web page, on Javalin (Jetty). Every route only
 * delegates to {@link org.twitchadvisor.TwitchAdvisor}; the rules are compiled once when the server starts.
 * Javalin is an optional dependency of the library, so only a program that starts a {@link TwitchServer}
 * needs it on its class path.
 */
package org.twitchadvisor.server;
