package com.erp.employee.auth;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.erp.routes.common.web.ProblemException;

/**
 * At most so many password checks at once, and so many waiting. A BCrypt check costs tens of milliseconds of a core,
 * and sign-ins with made-up usernames (each a new name, so never locked by {@link LoginThrottle}) cost it as well, to
 * look like real ones: without a bound they would keep every core busy. A check that finds {@code waiting} others
 * already waiting, or waits longer than {@code wait} for its turn, is answered 503 with Retry-After at once: a flood
 * holds at most that many of the server's request workers, not all of them.
 */
public class PasswordCheckGate {

    private static final int RETRY_AFTER_SECONDS = 2;

    private final Semaphore turns;
    private final int waiting;
    private final long waitNanos;

    public PasswordCheckGate(int atOnce, int waiting, Duration wait) {
        this.turns = new Semaphore(Math.max(1, atOnce), true);
        this.waiting = Math.max(0, waiting);
        this.waitNanos = wait.toNanos();
    }

    /** How many checks are waiting for their turn now (an estimate, as the JDK's queue length is). */
    int waiting() {
        return turns.getQueueLength();
    }

    /** The check's result, once it had its turn. */
    public boolean check(BooleanSupplier check) {
        boolean got;
        try {
            // a free turn, unless others wait for it (the untimed tryAcquire would take it before them); else one
            // waited for, unless as many as may wait already do
            got = turns.tryAcquire(0, TimeUnit.NANOSECONDS)
                    || waiting() < waiting && turns.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
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
