package org.twitchadvisor;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's embedding example compiles and runs: it is this method's body, and the test checks they match. */
class ReadmeExampleTest {

    @Test
    void readmeExampleRuns() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // embedding-example
            TwitchAdvisor advisor = TwitchAdvisor.bundled();   // or TwitchAdvisor.fromDirectory(Path.of("my-rules"))
            Questionnaire answers = advisor.readJson("""
                    {"respondent": "r1", "twitching": true, "diet": "vegan", "sun_exposure": "limited"}""");
            Assessment assessment = advisor.assess(answers);
            for (Finding finding : assessment.findings()) {
                System.out.println(finding.type() + " " + finding.subject() + " " + finding.level() + " " + finding.score());
            }
            String json = advisor.toJson(assessment);          // the output contract, one line
            String text = advisor.toText(assessment);          // for people, with the disclaimer
            // /embedding-example
            assertTrue(json.startsWith("{\"respondent\":\"r1\""), json);
            assertTrue(text.contains("This is not medical advice"), text);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("deficiency vitamin_b12 possible 0.45"), printed);
        assertTrue(printed.contains("deficiency calcium possible 0.27"), printed);
    }

    @Test
    void readmeShowsExactlyThisExample() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String fromReadme = readme.substring(readme.indexOf("```java", readme.indexOf("<!-- embedding-example"))
                + "```java".length(), readme.indexOf("```", readme.indexOf("<!-- /embedding-example") - 5)).strip();
        String test = Files.readString(Path.of("src/test/java/org/twitchadvisor/ReadmeExampleTest.java"));
        String fromTest = test.substring(test.indexOf("// embedding-example") + "// embedding-example".length(),
                test.indexOf("// /embedding-example")).strip();
        assertEquals(fromReadme, fromTest.lines().map(l -> l.replaceFirst("^ {12}", "")).reduce((a, b) -> a + "\n" + b).orElse(""));
    }
}
