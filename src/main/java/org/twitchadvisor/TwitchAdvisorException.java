package org.twitchadvisor;

/** Base of the library's exceptions, so an embedder can catch all of them in one place. */
public class TwitchAdvisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, in plain words
     */
    public TwitchAdvisorException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, in plain words
     * @param cause the underlying failure
     */
    public TwitchAdvisorException(String message, Throwable cause) {
        super(message, cause);
    }
}
