package com.erp.employee.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

class PasswordCheckGateTest {

    /** A check holding the gate's only turn until {@code release} opens; {@code result} its answer (true). */
    private record Holding(CompletableFuture<Boolean> result, CountDownLatch release) {
    }

    /** Starts a check that takes the gate's turn and keeps it; returns once it has it. */
    private static Holding holding(PasswordCheckGate gate) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> result = CompletableFuture.supplyAsync(() -> gate.check(() -> {
            running.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return new Holding(result, release);
    }

    @Test
    void aCheckBeyondTheBoundWaitsItsTurnThenRuns() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 1, Duration.ofSeconds(30));
        Holding first = holding(gate);

        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> gate.check(() -> true));
        Thread.sleep(200);
        assertThat(second).as("waiting for the first to give its turn back").isNotDone();
        first.release().countDown();
        assertThat(first.result().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCheckThatWaitsTooLongOrFindsTheQueueFullIsAnswered503AndNeverRuns() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, 1, Duration.ofMillis(300));
        Holding first = holding(gate);

        // waits its 300 ms, in vain
        boolean[] ran = {false};
        long started = System.nanoTime();
        ProblemException waited = catchThrowableOfType(ProblemException.class, () -> gate.check(() -> ran[0] = true));
        assertThat(waited.status()).isEqualTo(503);
        assertThat(waited.retryAfterSeconds()).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));

        // one waiting already (the most): the next is refused without waiting
        CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> gate.check(() -> true));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!queued.isDone() && System.nanoTime() < deadline && gate.waiting() == 0) {
            Thread.sleep(5);
        }
        ProblemException full = catchThrowableOfType(ProblemException.class, () -> gate.check(() -> ran[0] = true));
        assertThat(full.status()).isEqualTo(503);
        assertThat(ran[0]).as("no refused check ran").isFalse();

        first.release().countDown();
        assertThat(first.result().get(30, TimeUnit.SECONDS)).isTrue();
        // the one waiting has its turn first (or gave up waiting); then the next runs, its answer the check's
        queued.handle((r, e) -> r).get(30, TimeUnit.SECONDS);
        assertThat(gate.check(() -> false)).isFalse();
    }

    @Test
    void aCheckThatFailsGivesItsTurnBack() {
        PasswordCheckGate gate = new PasswordCheckGate(1, 0, Duration.ofMillis(50));
        catchThrowableOfType(IllegalStateException.class, () -> gate.check(() -> {
            throw new IllegalStateException("hash unreadable");
        }));
        assertThat(gate.check(() -> true)).isTrue();
    }
}
