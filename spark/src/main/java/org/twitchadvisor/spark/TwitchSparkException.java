package org.twitchadvisor.spark;

/**
 * The input as a whole cannot be assessed (columns that are not question ids, no respondent column, an unreadable
 * path) or the job lost a record: the message says what and where, for a person.
 */
public class TwitchSparkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public TwitchSparkException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the underlying failure
     */
    public TwitchSparkException(String message, Throwable cause) {
        super(message, cause);
    }
}
