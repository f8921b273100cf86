package com.erp.approvalrequest.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Set;

import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Whose X-Dispatch-Mode counts, and what it changes. */
class DispatchModeRuleTest {

    private static final Caller EMPLOYEE = new Caller(1, "dev.staff", "김민준", "개발본부", "STAFF", Set.of("EMPLOYEE"));
    private static final Caller ADMIN = new Caller(2, "admin", "관리자", "경영지원본부", "STAFF", Set.of("EMPLOYEE", "ADMIN"));

    private static DispatchMode mode(DispatchMode.RequestHeader header) {
        return new DispatchMode(DispatchMode.Mode.ASYNC, header, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    @Test
    void byDefaultOnlyAnAdministratorMayChooseThePath() {
        DispatchMode admins = mode(DispatchMode.RequestHeader.ADMINS);
        assertThatThrownBy(() -> admins.permit("sync", EMPLOYEE)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.status()).isEqualTo(403));
        assertThatThrownBy(() -> admins.permit("async", EMPLOYEE)).isInstanceOf(ProblemException.class);
        assertThatCode(() -> admins.permit("sync", ADMIN)).doesNotThrowAnyException();
        assertThatCode(() -> admins.permit(null, EMPLOYEE)).doesNotThrowAnyException();
        assertThatCode(() -> admins.permit("", EMPLOYEE)).doesNotThrowAnyException();
    }

    @Test
    void configuredForEveryoneAnyonesChoiceCountsAndOverridesTheMode() {
        DispatchMode everyone = mode(DispatchMode.RequestHeader.EVERYONE);
        assertThatCode(() -> everyone.permit("sync", EMPLOYEE)).doesNotThrowAnyException();
        assertThat(everyone.chosen("sync")).isTrue();
        assertThat(everyone.chosen(null)).isFalse();
        everyone.switchTo("SYNC", "admin");
        assertThat(everyone.chosen("async")).isFalse();
        assertThat(everyone.chosen(null)).isTrue();
    }

    /**
     * A refresh that read the store just before a switch here does not undo the switch with what it read (CI saw the
     * mode go back to ASYNC for a second right after a switch to SYNC).
     */
    @Test
    void aRefreshThatReadTheStoreBeforeASwitchDoesNotUndoIt() throws Exception {
        java.util.concurrent.atomic.AtomicReference<DispatchModeStore.Stored> kept = new java.util.concurrent.atomic.AtomicReference<>(
                new DispatchModeStore.Stored("ASYNC", java.time.Instant.parse("2026-12-07T00:00:00Z"), "admin"));
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch switched = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
        DispatchModeStore slow = new DispatchModeStore() {
            @Override
            public java.util.Optional<Stored> read() {
                Stored then = kept.get();
                if (holding.get()) {
                    read.countDown();
                    try {
                        switched.await(); // the switch happens while this read is on its way back
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return java.util.Optional.of(then);
            }

            @Override
            public void write(Stored stored) {
                kept.set(stored);
            }
        };
        DispatchMode mode = new DispatchMode(DispatchMode.Mode.ASYNC, DispatchMode.RequestHeader.ADMINS, slow,
                Clock.systemUTC(), new SimpleMeterRegistry());
        holding.set(true);
        java.util.concurrent.CompletableFuture<Boolean> refreshed = java.util.concurrent.CompletableFuture.supplyAsync(mode::refresh);
        read.await();
        holding.set(false);
        mode.switchTo("SYNC", "admin");
        switched.countDown();
        assertThat(refreshed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
        assertThat(mode.getMode()).isEqualTo("SYNC");
        // the next refresh reads what the switch wrote
        mode.refresh();
        assertThat(mode.getMode()).isEqualTo("SYNC");
    }

    /** A switch that cannot be kept for every instance is not made in one alone; the mode in force stays. */
    @Test
    void aSwitchItsStoreCannotKeepIsRefusedAndTheModeKept() {
        DispatchModeStore down = new DispatchModeStore() {
            @Override
            public java.util.Optional<Stored> read() {
                throw new IllegalStateException("MongoDB is away");
            }

            @Override
            public void write(Stored stored) {
                throw new IllegalStateException("MongoDB is away");
            }
        };
        DispatchMode mode = new DispatchMode(DispatchMode.Mode.ASYNC, DispatchMode.RequestHeader.ADMINS, down,
                Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(mode.getMode()).as("the configured one while the store cannot be read").isEqualTo("ASYNC");
        assertThatThrownBy(() -> mode.switchTo("SYNC", "admin")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.getMessage()).contains("still ASYNC");
        });
        assertThat(mode.getMode()).isEqualTo("ASYNC");
        assertThat(mode.refresh()).isFalse();
    }
}
