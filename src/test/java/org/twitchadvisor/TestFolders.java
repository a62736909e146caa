package org.twitchadvisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Rules folders that tests build: the bundled tables with rule files of the test's own. */
public final class TestFolders {
    /**
     * Two rules that never settle: the first starts a chain on the answer put in for {@code STARTS}, and the
     * second re-derives its own conclusion. The looping rule is on line 14.
     */
    public static final String LOOPING_RULES = """
            package org.twitchadvisor.rules;

            import org.twitchadvisor.facts.*;

            rule "test: a rare answer starts a chain"
                @claim("Test only: starts a chain of conclusions that never settles.")
                @sources("000")
            when
                STARTS
            then
                insertLogical(new RiskFactor("loop"));
            end

            rule "test: each link makes another"
                @claim("Test only: every conclusion of this rule makes it fire again.")
                @sources("000")
            when
                RiskFactor(factor == "loop")
            then
                insertLogical(new RiskFactor("loop"));
            end
            """;

    private TestFolders() {
    }

    /**
     * @param dir where to make it
     * @return {@code dir/rules} holding a copy of the bundled {@code data/} tables and no rule file
     * @throws IOException if it cannot be written
     */
    public static Path tablesOnly(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("data"));
        try (Stream<Path> tables = Files.list(TestRules.RULES.resolve("data"))) {
            for (Path t : tables.toList()) {
                Files.copy(t, rules.resolve("data").resolve(t.getFileName()));
            }
        }
        return rules;
    }
}
