package org.twitchadvisor.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * An output that could not be written, with a message that names it and where it was going, such as
 * {@code results.jsonl: cannot write the results: No space left on device}: printed as one line after
 * {@code twitch: }, and the command exits with {@link ExitCodes#CANNOT_WRITE}.
 */
final class CannotWrite extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param where the file, or {@code standard output}
     * @param what what was being written, e.g. {@code the errors file}
     * @param cause what went wrong
     */
    CannotWrite(String where, String what, IOException cause) {
        super(where + ": cannot write " + what + ": " + reason(cause), cause);
    }

    /** The operating system's reason, without the path a {@link FileSystemException} repeats. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
