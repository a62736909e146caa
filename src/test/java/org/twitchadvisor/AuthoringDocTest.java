package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.twitchadvisor.internal.authoring.lint.FactModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/authoring.md names the fact types rules may use; it must name them with the fields they have. */
class AuthoringDocTest {

    @Test
    void everyFactTypeIsDocumentedWithItsFields() throws IOException {
        String doc = Files.readString(Path.of("docs/authoring.md"));
        List<String> missing = FactModel.all().stream().map(t -> "`" + t.name() + "(" + t.fieldList() + ")`")
                .filter(written -> !doc.contains(written)).toList();
        assertEquals(List.of(), missing, "docs/authoring.md, section 3, should list these fact types as the code has them");
    }
}
