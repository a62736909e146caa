package org.twitchadvisor;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages copy the rules folder the way {@link RulesFolderTest} does. */
public final class RulesFolderTestAccess {
    private RulesFolderTestAccess() {
    }

    /**
     * @param tmp an empty folder
     * @return the folder, now holding a copy of rules/
     * @throws IOException when copying fails
     */
    public static Path copyRules(Path tmp) throws IOException {
        return RulesFolderTest.copyRules(tmp);
    }
}
