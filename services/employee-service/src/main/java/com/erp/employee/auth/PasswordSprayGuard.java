package com.erp.employee.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.erp.routes.common.web.ProblemException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Stops password spraying: one password tried on many accounts, a few guesses each, from many addresses, which the
 * lock per username ({@link LoginThrottle}) never sees. A password that failed on {@code accounts} different accounts
 * (made-up usernames count too) within {@code window} is refused for every account for {@code pause} (429 with
 * Retry-After, before any check), so a guess costs the attacker the password after that many accounts, whatever
 * addresses they come from. Someone whose own password it is waits as well: it is one people guess, and an
 * administrator's reset gives them another at once.
 *
 * <p>Passwords are kept only as keyed hashes whose key lives in this process alone (never stored, new at each start),
 * and only while counted or paused. The count is this instance's: with n instances behind a balancer a password gets
 * at most about n times as many accounts.
 */
public class PasswordSprayGuard {

    private static final class Tries {
        final Instant since;
        final Set<String> accounts = new HashSet<>();

        Tries(Instant since) {
            this.since = since;
        }
    }

    private final int accounts;
    private final Duration window;
    private final Duration pause;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Cache<String, Tries> tries;
    private final Cache<String, Instant> paused;

    public PasswordSprayGuard(int accounts, Duration window, Duration pause, Clock clock) {
        this.accounts = Math.max(2, accounts);
        this.window = window;
        this.pause = pause;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.tries = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
        // apart from the counts, so that a flood of one-off passwords does not push a paused one out
        this.paused = Caffeine.newBuilder().expireAfterWrite(pause).maximumSize(100_000).build();
    }

    /** Refuses a sign-in with a password paused just now, whoever it is for. */
    public void check(String password) {
        long seconds = pausedFor(password);
        if (seconds > 0) {
            throw ProblemException.tooManyRequests("Sign-ins with this password are paused for " + seconds
                    + " s: it was just tried on many accounts. If it is yours, an administrator can reset it.",
                    (int) Math.min(Integer.MAX_VALUE, seconds));
        }
    }

    /** Whether the password is paused now (a new password should not be one). */
    public boolean isPaused(String password) {
        return pausedFor(password) > 0;
    }

    /** A sign-in with the password failed for the account (its own name, or the name typed when there is none). */
    public void failed(String password, String account) {
        String print = fingerprint(password);
        Instant now = clock.instant();
        boolean[] reached = {false};
        tries.asMap().compute(print, (k, t) -> {
            Tries counting = t == null || !now.isBefore(t.since.plus(window)) ? new Tries(now) : t;
            counting.accounts.add(account == null ? "" : account.strip().toLowerCase(Locale.ROOT));
            reached[0] = counting.accounts.size() >= accounts; // read here, where no other failure changes it
            return counting;
        });
        if (reached[0]) {
            // paused from the failure that reached the count; the next tries start from nothing after it
            paused.asMap().putIfAbsent(print, now.plus(pause));
            tries.invalidate(print);
        }
    }

    private long pausedFor(String password) {
        if (password == null) {
            return 0;
        }
        String print = fingerprint(password);
        Instant until = paused.getIfPresent(print);
        Instant now = clock.instant();
        if (until == null) {
            return 0;
        }
        if (!now.isBefore(until)) {
            paused.asMap().remove(print, until);
            return 0;
        }
        return Math.max(1, Duration.between(now, until).toSeconds());
    }

    private String fingerprint(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((password == null ? "" : password).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
