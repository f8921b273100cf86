package com.erp.employee.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.erp.routes.common.web.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing: after {@code maxFailures} failed sign-ins in a row for a username, sign-ins for
 * it are refused (429 with Retry-After) for {@code lock}, before any password is checked. The same for usernames
 * that do not exist, so the answer still reveals nothing. The lock is short on purpose: someone who knows a
 * username can lock it, so it should cost an attacker time without locking people out for long.
 */
public class LoginThrottle {

    private record Failures(int inARow, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(int maxFailures, Duration lock, Duration forgetAfter, Clock clock) {
        this.maxFailures = maxFailures;
        this.lock = lock;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().expireAfterWrite(forgetAfter).maximumSize(100_000).build();
    }

    /** Refuses a sign-in for a username that is locked just now. */
    public void check(String username) {
        Failures f = failures.getIfPresent(key(username));
        Instant now = clock.instant();
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, f.lockedUntil()).toSeconds());
            throw ProblemException.tooManyRequests(
                    "Too many failed sign-ins for this username; try again in " + seconds + " s.", (int) seconds);
        }
    }

    public void failed(String username) {
        failures.asMap().compute(key(username), (k, f) -> {
            Instant now = clock.instant();
            if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
                // a sign-in let through just before the lock, failing after it: the lock stays as it is
                return f;
            }
            int inARow = (f == null ? 0 : f.inARow()) + 1;
            return inARow >= maxFailures ? new Failures(0, now.plus(lock)) : new Failures(inARow, null);
        });
    }

    public void succeeded(String username) {
        failures.invalidate(key(username));
    }

    private static String key(String username) {
        return Usernames.key(username);
    }
}
