/**
 * The {@code twitch} command line. Each subcommand is one {@code Callable<Integer>} that parses its
 * options and delegates to the library; none holds domain logic.
 */
package org.twitchadvisor.cli;
