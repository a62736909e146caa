package org.twitchadvisor.docs;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every command shown in README.md and docs/*.md runs as written, in order, page by page, in a copy of the
 * repository that has the built {@code target/twitch.jar} and no sources; each ends with exit code 0 (or the
 * code its block is marked with) and every output block quoted after it is what it printed. Run by
 * {@code mvn verify} after packaging (failsafe), since the commands need the jar.
 */
class DocsCommandsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> COPIED = List.of("README.md", "twitch", "docs", "rules", "facts", "bench");

    @TempDir
    static Path copies;

    @TestFactory
    Stream<DynamicNode> everyCommandOfEveryPage() throws IOException {
        assertTrue(Files.isRegularFile(ROOT.resolve("target/twitch.jar")), "run after mvn package: no target/twitch.jar");
        List<DynamicNode> pages = new ArrayList<>();
        for (Path page : DocBlocks.pages(ROOT)) {
            List<DocBlocks.Block> blocks = DocBlocks.read(ROOT.relativize(page));
            if (blocks.stream().anyMatch(b -> b.kind() == DocBlocks.Kind.RUN)) {
                pages.add(DynamicContainer.dynamicContainer(page.getFileName().toString(), commands(page, blocks)));
            }
        }
        return pages.stream();
    }

    /** The page's commands as tests that run in order in one copy, each output block checked against the run before it. */
    private Stream<DynamicNode> commands(Path page, List<DocBlocks.Block> blocks) throws IOException {
        Path copy = Files.createDirectory(copies.resolve(page.getFileName().toString()));
        List<DynamicNode> tests = new ArrayList<>();
        String[] lastOutput = {null};
        String[] lastCommand = {null};
        for (DocBlocks.Block block : blocks) {
            if (block.kind() == DocBlocks.Kind.RUN) {
                for (String command : block.commands()) {
                    tests.add(DynamicTest.dynamicTest(block.where() + ": " + command, () -> {
                        if (!Files.exists(copy.resolve("target"))) {
                            repository(copy);
                        }
                        Result r = run(copy, command);
                        lastOutput[0] = r.output;
                        lastCommand[0] = command;
                        assertEquals(block.exitCode(), r.exitCode, () -> block.where() + ": '" + command + "' exited with "
                                + r.exitCode + ", not " + block.exitCode() + " (mark the block <!-- docs-check: exit N --> "
                                + "when that is what it should do). It printed:\n" + r.output);
                    }));
                }
            } else if (block.kind() == DocBlocks.Kind.OUTPUT) {
                tests.add(DynamicTest.dynamicTest(block.where() + ": the output quoted", () -> {
                    if (lastOutput[0] == null) {
                        fail(block.where() + ": an output block with no command run before it on the page");
                    }
                    String missing = DocBlocks.missingLine(block.lines(), lastOutput[0].lines().toList());
                    assertNull(missing, () -> block.where() + ": the docs quote a line that '" + lastCommand[0]
                            + "' does not print (in this order):\n  " + missing + "\nIt printed:\n" + lastOutput[0]);
                }));
            }
        }
        return tests.stream();
    }

    /** A copy of what a reader has after the build: the docs, rules, facts, launcher and the jar, no sources. */
    private static void repository(Path copy) throws IOException {
        for (String name : COPIED) {
            Path from = ROOT.resolve(name);
            try (Stream<Path> tree = Files.walk(from)) {
                for (Path p : (Iterable<Path>) tree::iterator) {
                    Path to = copy.resolve(ROOT.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else if (!p.startsWith(ROOT.resolve("bench/out"))) {
                        Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        Path jar = Files.createDirectories(copy.resolve("target")).resolve("twitch.jar");
        Files.copy(ROOT.resolve("target/twitch.jar"), jar);
        // The launcher rebuilds a jar older than the rules; this copy has no sources to build from.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plus(1, ChronoUnit.DAYS)));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // Short runs start 40% quicker on the first compiler tier; it changes no result (a line on stderr says so).
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1");
        Process p = builder.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("'" + command + "' did not end within three minutes");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
