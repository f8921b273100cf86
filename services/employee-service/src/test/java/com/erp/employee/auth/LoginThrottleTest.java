package com.erp.employee.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;

import com.erp.routes.common.web.ProblemException;
import com.erp.routes.testing.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(30), Duration.ofMinutes(15), clock);

    @Test
    void afterFailuresInARowAUsernameWaitsThenMayTryAgain() {
        throttle.failed("dev.lead");
        throttle.failed("DEV.LEAD "); // the same username however it is typed
        assertThatCode(() -> throttle.check("dev.lead")).doesNotThrowAnyException();
        throttle.failed("dev.lead");

        ProblemException locked = catchThrowableOfType(ProblemException.class, () -> throttle.check("dev.lead"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.retryAfterSeconds()).isEqualTo(30);
        assertThatCode(() -> throttle.check("dev.head")).as("only that username").doesNotThrowAnyException();

        clock.advance(Duration.ofSeconds(20));
        assertThat(catchThrowableOfType(ProblemException.class, () -> throttle.check("dev.lead")).retryAfterSeconds())
                .isEqualTo(10);
        clock.advance(Duration.ofSeconds(11));
        assertThatCode(() -> throttle.check("dev.lead")).doesNotThrowAnyException();
    }

    @Test
    void aFailureOfASignInLetThroughBeforeTheLockDoesNotLiftIt() {
        // several sign-ins in flight at once: all passed check() before the third failure locked the username
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");

        ProblemException locked = catchThrowableOfType(ProblemException.class, () -> throttle.check("dev.lead"));
        assertThat(locked).as("still locked").isNotNull();
        assertThat(locked.retryAfterSeconds()).as("nor lengthened").isEqualTo(30);
        clock.advance(Duration.ofSeconds(31));
        assertThatCode(() -> throttle.check("dev.lead")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");
        throttle.succeeded("dev.lead");
        throttle.failed("dev.lead");
        throttle.failed("dev.lead");
        assertThatCode(() -> throttle.check("dev.lead")).doesNotThrowAnyException();
    }
}
