package com.erp.employee.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.erp.routes.common.web.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Stops password spraying: one password tried on many accounts, a guess each, from many addresses, which the lock per
 * username ({@link LoginThrottle}) never sees. A password gets at most {@code accounts} different accounts (made-up
 * usernames count too, as the database would take them) in any {@code window}: sign-ins in flight count as tried, so
 * a burst of them at once gets no more. The failure that reaches the count pauses the password for every account
 * (429 with Retry-After, before any check) for {@code pause}; each failure on a further account after a pause doubles
 * it, up to the window. Someone whose own password it is waits as well (it is one people guess): still signed in they
 * change it themselves, else an administrator's reset gives them another; a restart forgets every count.
 *
 * <p>Passwords are kept only as keyed hashes whose key lives in this process alone (never stored, new at each start),
 * and only while counted or paused. Counts and pauses are this instance's: with n instances behind a balancer a
 * password gets at most about n times as many accounts, and a pause holds on the instance that counted it.
 */
public class PasswordSprayGuard {

    /** One password's tries; changed only inside the cache's compute for its key (one at a time). */
    private static final class Tries {
        final Map<String, Instant> failed = new HashMap<>(); // account → its last failure
        final Map<String, Integer> trying = new HashMap<>(); // account → sign-ins with the password in flight
        volatile Instant pausedUntil;
        int pauses;

        Instant keepUntil(Duration window) {
            Instant last = failed.values().stream().max(Instant::compareTo).map(t -> t.plus(window)).orElse(Instant.MIN);
            Instant paused = pausedUntil == null ? Instant.MIN : pausedUntil;
            return last.isAfter(paused) ? last : paused;
        }
    }

    /** A sign-in let through to the password check; it ends as a failure, a success or neither, once. */
    public final class Attempt {
        private final String print;
        private final String account;

        private Attempt(String print, String account) {
            this.print = print;
            this.account = account;
        }

        /** The password was wrong for the account (or there is no such account). */
        public void failed() {
            end(this, true);
        }

        /** The password was right, or the check did not happen: not a guess that failed. */
        public void done() {
            end(this, false);
        }
    }

    private static final int IN_FLIGHT_RETRY_SECONDS = 2;

    private final int accounts;
    private final Duration window;
    private final Duration pause;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Cache<String, Tries> tries;
    private final ThreadLocal<Mac> macs;

    /** @param accounts at least 2 (one account guessing is the lock per username's to stop) */
    public PasswordSprayGuard(int accounts, Duration window, Duration pause, Clock clock) {
        if (accounts < 2 || window.isNegative() || window.isZero() || pause.isNegative() || pause.isZero()) {
            throw new IllegalArgumentException("erp.auth.login.spray: accounts at least 2, window and pause positive");
        }
        this.accounts = accounts;
        this.window = window;
        this.pause = pause;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.tries = Caffeine.newBuilder().maximumSize(100_000).expireAfter(new Expiry<String, Tries>() {
            @Override
            public long expireAfterCreate(String k, Tries t, long now) {
                return keptFor(t);
            }

            @Override
            public long expireAfterUpdate(String k, Tries t, long now, long left) {
                return keptFor(t);
            }

            @Override
            public long expireAfterRead(String k, Tries t, long now, long left) {
                return left;
            }
        }).build();
    }

    /**
     * A sign-in with {@code password} for {@code account} (its own name, or the name typed when there is none) may go
     * on to the password check: else 429, the password paused, or as many accounts tried already as it gets.
     */
    public Attempt begin(String password, String account) {
        String print = fingerprint(password);
        String who = Usernames.key(account);
        Instant now = clock.instant();
        long[] refusedFor = {0};
        tries.asMap().compute(print, (k, t) -> {
            Tries counting = t == null ? new Tries() : t;
            counting.failed.values().removeIf(at -> !now.isBefore(at.plus(window)));
            if (counting.pausedUntil != null && now.isBefore(counting.pausedUntil)) {
                refusedFor[0] = Math.max(1, Duration.between(now, counting.pausedUntil).toSeconds());
                return counting;
            }
            Set<String> tried = new HashSet<>(counting.failed.keySet());
            tried.addAll(counting.trying.keySet());
            // past its accounts after a pause: one further account at a time, whose failure pauses it longer
            boolean probe = counting.failed.size() >= accounts && counting.trying.isEmpty();
            if (!tried.contains(who) && tried.size() >= accounts && !probe) {
                refusedFor[0] = IN_FLIGHT_RETRY_SECONDS;
                return counting;
            }
            counting.trying.merge(who, 1, Integer::sum);
            return counting;
        });
        if (refusedFor[0] > 0) {
            throw ProblemException.tooManyRequests("Sign-ins with this password are paused for " + refusedFor[0]
                    + " s: it was just tried on many accounts. If it is yours, change it while signed in, or an "
                    + "administrator can reset it.", (int) Math.min(Integer.MAX_VALUE, refusedFor[0]));
        }
        return new Attempt(print, who);
    }

    /** Whether the password is paused now (a new password should not be one). */
    public boolean isPaused(String password) {
        if (password == null) {
            return false;
        }
        Tries t = tries.getIfPresent(fingerprint(password));
        Instant until = t == null ? null : t.pausedUntil;
        return until != null && clock.instant().isBefore(until);
    }

    private void end(Attempt attempt, boolean failed) {
        Instant now = clock.instant();
        tries.asMap().computeIfPresent(attempt.print, (k, t) -> {
            t.trying.computeIfPresent(attempt.account, (a, n) -> n > 1 ? n - 1 : null);
            if (failed) {
                t.failed.put(attempt.account, now);
                t.failed.values().removeIf(at -> !now.isBefore(at.plus(window)));
                if (t.failed.size() >= accounts && (t.pausedUntil == null || !now.isBefore(t.pausedUntil))) {
                    Duration longer = pause.multipliedBy(1L << Math.min(t.pauses, 30));
                    t.pausedUntil = now.plus(longer.compareTo(window) > 0 ? window : longer);
                    t.pauses++;
                }
            }
            return t.trying.isEmpty() && t.failed.isEmpty() && t.pausedUntil == null ? null : t;
        });
    }

    private long keptFor(Tries t) {
        Instant until = t.keepUntil(window);
        if (!t.trying.isEmpty()) {
            until = until.isAfter(clock.instant().plus(Duration.ofMinutes(5))) ? until
                    : clock.instant().plus(Duration.ofMinutes(5));
        }
        long nanos = Duration.between(clock.instant(), until.equals(Instant.MIN) ? clock.instant() : until).toNanos();
        return Math.max(1, nanos);
    }

    private String fingerprint(String password) {
        Mac mac = macs.get();
        return Base64.getEncoder().encodeToString(
                mac.doFinal((password == null ? "" : password).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
