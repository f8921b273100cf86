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
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.erp.routes.common.web.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops password spraying: one password tried on many accounts, a guess each, from many addresses, which the lock per
 * username ({@link LoginThrottle}) never sees. A password is tried on at most {@code accounts} different accounts
 * within {@code window} (made-up usernames count too, keyed about as the database finds names: {@link Usernames});
 * sign-ins in flight count as tried, so a burst of them at once gets no more. The failure that reaches the count
 * pauses the password for every account for {@code pause} (429 with Retry-After, before any check), whatever addresses
 * the tries come from; then the count starts again. Someone whose own password it is waits as well (it is one people
 * guess): still signed in they change it themselves, else an administrator's reset gives them another.
 *
 * <p>Failures and pauses are kept in a {@link SprayRecord}: in the database (every instance counts together, a
 * restart forgets nothing) as keyed hashes, the key derived from the token signing key, which every instance shares
 * (a new signing key starts every count and pause afresh); an account's hash is of the password's hash and the name,
 * so the rows of one account under two passwords cannot be told to be one account's. What this instance has in
 * flight and has recorded lately it also counts itself, so that a failure recorded while another sign-in read the
 * record is not missed; a burst spread over n instances at once may still have up to n times the accounts checked
 * before their failures are recorded. A failure that cannot be recorded (the database refusing writes) goes
 * uncounted; the sign-in's answer stays as it was.
 */
public class PasswordSprayGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordSprayGuard.class);

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
    private final SprayRecord record;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    /** One password's sign-ins on this instance; changed only inside the cache's compute for its key. */
    private static final class Local {
        final Map<String, Integer> trying = new HashMap<>(); // account → sign-ins with the password in flight
        final Map<String, Instant> recorded = new HashMap<>(); // account → its failure recorded here, lately
        Instant pausedUntil; // paused here: no sign-in that read the record just before slips through
    }

    private final Cache<String, Local> local;

    /** Counts and pauses in this process, with a key of its own (new at each start). */
    public PasswordSprayGuard(int accounts, Duration window, Duration pause, Clock clock) {
        this(accounts, window, pause, clock, SprayRecord.inMemory(valid(window), valid(pause)), randomKey());
    }

    /**
     * @param accounts at least 2 (one account guessing is the lock per username's to stop)
     * @param pause    at least {@code window}
     * @param key      the key of the hashes kept in {@code record}: the same for every instance that shares it
     */
    public PasswordSprayGuard(int accounts, Duration window, Duration pause, Clock clock, SprayRecord record,
                              byte[] key) {
        // a pause shorter than the window would let a password on more accounts than `accounts` within one
        if (accounts < 2 || !positive(window) || !positive(pause) || pause.compareTo(window) < 0) {
            throw new IllegalArgumentException("erp.auth.login.spray: accounts at least 2; window and pause positive, "
                    + "at most " + LONGEST.toDays() + " days, the pause at least the window");
        }
        this.accounts = accounts;
        this.window = window;
        this.pause = pause;
        this.clock = clock;
        this.record = record;
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        this.local = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero() && d.compareTo(LONGEST) <= 0;
    }

    private static Duration valid(Duration d) {
        return positive(d) ? d : Duration.ofSeconds(1); // refused by the constructor it is passed on to
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * A sign-in with {@code password} for {@code account} (its own name, or the name typed when there is none) may go
     * on to the password check, which must end the attempt: else 429, the password paused, or tried on as many
     * accounts as it gets with some of those checks still running.
     */
    public Attempt begin(String password, String account) {
        String print = fingerprint(password);
        String who = fingerprint("account:" + print + ":" + Usernames.key(account));
        Instant now = clock.instant();
        SprayRecord.Standing standing = record.standing(print, now.minus(window), now);
        if (standing.pausedUntil() != null) {
            throw refused(secondsUntil(standing.pausedUntil(), now));
        }
        Set<String> failed = standing.failed();
        boolean[] admitted = {false};
        local.asMap().compute(print, (k, l) -> {
            Local here = l == null ? new Local() : l;
            if (here.pausedUntil != null && now.isBefore(here.pausedUntil)) {
                return l;
            }
            here.recorded.values().removeIf(at -> at.isBefore(now.minus(window)));
            // the record's failures, and this instance's own: in flight, or recorded since the record was read
            Set<String> tried = new HashSet<>(failed);
            tried.addAll(here.recorded.keySet());
            tried.addAll(here.trying.keySet());
            if (!tried.contains(who) && tried.size() >= accounts) {
                return l;
            }
            here.trying.merge(who, 1, Integer::sum);
            admitted[0] = true;
            return here;
        });
        if (!admitted[0]) {
            throw refused(IN_FLIGHT_RETRY_SECONDS);
        }
        return new Attempt(print, who);
    }

    /** Whether the password is paused now (a new password may not be one). */
    public boolean isPaused(String password) {
        return password != null && pausedFor(fingerprint(password), clock.instant()) > 0;
    }

    private void end(String print, String account, boolean failed) {
        Instant now = clock.instant();
        boolean recorded = false;
        boolean paused = false;
        try {
            if (failed) {
                int count = record.failed(print, account, now, now.minus(window));
                recorded = true;
                if (count >= accounts) {
                    record.pause(print, now.plus(pause)); // and counted again from nothing after it
                    paused = true;
                }
            }
        } catch (RuntimeException e) {
            // the sign-in's own answer stands (this runs in its finally); the failure goes uncounted
            LOG.warn("a failed sign-in could not be counted against its password: {}", e.toString());
        } finally {
            boolean keep = recorded && !paused;
            boolean pausedHere = paused;
            // out of flight and into the recorded in one step: a sign-in beginning meanwhile sees it one way or the other
            local.asMap().computeIfPresent(print, (k, here) -> {
                here.trying.computeIfPresent(account, (a, n) -> n > 1 ? n - 1 : null);
                if (keep) {
                    here.recorded.put(account, now);
                } else if (pausedHere) {
                    here.recorded.clear();
                    here.pausedUntil = now.plus(pause);
                }
                return here.trying.isEmpty() && here.recorded.isEmpty() && here.pausedUntil == null ? null : here;
            });
        }
    }

    /** Deletes from the record what lapsed (failures older than the window, pauses over); returns how many. */
    public int sweep() {
        Instant now = clock.instant();
        return record.sweep(now.minus(window), now);
    }

    private long pausedFor(String print, Instant now) {
        Instant until = record.pausedUntil(print, now);
        return until == null ? 0 : secondsUntil(until, now);
    }

    private static long secondsUntil(Instant until, Instant now) {
        return Math.max(1, Duration.between(now, until).toSeconds());
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
