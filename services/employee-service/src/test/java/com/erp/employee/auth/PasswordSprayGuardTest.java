package com.erp.employee.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import com.erp.routes.common.web.ProblemException;
import com.erp.routes.testing.MutableClock;
import org.junit.jupiter.api.Test;

class PasswordSprayGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final PasswordSprayGuard guard = new PasswordSprayGuard(3, Duration.ofHours(1), Duration.ofMinutes(30),
            clock);

    @Test
    void aPasswordFailedOnSoManyAccountsIsRefusedForEveryAccountForThePause() {
        guard.failed("Winter2026!", "dev.lead");
        guard.failed("Winter2026!", "DEV.LEAD "); // the same account, however typed: no more than one
        guard.failed("Winter2026!", "dev.head");
        assertThatCode(() -> guard.check("Winter2026!")).doesNotThrowAnyException();
        guard.failed("Winter2026!", "no.such.person"); // made-up names count: the answers never tell them apart

        ProblemException paused = catchThrowableOfType(ProblemException.class, () -> guard.check("Winter2026!"));
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.retryAfterSeconds()).isEqualTo(30 * 60);
        assertThat(paused.getMessage()).contains("many accounts").doesNotContain("Winter2026!");
        assertThat(guard.isPaused("Winter2026!")).isTrue();
        assertThatCode(() -> guard.check("winter2026!")).as("only that password, letter for letter")
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.check("Summer2026!")).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(20));
        assertThat(catchThrowableOfType(ProblemException.class, () -> guard.check("Winter2026!")).retryAfterSeconds())
                .isEqualTo(10 * 60);
        clock.advance(Duration.ofMinutes(10));
        assertThatCode(() -> guard.check("Winter2026!")).doesNotThrowAnyException();
        assertThat(guard.isPaused("Winter2026!")).isFalse();

        // after the pause the count starts from nothing
        guard.failed("Winter2026!", "sales.lead");
        guard.failed("Winter2026!", "sales.head");
        assertThatCode(() -> guard.check("Winter2026!")).doesNotThrowAnyException();
    }

    @Test
    void failuresOlderThanTheWindowAreNotCounted() {
        guard.failed("Autumn2026!", "a");
        guard.failed("Autumn2026!", "b");
        clock.advance(Duration.ofMinutes(61));
        guard.failed("Autumn2026!", "c");
        guard.failed("Autumn2026!", "d");
        assertThatCode(() -> guard.check("Autumn2026!")).doesNotThrowAnyException();
        guard.failed("Autumn2026!", "e");
        assertThat(guard.isPaused("Autumn2026!")).isTrue();
    }

    @Test
    void oneAccountGuessingManyPasswordsPausesNone() {
        // that is the lock per username's to stop (LoginThrottle)
        for (int i = 0; i < 10; i++) {
            guard.failed("guess-" + i, "dev.lead");
            guard.failed("guess-" + i, "dev.lead");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(guard.isPaused("guess-" + i)).isFalse();
        }
        assertThat(guard.isPaused(null)).isFalse();
    }
}
