package org.twitchadvisor.batch;

import org.twitchadvisor.RuleCatalog;
import org.twitchadvisor.TwitchAdvisor;
import org.twitchadvisor.TwitchAdvisorException;
import org.twitchadvisor.internal.text.Utf8Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Assesses a whole survey in one streaming pass: records are read in order, assessed in parallel, and written
 * in input order, so the output bytes are the same for any thread count. Every record gives exactly one
 * result line or one line in the errors file (see {@code docs/batch.md}); a bad record never stops the batch.
 *
 * <p>Memory does not grow with the input: records travel in chunks, and at most a fixed number of chunks
 * (twice the thread count, plus two) are read ahead of the writer. While {@code run} works it uses its own
 * threads: one reader and {@link BatchOptions#threads()} workers, all stopped before it returns. One runner
 * may run several batches, one after the other or at once.
 */
public final class BatchRunner {
    /** Records per chunk: big enough that handing a chunk between threads costs nothing, small enough to keep memory flat. */
    private static final int CHUNK_RECORDS = 128;
    /** A chunk also ends after this many characters of input, so a run of huge JSON lines stays bounded. */
    private static final int CHUNK_CHARS = 1 << 20;
    private static final Duration NO_ETA_BEFORE = Duration.ofSeconds(2);

    private final TwitchAdvisor advisor;
    private final BatchOptions options;

    /**
     * @param advisor the rules to assess with; its {@link TwitchAdvisor#withMaxFirings firing bound} is the
     *                runaway-rule guard of every questionnaire
     * @param options formats, threads and progress reporting
     */
    public BatchRunner(TwitchAdvisor advisor, BatchOptions options) {
        this.advisor = advisor;
        this.options = options;
    }

    /**
     * Assesses every record of a file (CSV or JSON Lines) or folder (of JSON files).
     *
     * @param input the file or folder; its format is {@link BatchOptions#inputFormat()}, or else told by
     *              {@link BatchOptions.InputFormat#of(Path)}
     * @param results where the results go; not closed
     * @param errors where the error records go, one JSON object per line; not closed
     * @return what was done
     * @throws TwitchAdvisorException when the input cannot be read or its format or CSV header cannot be used
     * @throws IOException when writing fails
     */
    public BatchSummary run(Path input, OutputStream results, OutputStream errors) throws IOException {
        long start = System.nanoTime();
        BatchOptions.InputFormat format = options.inputFormat() != null ? options.inputFormat()
                : BatchOptions.InputFormat.of(input);
        if (format == null) {
            throw new TwitchAdvisorException(input + ": cannot tell the format from the name; use a .csv or .jsonl"
                    + " file, or a folder of .json files");
        }
        if (format == BatchOptions.InputFormat.JSON_FOLDER) {
            if (!Files.isDirectory(input)) {
                throw new TwitchAdvisorException(input + ": not a folder");
            }
            try (RecordReader reader = new JsonFolderRecordReader(input)) {
                return execute(reader, null, input.toString(), results, errors, start, null);
            }
        }
        InputStream in;
        long size;
        Compression compression = Compression.of(input);
        CutShortGuard guard = null;
        try {
            size = Files.size(input);
            in = Files.newInputStream(input);
            if (compression != Compression.NONE) {
                try {
                    in = guard = new CutShortGuard(compression.decompress(in), compression);
                } catch (IOException e) {
                    in.close();
                    throw new TwitchAdvisorException(input + ": not " + compression.name().toLowerCase(Locale.ROOT)
                            + " data, as its name says: " + e.getMessage(), e);
                }
                size = -1; // the plain size is not known before the end
            }
        } catch (NoSuchFileException e) {
            throw new TwitchAdvisorException(input + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new TwitchAdvisorException(input + ": permission denied", e);
        } catch (IOException e) {
            throw new TwitchAdvisorException(input + ": cannot read: " + e.getMessage(), e);
        }
        return run(in, size, format, input.toString(), results, errors, start, guard);
    }

    /**
     * Assesses every record of a stream, such as standard input.
     *
     * @param input CSV or JSON Lines; closed when done
     * @param name the input's name for error records and the summary, e.g. {@code -}
     * @param results where the results go; not closed
     * @param errors where the error records go; not closed
     * @return what was done
     * @throws TwitchAdvisorException when the input cannot be read or its CSV header cannot be used
     * @throws IOException when writing fails
     */
    public BatchSummary run(InputStream input, String name, OutputStream results, OutputStream errors)
            throws IOException {
        if (options.inputFormat() == BatchOptions.InputFormat.JSON_FOLDER) {
            throw new IllegalArgumentException("a stream cannot be a folder of JSON files");
        }
        return run(input, -1, options.inputFormat(), name, results, errors, System.nanoTime(), null);
    }

    private BatchSummary run(InputStream raw, long size, BatchOptions.InputFormat format, String name,
                             OutputStream results, OutputStream errors, long start, CutShortGuard guard)
            throws IOException {
        InputBytes bytes;
        try {
            bytes = new InputBytes(raw, size);
            if (format == null) {
                format = bytes.peekFirstNonBlank() == '{' ? BatchOptions.InputFormat.JSON_LINES
                        : BatchOptions.InputFormat.CSV;
            }
        } catch (IOException e) {
            raw.close();
            throw new TwitchAdvisorException(name + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.otherEncoding() != null) {
            // Read as UTF-8, every record would be an error naming garbage, or a header naming no question.
            bytes.close();
            throw new TwitchAdvisorException(name + ": " + Utf8Text.otherEncodingMessage(bytes.otherEncoding()));
        }
        if (format == BatchOptions.InputFormat.JSON_LINES) {
            try (RecordReader reader = new JsonLinesRecordReader(name, bytes)) {
                return execute(reader, null, name, results, errors, start, guard);
            }
        }
        CsvRecordReader reader;
        try {
            reader = new CsvRecordReader(name, bytes, advisor, options.ignoreUnknownColumns());
        } catch (IOException e) {
            bytes.close();
            throw new TwitchAdvisorException(name + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            bytes.close();
            throw e;
        }
        try (reader) {
            return execute(reader, reader.header(), name, results, errors, start, guard);
        }
    }

    /**
     * The ordered pipeline: a reader thread cuts the input into chunks and hands each to the worker pool,
     * queueing its future; this thread takes the futures in order and writes their bytes. The queue's bound
     * is what keeps memory flat: the reader waits while the writer is that far behind.
     */
    private BatchSummary execute(RecordReader reader, CsvHeader header, String name, OutputStream results,
                                 OutputStream errors, long start, CutShortGuard guard) throws IOException {
        int threads = options.threads();
        ResultFormat format = ResultFormat.of(options, advisor);
        RecordAssessor assessor = new RecordAssessor(advisor, header, format, options.compression(),
                options.report() != null);
        BlockingQueue<Future<RecordAssessor.Result>> window = new ArrayBlockingQueue<>(2 * threads + 2);
        ExecutorService workers = Executors.newFixedThreadPool(threads, named("twitch-batch-worker-"));
        AtomicBoolean stop = new AtomicBoolean();
        WarmUpGate gate = WarmUpGate.forWorkers(threads);
        Thread readerThread = named("twitch-batch-reader").newThread(() -> read(reader, assessor, workers, window, stop, gate));
        Tally tally = new Tally(options.report() != null);
        boolean finished = false;
        try {
            writeHeader(format.header(), results);
            readerThread.start();
            long lastReport = start;
            while (true) {
                RecordAssessor.Result chunk = take(window);
                if (chunk == null) {
                    break;
                }
                chunk.results().writeTo(results);
                chunk.errors().writeTo(errors);
                tally.add(chunk.tally());
                assessor.recycle(chunk);
                long now = System.nanoTime();
                if (options.progress() != null && now - lastReport >= options.progressInterval().toNanos()) {
                    lastReport = now;
                    options.progress().accept(progress(tally.read, now - start, reader.fractionRead()));
                }
            }
            results.flush();
            errors.flush();
            finished = true;
        } finally {
            stop.set(true);
            workers.shutdownNow();
            // After a failure the reader may be blocked reading a stream that never ends (a stalled pipe): it is
            // a daemon thread, so it is given a moment and then left behind rather than hanging the caller.
            join(readerThread, finished ? 0 : 1000);
            awaitTermination(workers);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RuleCatalog catalog = advisor.catalog();
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        for (String type : Tally.LEVELS.keySet()) {
            subjects.put(type, catalog.subjects().stream().filter(s -> s.type().equals(type))
                    .map(RuleCatalog.Subject::id).sorted().toList());
        }
        if (options.report() != null) {
            options.report().add(tally.population);
        }
        String stoppedBy = reader.stoppedBy() != null ? reader.stoppedBy() : guard == null ? null : guard.cutShort();
        // Only reached once every record read is written and both streams are flushed.
        return tally.summary(name, advisor.ruleset(), threads, seconds, stoppedBy, stoppedBy == null,
                subjects,
                catalog.rules().stream().map(RuleCatalog.Rule::name).sorted().toList());
    }

    /** Writes the header, compressed on its own: even an empty input then gives a valid compressed file. */
    private void writeHeader(String header, OutputStream results) throws IOException {
        RecordAssessor.Bytes plain = new RecordAssessor.Bytes(header.length());
        plain.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        if (options.compression() == Compression.NONE) {
            plain.writeTo(results);
            return;
        }
        RecordAssessor.Bytes packed = new RecordAssessor.Bytes(64);
        options.compression().compressMember(plain, packed);
        packed.writeTo(results);
    }

    private static RecordAssessor.Result assess(RecordAssessor assessor, List<RawRecord> chunk, WarmUpGate gate) {
        gate.enter();
        try {
            return assessor.assess(chunk);
        } finally {
            gate.exit();
        }
    }

    /** Runs on the reader thread; ends the queue with a {@code null} result, or a failed one if reading failed. */
    private static void read(RecordReader reader, RecordAssessor assessor, ExecutorService workers,
                             BlockingQueue<Future<RecordAssessor.Result>> window, AtomicBoolean stop, WarmUpGate gate) {
        Future<RecordAssessor.Result> last = CompletableFuture.completedFuture(null);
        try {
            List<RawRecord> chunk = new ArrayList<>(CHUNK_RECORDS);
            int chars = 0;
            for (RawRecord r = reader.next(); r != null; r = reader.next()) {
                chunk.add(r);
                chars += r.size();
                if (chunk.size() == CHUNK_RECORDS || chars >= CHUNK_CHARS) {
                    List<RawRecord> full = chunk;
                    if (!offer(window, workers.submit(() -> assess(assessor, full, gate)), stop)) {
                        return;
                    }
                    chunk = new ArrayList<>(CHUNK_RECORDS);
                    chars = 0;
                }
            }
            if (!chunk.isEmpty()) {
                List<RawRecord> rest = chunk;
                if (!offer(window, workers.submit(() -> assess(assessor, rest, gate)), stop)) {
                    return;
                }
            }
        } catch (IOException e) {
            last = CompletableFuture.failedFuture(e);
        } catch (RuntimeException | Error e) {
            last = CompletableFuture.failedFuture(e);
        }
        offer(window, last, stop);
    }

    /** Waits for room in the window unless the writer has stopped, in which case nobody will ever make room. */
    private static <T> boolean offer(BlockingQueue<T> window, T item, AtomicBoolean stop) {
        try {
            while (!window.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RecordAssessor.Result take(BlockingQueue<Future<RecordAssessor.Result>> window) throws IOException {
        try {
            return window.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the batch was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new TwitchAdvisorException("cannot read the input: " + io.getMessage(), io);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static BatchProgress progress(long done, long elapsedNanos, double fraction) {
        Duration elapsed = Duration.ofNanos(elapsedNanos);
        double perSecond = elapsedNanos > 0 ? done / (elapsedNanos / 1e9) : 0;
        Duration eta = null;
        if (fraction > 0 && !Double.isNaN(fraction) && elapsed.compareTo(NO_ETA_BEFORE) >= 0) {
            eta = Duration.ofNanos((long) (elapsedNanos * (1 - fraction) / fraction));
        }
        return new BatchProgress(done, elapsed, perSecond, eta);
    }

    /** Waits for a thread to end, at most {@code millis} (0: as long as it takes). */
    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A worker finishes its chunk (milliseconds: firings are bounded) before it sees the interrupt. */
    private static void awaitTermination(ExecutorService workers) {
        try {
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon threads with names, so a thread dump shows what they are and they never keep a JVM alive. */
    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix.endsWith("-") ? prefix + n.incrementAndGet() : prefix);
            t.setDaemon(true);
            return t;
        };
    }
}
