package org.twitchadvisor.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The marks of the docs' code blocks are understood, and no command hides in a block the build does not run. */
class DocBlocksTest {

    @Test
    void everyCommandLikeBlockSaysWhetherItRuns() throws IOException {
        List<String> unlabelled = new ArrayList<>();
        for (Path page : DocBlocks.pages(Path.of(""))) {
            for (DocBlocks.Block b : DocBlocks.read(page)) {
                if (b.kind() == DocBlocks.Kind.NONE && b.language().isEmpty() && !b.lines().isEmpty()
                        && DocBlocks.LOOKS_LIKE_A_COMMAND.matcher(b.lines().get(0)).find()) {
                    unlabelled.add(b.where() + ": " + b.lines().get(0));
                }
            }
        }
        assertEquals(List.of(), unlabelled, "label each block ```sh (the build runs it) or ```text (it does not); "
                + "see docs/authoring.md, 'Commands in the docs'");
    }

    @Test
    void marksSetHowABlockIsRun(@TempDir Path dir) throws IOException {
        Path page = Files.writeString(dir.resolve("p.md"), """
                <!-- docs-check: exit 5 -->
                ```sh
                java -jar target/twitch.jar batch in.csv \\
                    --output out.jsonl   # rows rejected
                # a comment
                ./twitch rules check
                ```
                <!-- docs-check: skip starts a server -->
                ```sh
                ./twitch serve
                ```
                <!-- docs-check: output -->
                ```text
                Rules: ... of 139 fired
                ```
                """);
        List<DocBlocks.Block> blocks = DocBlocks.read(page);
        assertEquals(List.of(DocBlocks.Kind.RUN, DocBlocks.Kind.SKIP, DocBlocks.Kind.OUTPUT),
                blocks.stream().map(DocBlocks.Block::kind).toList());
        assertEquals(5, blocks.get(0).exitCode());
        assertEquals(List.of("java -jar target/twitch.jar batch in.csv      --output out.jsonl   # rows rejected",
                "./twitch rules check"), blocks.get(0).commands());
        assertEquals("starts a server", blocks.get(1).reason());
    }

    @Test
    void aMarkWithoutReasonOrBlockIsRefused(@TempDir Path dir) throws IOException {
        Path noReason = Files.writeString(dir.resolve("a.md"), "<!-- docs-check: skip -->\n```sh\nx\n```\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocBlocks.read(noReason)).getMessage().contains("say why"));
        Path noBlock = Files.writeString(dir.resolve("b.md"), "<!-- docs-check: exit 4 -->\ntext\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocBlocks.read(noBlock)).getMessage().contains("before no code block"));
        Path typo = Files.writeString(dir.resolve("c.md"), "<!-- docs-check: skipp x -->\n```sh\nx\n```\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DocBlocks.read(typo)).getMessage().contains("not a docs-check mark"));
    }

    @Test
    void quotedOutputMatchesInOrderWithEllipses() {
        List<String> out = List.of("Batch x: 20 rows read", "  0.4 s, 55/s", "Rules: 109 of 139 fired for someone", "  never fired (30):");
        assertNull(DocBlocks.missingLine(List.of("Batch x: 20 rows read", "  ... s, .../s", "...", "  never fired (30):"), out));
        assertEquals("Rules: 107 of 136 fired for someone",
                DocBlocks.missingLine(List.of("Batch x: 20 rows read", "Rules: 107 of 136 fired for someone"), out));
        assertEquals("Batch x: 20 rows read", DocBlocks.missingLine(List.of("  never fired (30):", "Batch x: 20 rows read"), out));
    }
}
