package com.erp.employee.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.erp.routes.common.web.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Stops password spraying: one password tried on many accounts, a guess each, from many addresses, which the lock per
 * username ({@link LoginThrottle}) never sees. A password is tried on at most {@code accounts} different accounts
 * within {@code window} (made-up usernames count too, keyed about as the database finds names: {@link Usernames});
 * sign-ins in flight count as tried, so a burst of them at once gets no more. The failure that reaches the count
 * pauses the password for every account for {@code pause} (429 with Retry-After, before any check), whatever addresses
 * the tries come from; then the count starts again. Someone whose own password it is waits as well (it is one people
 * guess): still signed in they change it themselves, else an administrator's reset gives them another.
 *
 * <p>Passwords are kept only as keyed hashes whose key lives in this process alone (never stored, new at each start),
 * and only while counted or paused. Counts and pauses are this instance's: with n instances behind a balancer a
 * password gets at most about n times as many accounts, a pause holds on the instance that counted it, and a restart
 * forgets both. Pauses are kept apart from the counts, so that a flood of one-off passwords pushes no pause out.
 */
public class PasswordSprayGuard {

    /** One password's tries in the window; changed only inside the cache's compute for its key (one at a time). */
    private static final class Tries {
        final Map<String, Instant> failed = new HashMap<>(); // account → its last failure
        final Map<String, Integer> trying = new HashMap<>(); // account → sign-ins with the password in flight
    }

    /** A sign-in let through to the password check; it ends once, as a failure or not. */
    public final class Attempt {
        private final String print;
        private final String account;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Attempt(String print, String account) {
            this.print = print;
            this.account = account;
        }

        /** The password was wrong for the account (or there is no such account). */
        public void failed() {
            if (ended.compareAndSet(false, true)) {
                end(print, account, true);
            }
        }

        /** The password was right, or not checked: no guess that failed. Nothing once it ended. */
        public void done() {
            if (ended.compareAndSet(false, true)) {
                end(print, account, false);
            }
        }
    }

    private static final int IN_FLIGHT_RETRY_SECONDS = 2;
    private static final Duration LONGEST = Duration.ofDays(366);

    private final int accounts;
    private final Duration window;
    private final Duration pause;
    private final Clock clock;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final Cache<String, Tries> tries;
    private final Cache<String, Instant> paused;

    /**
     * @param accounts at least 2 (one account guessing is the lock per username's to stop)
     * @param pause    at least {@code window}
     */
    public PasswordSprayGuard(int accounts, Duration window, Duration pause, Clock clock) {
        // a pause shorter than the window would let a password on more accounts than `accounts` within one
        if (accounts < 2 || !positive(window) || !positive(pause) || pause.compareTo(window) < 0) {
            throw new IllegalArgumentException("erp.auth.login.spray: accounts at least 2; window and pause positive, "
                    + "at most " + LONGEST.toDays() + " days, the pause at least the window");
        }
        this.accounts = accounts;
        this.window = window;
        this.pause = pause;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.tries = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
        this.paused = Caffeine.newBuilder().expireAfterWrite(pause).maximumSize(100_000).build();
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero() && d.compareTo(LONGEST) <= 0;
    }

    /**
     * A sign-in with {@code password} for {@code account} (its own name, or the name typed when there is none) may go
     * on to the password check, which must end the attempt: else 429, the password paused, or tried on as many
     * accounts as it gets with some of those checks still running.
     */
    public Attempt begin(String password, String account) {
        String print = fingerprint(password);
        String who = Usernames.key(account);
        Instant now = clock.instant();
        long[] refusedFor = {0};
        // the pause read under the key's lock too: a failure that reaches the count pauses it under the same lock
        tries.asMap().compute(print, (k, t) -> {
            refusedFor[0] = pausedFor(print);
            if (refusedFor[0] > 0) {
                return t;
            }
            Tries counting = t == null ? new Tries() : t;
            counting.failed.values().removeIf(at -> !now.isBefore(at.plus(window)));
            boolean counted = counting.failed.containsKey(who) || counting.trying.containsKey(who);
            long tried = counting.failed.size()
                    + counting.trying.keySet().stream().filter(a -> !counting.failed.containsKey(a)).count();
            if (!counted && tried >= accounts) {
                refusedFor[0] = IN_FLIGHT_RETRY_SECONDS;
                return counting;
            }
            counting.trying.merge(who, 1, Integer::sum);
            return counting;
        });
        if (refusedFor[0] > 0) {
            throw refused(refusedFor[0]);
        }
        return new Attempt(print, who);
    }

    /** Whether the password is paused now (a new password may not be one). */
    public boolean isPaused(String password) {
        return password != null && pausedFor(fingerprint(password)) > 0;
    }

    private void end(String print, String account, boolean failed) {
        Instant now = clock.instant();
        boolean[] reached = {false};
        tries.asMap().compute(print, (k, t) -> {
            Tries counting = t == null ? new Tries() : t;
            counting.trying.computeIfPresent(account, (a, n) -> n > 1 ? n - 1 : null);
            if (failed) {
                counting.failed.put(account, now);
                counting.failed.values().removeIf(at -> !now.isBefore(at.plus(window)));
                reached[0] = counting.failed.size() >= accounts;
            }
            if (reached[0]) {
                counting.failed.clear(); // counted again from nothing after the pause
                // (a pause of the store's that ended by this clock, a mismatch of the two, is replaced, not kept)
                paused.asMap().compute(print, (p, until) -> until != null && now.isBefore(until) ? until
                        : now.plus(pause));
            }
            return counting.failed.isEmpty() && counting.trying.isEmpty() ? null : counting;
        });
    }

    private long pausedFor(String print) {
        Instant until = paused.getIfPresent(print);
        Instant now = clock.instant();
        return until == null || !now.isBefore(until) ? 0 : Math.max(1, Duration.between(now, until).toSeconds());
    }

    private static ProblemException refused(long seconds) {
        return ProblemException.tooManyRequests("Sign-ins with this password are paused for " + seconds
                + " s: it was just tried on many accounts. If it is yours, change it while signed in, or an "
                + "administrator can reset it.", (int) Math.min(Integer.MAX_VALUE, seconds));
    }

    private String fingerprint(String password) {
        return Base64.getEncoder().encodeToString(
                macs.get().doFinal((password == null ? "" : password).getBytes(StandardCharsets.UTF_8)));
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
