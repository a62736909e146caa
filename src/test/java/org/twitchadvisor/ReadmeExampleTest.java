package org.twitchadvisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's embedding example is the source of the embedder's project {@code src/it/embedding} (which
 * {@code mvn verify} builds against the installed artifact), and it compiles and runs here too, so a
 * {@code mvn test} already catches an example the API no longer fits.
 */
class ReadmeExampleTest {
    static final Path EXAMPLE = Path.of("src/it/embedding/src/main/java/Embedding.java");

    @Test
    void readmeShowsExactlyTheEmbeddersSource() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf("<!-- embedding-example");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        String fromReadme = readme.substring(start, readme.indexOf("```\n", start));
        assertEquals(Files.readString(EXAMPLE), fromReadme, "README.md's embedding example differs from " + EXAMPLE);
    }

    @Test
    void exampleCompilesAndPrintsTheFindings(@TempDir Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, null, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), EXAMPLE.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("Embedding").getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("deficiency vitamin_b12 possible 0.45"), printed);
        assertTrue(printed.contains("deficiency calcium possible 0.27"), printed);
        assertTrue(printed.contains("the text ends: This is not medical advice"), printed);
        assertTrue(printed.contains("rejected: twitching = often: question 'twitching'"), printed);
    }
}
