package org.twitchadvisor.batch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twitchadvisor.FullDisk;
import org.twitchadvisor.TwitchAdvisor;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A pending file is under its name only once committed, whole; until then the name keeps what it held. */
class PendingFileTest {
    @TempDir
    Path dir;

    List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theBytesGoToAHiddenFileBesideTheTargetUntilCommitted() throws IOException {
        Path target = dir.resolve("results.jsonl");
        try (PendingFile file = PendingFile.create(target)) {
            file.stream().write("{}\n".repeat(100_000).getBytes(StandardCharsets.UTF_8));
            file.stream().flush();
            assertFalse(Files.exists(target));
            assertEquals(dir, file.temporary().getParent());
            assertTrue(file.temporary().getFileName().toString().startsWith(".results.jsonl.tmp-"), file.temporary()::toString);
            assertEquals(300_000, Files.size(file.temporary()));
            file.commit();
        }
        assertEquals("{}\n".repeat(100_000), Files.readString(target));
        assertEquals(List.of("results.jsonl"), names());
    }

    @Test
    void aCommitReplacesWhatTheNameHeld() throws IOException {
        Path target = Files.writeString(dir.resolve("results.jsonl"), "old\n".repeat(1000));
        try (PendingFile file = PendingFile.create(target)) {
            file.stream().write("new\n".getBytes(StandardCharsets.UTF_8));
            file.commit();
        }
        assertEquals("new\n", Files.readString(target));
    }

    @Test
    void withoutACommitTheNameKeepsWhatItHeldAndNothingIsLeft() throws IOException {
        Path target = Files.writeString(dir.resolve("results.jsonl"), "old\n");
        try (PendingFile file = PendingFile.create(target)) {
            file.stream().write("half a fi".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("results.jsonl"), names());
    }

    @Test
    void aFullDiskLeavesNoHalfFile() throws IOException {
        Path target = dir.resolve("results.jsonl");
        BatchRunner runner = new BatchRunner(TwitchAdvisor.bundled(), BatchOptions.defaults().withThreads(2));
        IOException full = assertThrows(IOException.class, () -> {
            try (PendingFile file = PendingFile.create(target, p -> new FullDisk(Files.newOutputStream(p), 10_000))) {
                runner.run(Path.of("facts/batch/survey.csv"), file.stream(), new ByteArrayOutputStream());
                file.commit();
            }
        });
        assertEquals("No space left on device", full.getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    void aFullDiskWhenTheLastBytesAreFlushedAtCommitLeavesNoHalfFile() throws IOException {
        // The buffer holds every byte written; the disk fills up only when commit flushes them.
        Path target = Files.writeString(dir.resolve("results.jsonl"), "old\n");
        PendingFile file = PendingFile.create(target,
                p -> new BufferedOutputStream(new FullDisk(Files.newOutputStream(p), 100), 1 << 20));
        try (file) {
            file.stream().write(new byte[5000]);
            assertThrows(IOException.class, file::commit);
        }
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("results.jsonl"), names());
    }

    @Test
    void aBatchIntoPendingFilesIsCompleteOnceCommitted() throws IOException {
        BatchRunner runner = new BatchRunner(TwitchAdvisor.bundled(), BatchOptions.defaults().withThreads(2));
        BatchSummary summary;
        try (PendingFile results = PendingFile.create(dir.resolve("r.jsonl"));
             PendingFile errors = PendingFile.create(dir.resolve("r.errors.jsonl"))) {
            summary = runner.run(Path.of("facts/batch/survey.csv"), results.stream(), errors.stream());
            errors.commit();
            results.commit();
        }
        assertTrue(summary.complete());
        assertTrue(summary.toJson().contains("\"complete\" : true"), summary.toJson());
        assertEquals(summary.assessed(), Files.readAllLines(dir.resolve("r.jsonl")).size());
        assertEquals(summary.rejected(), Files.readAllLines(dir.resolve("r.errors.jsonl")).size());
        assertEquals(List.of("r.errors.jsonl", "r.jsonl"), names());
    }

    @Test
    void aFolderThatDoesNotExistIsRefusedAtOnce() {
        assertThrows(NoSuchFileException.class, () -> PendingFile.create(dir.resolve("no/such/results.jsonl")));
    }

    @Test
    void aDeviceIsWrittenDirectly() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull), "a Unix device");
        try (PendingFile file = PendingFile.create(devNull)) {
            assertNull(file.temporary());
            file.stream().write("gone\n".getBytes(StandardCharsets.UTF_8));
            file.commit();
        }
        assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "/dev/null is still the device");
    }

    @Test
    void aSymbolicLinkKeepsPointingWhereItDid() throws IOException {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("results.jsonl"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("latest.jsonl"), real);
        try (PendingFile file = PendingFile.create(link)) {
            OutputStream out = file.stream();
            out.write("new\n".getBytes(StandardCharsets.UTF_8));
            file.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }
}
