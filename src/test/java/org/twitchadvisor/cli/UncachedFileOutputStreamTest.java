package org.twitchadvisor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twitchadvisor.batch.PendingFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results file written around the page cache holds exactly the bytes written, whatever their length and
 * however they arrive, and an ordinary file system that refuses direct writes gets the same bytes.
 */
class UncachedFileOutputStreamTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 512, 4095, 4096, 4097, 65_537, (4 << 20) - 1, 4 << 20, (4 << 20) + 1, 9_999_999})
    void holdsExactlyTheBytesWritten(int length) throws IOException {
        byte[] data = random(length, length);
        Path file = dir.resolve("out-" + length + ".jsonl");
        try (OutputStream out = UncachedFileOutputStream.open(file)) {
            // Pieces of odd sizes, single bytes and flushes in between, as the batch writer and Jackson do.
            Random sizes = new Random(7);
            int at = 0;
            while (at < length) {
                if (sizes.nextInt(10) == 0) {
                    out.write(data[at++]);
                    continue;
                }
                int n = Math.min(length - at, sizes.nextInt(300_000));
                out.write(data, at, n);
                at += n;
                if (sizes.nextInt(4) == 0) {
                    out.flush();
                }
            }
        }
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    @Test
    void replacesWhatTheFileHeld() throws IOException {
        Path file = dir.resolve("old.jsonl");
        Files.write(file, random(100_000, 1));
        try (OutputStream out = UncachedFileOutputStream.open(file)) {
            out.write("{}\n".getBytes());
        }
        assertEquals("{}\n", Files.readString(file));
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        Path file = dir.resolve("twice.jsonl");
        OutputStream out = UncachedFileOutputStream.open(file);
        out.write(random(5000, 3));
        out.close();
        out.close();
        assertEquals(5000, Files.size(file));
    }

    @Test
    void aFileSystemWithoutDirectWritesGetsTheSameBytes() throws IOException {
        // tmpfs refuses O_DIRECT at open; where there is none the test still checks the ordinary path.
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : dir;
        Path file = Files.createTempFile(base, "twitch-", ".jsonl");
        try {
            byte[] data = random(1_234_567, 5);
            try (OutputStream out = UncachedFileOutputStream.open(file)) {
                out.write(data);
            }
            assertArrayEquals(data, Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aPendingFileWrittenAroundThePageCacheIsRenamedWholeAndOnlyThen() throws IOException {
        byte[] data = random(9_999_999, 11);
        Path target = dir.resolve("results.jsonl");
        try (PendingFile file = PendingFile.create(target, UncachedFileOutputStream::open)) {
            file.stream().write(data);
            file.stream().flush();
            assertFalse(Files.exists(target));
            // Whole blocks are on the disk already; the partial last block waits for the close in commit.
            assertTrue(Files.size(file.temporary()) > 0 && Files.size(file.temporary()) <= data.length);
            file.commit();
        }
        assertArrayEquals(data, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file left");
        }
    }

    private static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
