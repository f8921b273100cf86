package com.erp.employee.auth;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.erp.routes.common.web.ProblemException;

/**
 * At most so many password checks at once. A BCrypt check costs tens of milliseconds of a core, and sign-ins with
 * made-up usernames (each a new name, so never locked by {@link LoginThrottle}) cost it as well, to look like real
 * ones: without a bound they would keep every core busy and starve the other requests. A check that waits longer
 * than {@code wait} for its turn is answered 503 with Retry-After instead.
 */
public class PasswordCheckGate {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore turns;
    private final long waitNanos;

    public PasswordCheckGate(int atOnce, Duration wait) {
        this.turns = new Semaphore(Math.max(1, atOnce), true);
        this.waitNanos = wait.toNanos();
    }

    /** The check's result, once it had its turn. */
    public boolean check(BooleanSupplier check) {
        boolean got;
        try {
            got = turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw ProblemException.unavailable("Too many sign-ins at this moment; retry after the time Retry-After says.",
                    RETRY_AFTER_SECONDS);
        }
        try {
            return check.getAsBoolean();
        } finally {
            turns.release();
        }
    }
}
