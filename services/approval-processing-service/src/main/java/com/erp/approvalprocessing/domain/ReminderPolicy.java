package com.erp.approvalprocessing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * 독촉: when a waiting step reminds its people. The first reminder once the step has waited {@code after} of working
 * time, then one every {@code repeat} of working time until it is decided; {@code after} zero reminds nobody.
 */
public record ReminderPolicy(BusinessCalendar calendar, Duration after, Duration repeat) {

    public ReminderPolicy {
        if (after.isNegative() || repeat.isNegative() || !after.isZero() && repeat.isZero()) {
            throw new IllegalArgumentException("reminders need after ≥ 0 and, when on, repeat > 0: " + after + ", " + repeat);
        }
    }

    public static final ReminderPolicy NONE = new ReminderPolicy(null, Duration.ZERO, Duration.ZERO);

    public boolean isOn() {
        return !after.isZero();
    }

    /** When a step activated at {@code activatedAt} first reminds. */
    public Instant firstDue(Instant activatedAt) {
        return calendar.after(activatedAt, after);
    }

    /** When a step reminded at {@code now} reminds again. */
    public Instant nextDue(Instant now) {
        return calendar.after(now, repeat);
    }

    /** Whole working hours between the two moments (0 without a calendar). */
    public long workingHours(Instant from, Instant to) {
        return calendar == null ? 0 : calendar.between(from, to).toHours();
    }
}
