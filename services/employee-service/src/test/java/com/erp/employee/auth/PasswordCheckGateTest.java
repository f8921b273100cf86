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

    @Test
    void aCheckBeyondTheBoundWaitsItsTurnOrIsAnswered503() throws Exception {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofMillis(200));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> gate.check(() -> {
            running.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        boolean[] ran = {false};
        ProblemException busy = catchThrowableOfType(ProblemException.class, () -> gate.check(() -> ran[0] = true));
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.retryAfterSeconds()).isPositive();
        assertThat(ran[0]).as("the check beyond the bound never ran").isFalse();

        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        // its turn given back: the next one runs, and its answer is the check's
        assertThat(gate.check(() -> false)).isFalse();
        assertThat(gate.check(() -> true)).isTrue();
    }

    @Test
    void aCheckThatFailsGivesItsTurnBack() {
        PasswordCheckGate gate = new PasswordCheckGate(1, Duration.ofMillis(50));
        catchThrowableOfType(IllegalStateException.class, () -> gate.check(() -> {
            throw new IllegalStateException("hash unreadable");
        }));
        assertThat(gate.check(() -> true)).isTrue();
    }
}
