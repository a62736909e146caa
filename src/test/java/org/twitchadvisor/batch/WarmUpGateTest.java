package org.twitchadvisor.batch;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warm-up gate lets the held-back worker in when the compiler goes quiet, and not before. */
class WarmUpGateTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong compiled = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void theSecondWorkerWaitsWhileTheCompilerIsBusyAndGoesOnceItIsQuiet() throws Exception {
        WarmUpGate gate = new WarmUpGate(2, 1, compiled::get, clock::get);
        gate.enter();
        CountDownLatch second = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            gate.enter();
            second.countDown();
            gate.exit();
        });
        worker.start();
        assertFalse(second.await(200, TimeUnit.MILLISECONDS), "only one worker may run while the compiler is busy");

        clock.addAndGet(SECOND);
        compiled.addAndGet(900);
        gate.check();
        assertFalse(gate.isOpen(), "900 ms of compiling in a second is busy");
        assertFalse(second.await(200, TimeUnit.MILLISECONDS));

        clock.addAndGet(SECOND);
        compiled.addAndGet(100);
        gate.check();
        assertTrue(gate.isOpen(), "100 ms of compiling in a second is quiet");
        assertTrue(second.await(5, TimeUnit.SECONDS), "the held-back worker runs once the gate is open");
        gate.exit();
        worker.join(5_000);
    }

    @Test
    void aLookWithinTheSameSecondChangesNothing() {
        WarmUpGate gate = new WarmUpGate(2, 1, compiled::get, clock::get);
        clock.addAndGet(SECOND / 2);
        gate.check();
        assertFalse(gate.isOpen(), "half a second with no compiling is too short a look");
    }

    @Test
    void aCompilerThatNeverSettlesStillLetsTheWorkerInAfterTwoMinutes() {
        WarmUpGate gate = new WarmUpGate(2, 1, compiled::get, clock::get);
        for (int s = 0; s < 119; s++) {
            clock.addAndGet(SECOND);
            compiled.addAndGet(1_000);
            gate.check();
        }
        assertFalse(gate.isOpen());
        clock.addAndGet(2 * SECOND);
        compiled.addAndGet(2_000);
        gate.check();
        assertTrue(gate.isOpen());
    }

    @Test
    void oneWorkerIsNeverHeldBack() {
        assertTrue(WarmUpGate.forWorkers(1).isOpen());
    }
}
