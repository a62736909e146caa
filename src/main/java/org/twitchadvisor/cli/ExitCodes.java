package org.twitchadvisor.cli;

/**
 * The exit codes of every {@code twitch} command, documented in the README.
 */
public final class ExitCodes {
    /** Everything was done. */
    public static final int OK = 0;
    /** An unexpected internal failure (a bug): please report it. */
    public static final int INTERNAL = 1;
    /** The command line was wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The input could not be used: unreadable file, invalid JSON, a bad answer. */
    public static final int BAD_INPUT = 3;
    /** The rules folder does not compile or fails its checks. */
    public static final int BAD_RULES = 4;
    /** A batch finished, but some rows were rejected (see the errors file). */
    public static final int ROWS_REJECTED = 5;
    /** Rule cases failed ({@code rules test}). */
    public static final int CASES_FAILED = 6;
    /**
     * Output could not be written: standard output (a full disk, a closed pipe) or a file the command writes
     * (no such folder, no permission, a full disk); the message names which.
     */
    public static final int CANNOT_WRITE = 7;

    private ExitCodes() {
    }
}
