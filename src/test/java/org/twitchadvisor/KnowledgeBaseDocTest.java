package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.internal.authoring.catalog.CatalogWriter;
import org.twitchadvisor.internal.authoring.catalog.Catalogs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/knowledge-base.md is generated from the rules; this fails when a rule changed and it was not regenerated. */
class KnowledgeBaseDocTest {

    @Test
    void theKnowledgeBaseDocumentMatchesTheRules() throws IOException {
        String expected = CatalogWriter.write(Catalogs.of(TestRules.knowledgeBase()), CatalogWriter.Format.md);
        String actual = Files.readString(Path.of("docs/knowledge-base.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(expected.equals(actual), () -> "docs/knowledge-base.md is stale: the rules changed since it was "
                + "generated. Regenerate it with\n  " + CatalogWriter.REGENERATE + "\n(build the jar first, if it is "
                + "missing, with: mvn -B package -DskipTests)"
                + "\nFirst difference at line " + firstDifference(expected, actual));
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "(end of file)";
            String al = i < a.length ? a[i] : "(end of file)";
            if (!el.equals(al)) {
                return (i + 1) + ":\n  rules say: " + el + "\n  document:  " + al;
            }
        }
        return "?";
    }
}
