package com.erp.employee.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.erp.employee.api.LoginRequest;
import com.erp.routes.common.web.ProblemException;
import com.erp.routes.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordSprayGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final PasswordSprayGuard guard = new PasswordSprayGuard(3, Duration.ofHours(1), Duration.ofHours(1), clock);

    private void fails(String password, String account) {
        guard.begin(password, account).failed();
    }

    private long refusedFor(String password, String account) {
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> guard.begin(password, account));
        assertThat(refused).as("%s on %s refused", password, account).isNotNull();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.getMessage()).contains("many accounts").doesNotContain(password);
        return refused.retryAfterSeconds();
    }

    @Test
    void aPasswordFailedOnSoManyAccountsIsRefusedForEveryAccountForThePause() {
        fails("Winter2026!", "dev.lead");
        fails("Winter2026!", "DEV.LEAD "); // the same account, however typed: no more than one
        fails("Winter2026!", "dev.head");
        assertThat(guard.isPaused("Winter2026!")).isFalse();
        fails("Winter2026!", "no.such.person"); // made-up names count: the answers never tell them apart

        assertThat(refusedFor("Winter2026!", "sales.lead")).isEqualTo(60 * 60);
        assertThat(refusedFor("Winter2026!", "dev.lead")).as("the accounts tried too").isEqualTo(60 * 60);
        assertThat(guard.isPaused("Winter2026!")).isTrue();
        assertThatCode(() -> guard.begin("winter2026!", "dev.lead").failed()).as("only that password, letter for letter")
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.begin("Summer2026!", "dev.lead").done()).doesNotThrowAnyException();

        clock.advance(Duration.ofMinutes(50));
        assertThat(refusedFor("Winter2026!", "sales.lead")).isEqualTo(10 * 60);
        clock.advance(Duration.ofMinutes(10));
        assertThat(guard.isPaused("Winter2026!")).isFalse();
    }

    @Test
    void signInsInFlightCountAsTriedSoABurstGetsNoMoreAccounts() {
        // three at once, none checked yet: a fourth account waits, whatever their outcome will be
        PasswordSprayGuard.Attempt a = guard.begin("Spring2026!", "a");
        PasswordSprayGuard.Attempt b = guard.begin("Spring2026!", "b");
        PasswordSprayGuard.Attempt c = guard.begin("Spring2026!", "c");
        assertThat(refusedFor("Spring2026!", "d")).isEqualTo(2);
        // one of them was its owner's password: the place is free again
        a.done();
        PasswordSprayGuard.Attempt d = guard.begin("Spring2026!", "d");
        b.failed();
        c.failed();
        assertThat(guard.isPaused("Spring2026!")).isFalse();
        d.failed();
        assertThat(guard.isPaused("Spring2026!")).isTrue();
    }

    @Test
    void theCountIsOfTheLastWindowSlidingNotFromTheFirstFailure() {
        fails("Autumn2026!", "a");
        clock.advance(Duration.ofMinutes(50));
        fails("Autumn2026!", "b");
        clock.advance(Duration.ofMinutes(20)); // a's failure is older than the window now
        fails("Autumn2026!", "c");
        assertThat(guard.isPaused("Autumn2026!")).isFalse();
        clock.advance(Duration.ofMinutes(20)); // b's still counts (50 minutes ago)
        fails("Autumn2026!", "d");
        assertThat(guard.isPaused("Autumn2026!")).isTrue();
    }

    @Test
    void afterThePauseTheCountStartsAgain() {
        fails("Hello2026!", "a");
        fails("Hello2026!", "b");
        fails("Hello2026!", "c");
        clock.advance(Duration.ofMinutes(59));
        assertThat(refusedFor("Hello2026!", "d")).isEqualTo(60);
        clock.advance(Duration.ofMinutes(1));
        fails("Hello2026!", "d");
        fails("Hello2026!", "a");
        assertThat(guard.isPaused("Hello2026!")).isFalse();
        fails("Hello2026!", "e");
        assertThat(refusedFor("Hello2026!", "f")).isEqualTo(60 * 60);
    }

    /**
     * Failures recorded while another sign-in read the record (here: a record that always reads as before them) are
     * still counted by the instance that recorded them: the record's read alone would have let a fourth account in.
     */
    @Test
    void failuresRecordedWhileTheRecordWasReadStillCount() {
        SprayRecord kept = SprayRecord.inMemory(Duration.ofHours(1), Duration.ofHours(1));
        SprayRecord readTooEarly = new SprayRecord() {
            @Override
            public Standing standing(String password, Instant since, Instant now) {
                return new Standing(java.util.Set.of(), kept.pausedUntil(password, now));
            }

            @Override
            public int failed(String password, String account, Instant at, Instant since) {
                return kept.failed(password, account, at, since);
            }

            @Override
            public void pause(String password, Instant until) {
                kept.pause(password, until);
            }

            @Override
            public Instant pausedUntil(String password, Instant now) {
                return kept.pausedUntil(password, now);
            }

            @Override
            public int sweep(Instant failuresBefore, Instant now) {
                return 0;
            }
        };
        PasswordSprayGuard racing = new PasswordSprayGuard(3, Duration.ofHours(1), Duration.ofHours(1), clock,
                readTooEarly, new byte[32]);
        racing.begin("Race2026!", "a").failed();
        racing.begin("Race2026!", "b").failed();
        racing.begin("Race2026!", "c"); // the third account, still in flight
        ProblemException refused = catchThrowableOfType(ProblemException.class, () -> racing.begin("Race2026!", "d"));
        assertThat(refused).as("a fourth account while three are tried").isNotNull();
        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void aPauseShorterThanTheWindowIsRefused() {
        // it would let a password on more accounts than the count within one window
        assertThatThrownBy(() -> new PasswordSprayGuard(5, Duration.ofHours(24), Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the window");
    }

    @Test
    void anAttemptEndsOnceSoItCannotFreeAnotherSignInsPlace() {
        PasswordSprayGuard.Attempt a = guard.begin("Twice2026!", "a");
        guard.begin("Twice2026!", "a"); // the same account twice at once: still in flight when the first ends
        a.done();
        a.done();
        a.failed();
        guard.begin("Twice2026!", "b");
        guard.begin("Twice2026!", "c");
        assertThat(refusedFor("Twice2026!", "d")).as("a, b and c in flight").isEqualTo(2);
        assertThat(guard.isPaused("Twice2026!")).as("the ended attempt's failure is not counted").isFalse();
    }

    @Test
    void oneAccountGuessingManyPasswordsPausesNone() {
        // that is the lock per username's to stop (LoginThrottle)
        for (int i = 0; i < 10; i++) {
            fails("guess-" + i, "dev.lead");
            fails("guess-" + i, "dev.lead");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(guard.isPaused("guess-" + i)).isFalse();
        }
        assertThat(guard.isPaused(null)).isFalse();
    }

    /** Made-up names count as the database would find them: two spellings of one are one account, as a real one's are. */
    @Test
    void spellingsOfAMadeUpNameAreOneAccount() {
        assertThat(Usernames.key("dév.x")).isEqualTo(Usernames.key("ＤＥＶ.Ｘ")).isEqualTo(Usernames.key(" DEV.X "))
                .isEqualTo(Usernames.key("dev.x"));
        assertThat(Usernames.key("jeßica")).isEqualTo(Usernames.key("jessica"));
        // punctuation and spaces count, as in the database: these may be two real people's names
        assertThat(Usernames.key("dev-x")).isNotEqualTo(Usernames.key("dev.x")).isNotEqualTo(Usernames.key("devx"));
        assertThat(Usernames.key("lee-jin")).isNotEqualTo(Usernames.key("leejin"));
        assertThat(Usernames.key("jo hn")).isNotEqualTo(Usernames.key("john"));
        assertThat(Usernames.key("dev．x")).as("a full-width stop").isEqualTo(Usernames.key("dev.x"));
        assertThat(Usernames.key("de\u00advx")).as("a soft hyphen, ignored").isEqualTo(Usernames.key("devx"));
        assertThat(Usernames.key("dev.x\u0001")).as("a control, ignored").isEqualTo(Usernames.key("dev.x"));
        assertThat(Usernames.key("dev\u0007.x")).isEqualTo(Usernames.key("dev.x"));
        assertThat(Usernames.key("abc.\u0301")).as("a mark after a stop, ignored").isEqualTo(Usernames.key("abc."));
        fails("Quiet2026!", "dév.x");
        fails("Quiet2026!", "dev.x");
        fails("Quiet2026!", "ＤＥＶ.Ｘ");
        fails("Quiet2026!", "other");
        assertThat(guard.isPaused("Quiet2026!")).isFalse();
    }

    @Test
    void aSignInWithAPausedPasswordIsRefusedBeforeThePasswordIsChecked() {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "{x}" + raw;
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return ("{x}" + raw).equals(encoded);
            }
        };
        LoginService login = new LoginService(counting, null, null, "ERP_TOKEN", false,
                new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15), clock), guard,
                new PasswordCheckGate(1, 4, Duration.ofSeconds(1)));
        for (String name : List.of("a", "b", "c")) {
            assertThatThrownBy(() -> login.login(new LoginRequest(name, "Sprayed2026!"), List.of()))
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(401);
        }
        assertThat(checks).hasValue(3);
        assertThatThrownBy(() -> login.login(new LoginRequest("d", "Sprayed2026!"), List.of()))
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(429);
        assertThat(checks).as("no check for a paused password").hasValue(3);
    }

    @Test
    void aSignInWhosePasswordWasNotCheckedIsNoGuessAndLeavesNothingInFlight() {
        PasswordEncoder broken = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return "x";
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                throw new IllegalStateException("the check failed");
            }
        };
        LoginService login = new LoginService(broken, null, null, "ERP_TOKEN", false,
                new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15), clock), guard,
                new PasswordCheckGate(1, 4, Duration.ofSeconds(1)));
        for (String name : List.of("a", "b", "c", "d", "e")) {
            assertThatThrownBy(() -> login.login(new LoginRequest(name, "Unchecked2026!"), List.of()))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(guard.isPaused("Unchecked2026!")).isFalse();
    }
}
