package org.twitchadvisor.batch;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Keeps one worker back while the JIT compiler is still busy, when the workers alone would fill every core.
 *
 * <p>A batch's first seconds run on slow code until the compiler has compiled the hot paths, and on a small machine
 * the compiler competes with the workers for the cores. On 2 cores with 2 workers, the rate was still rising 40 s
 * into a run of 200,000 population rows; with one worker held back, the compiler was done after about 13 s, and the
 * whole run took 12% less time and 15% less CPU. The held-back worker joins as soon as the compiler has been quiet
 * for a second (compiling for under a fifth of it), or after two minutes whatever it does.
 */
final class WarmUpGate {
    private static final long CHECK_NANOS = 1_000_000_000L;
    private static final long GIVE_UP_NANOS = 120_000_000_000L;
    /** Compile time per second of wall time below which the compiler counts as quiet. */
    private static final double QUIET = 0.2;

    private final Semaphore permits;
    private final int heldBack;
    private final LongSupplier compiledMillis;
    private final LongSupplier nanoTime;
    private final long start;
    private volatile boolean open;
    private long checkedAt;
    private long compiledAtCheck;

    /**
     * @param workers the worker threads
     * @param heldBack how many of them wait until the compiler is quiet
     * @param compiledMillis the compile time so far, in milliseconds
     * @param nanoTime the clock
     */
    WarmUpGate(int workers, int heldBack, LongSupplier compiledMillis, LongSupplier nanoTime) {
        this.permits = new Semaphore(workers - heldBack);
        this.heldBack = heldBack;
        this.compiledMillis = compiledMillis;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.checkedAt = start;
        this.open = heldBack == 0;
        this.compiledAtCheck = open ? 0 : compiledMillis.getAsLong();
    }

    /**
     * @param workers the batch's worker threads
     * @return a gate that holds one worker back if the workers fill the machine and the JVM reports compile time
     */
    static WarmUpGate forWorkers(int workers) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        boolean fills = workers >= 2 && workers >= Runtime.getRuntime().availableProcessors();
        boolean measurable = compiler != null && compiler.isCompilationTimeMonitoringSupported();
        return fills && measurable ? new WarmUpGate(workers, 1, compiler::getTotalCompilationTime, System::nanoTime)
                : new WarmUpGate(workers, 0, () -> 0, System::nanoTime);
    }

    /** Waits for a permit to assess a chunk, first letting the held-back worker in if the compiler is done. */
    void enter() {
        if (!open) {
            check();
        }
        permits.acquireUninterruptibly();
    }

    /** Returns the permit after a chunk. */
    void exit() {
        permits.release();
    }

    /** @return whether every worker may run */
    boolean isOpen() {
        return open;
    }

    /** Opens the gate if the compiler was quiet over the second since the last look, or the wait has been too long. */
    synchronized void check() {
        long now = nanoTime.getAsLong();
        if (open || now - checkedAt < CHECK_NANOS) {
            return;
        }
        long millis = compiledMillis.getAsLong();
        boolean quiet = (millis - compiledAtCheck) * 1_000_000.0 < QUIET * (now - checkedAt);
        checkedAt = now;
        compiledAtCheck = millis;
        if (quiet || now - start > GIVE_UP_NANOS) {
            open = true;
            permits.release(heldBack);
        }
    }
}
