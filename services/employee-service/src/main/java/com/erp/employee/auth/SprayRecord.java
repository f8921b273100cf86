package com.erp.employee.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Where {@link PasswordSprayGuard} keeps which accounts each password failed on and which passwords are paused, by
 * their keyed hashes ("prints"). {@link JdbcSprayRecord} keeps them in the database, where every instance of
 * employee-service counts and a restart forgets nothing; {@link #inMemory} in this process (the guard's own tests).
 */
public interface SprayRecord {

    /**
     * Records that {@code password} failed on {@code account} at {@code at}; returns on how many accounts it failed
     * at or after {@code since}, this one included.
     */
    int failed(String password, String account, Instant at, Instant since);

    /** Pauses {@code password} until {@code until} (a later pause already there is kept) and forgets its failures. */
    void pause(String password, Instant until);

    /** Until when {@code password} is paused; null if it is not (or no longer). */
    Instant pausedUntil(String password, Instant now);

    /** A password's failed accounts since a time, and until when it is paused (null: not). */
    record Standing(Set<String> failed, Instant pausedUntil) {
    }

    /**
     * The accounts {@code password} failed on at or after {@code since} and its pause, as one read: whoever finds the
     * failures cleared by a pause finds the pause ({@link #pause} sets it before it clears them).
     */
    Standing standing(String password, Instant since, Instant now);

    /** Deletes failures before {@code failuresBefore} and pauses over by {@code now}; returns how many. */
    int sweep(Instant failuresBefore, Instant now);

    /** In this process only: counts and pauses per instance, gone at a restart. */
    static SprayRecord inMemory(Duration window, Duration pause) {
        Cache<String, Map<String, Instant>> failures = Caffeine.newBuilder().expireAfterWrite(window)
                .maximumSize(100_000).build();
        // apart from the counts, so that a flood of one-off passwords pushes no pause out
        Cache<String, Instant> paused = Caffeine.newBuilder().expireAfterWrite(pause).maximumSize(100_000).build();
        return new SprayRecord() {
            @Override
            public Standing standing(String password, Instant since, Instant now) {
                Map<String, Instant> failed = failures.getIfPresent(password);
                Set<String> accounts = Set.of();
                if (failed != null) {
                    synchronized (failed) {
                        accounts = failed.entrySet().stream().filter(e -> !e.getValue().isBefore(since))
                                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet());
                    }
                }
                return new Standing(accounts, pausedUntil(password, now)); // the failures first, as the database
            }

            @Override
            public int failed(String password, String account, Instant at, Instant since) {
                int[] count = {0};
                failures.asMap().compute(password, (k, failed) -> {
                    Map<String, Instant> kept = failed == null ? new HashMap<>() : failed;
                    synchronized (kept) {
                        kept.put(account, at);
                        kept.values().removeIf(t -> t.isBefore(since));
                        count[0] = kept.size();
                    }
                    return kept;
                });
                return count[0];
            }

            @Override
            public void pause(String password, Instant until) {
                // paused before its failures go, as in the database: whoever finds them gone finds the pause
                paused.asMap().merge(password, until, (was, now) -> was.isAfter(now) ? was : now);
                failures.invalidate(password);
            }

            @Override
            public int sweep(Instant failuresBefore, Instant now) {
                return 0; // the caches let go of what lapsed themselves
            }

            @Override
            public Instant pausedUntil(String password, Instant now) {
                Instant until = paused.getIfPresent(password);
                return until == null || !now.isBefore(until) ? null : until;
            }
        };
    }
}
