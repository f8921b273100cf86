package com.erp.approvalprocessing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * 독촉: when a waiting step reminds its people. The first reminder once the step has waited {@code after} of working
 * time, then one every {@code repeat} of working time until it is decided; {@code after} zero reminds nobody. A step
 * that has waited {@code overdueAfter} of working time is overdue: from then on each reminder also tells its drafter,
 * who can put someone else on the step (결재선 변경) or withdraw it; zero never.
 */
public record ReminderPolicy(BusinessCalendar calendar, Duration after, Duration repeat, Duration overdueAfter) {

    public ReminderPolicy {
        if (after.isNegative() || repeat.isNegative() || !after.isZero() && repeat.isZero()) {
            throw new IllegalArgumentException("reminders need after ≥ 0 and, when on, repeat > 0: " + after + ", " + repeat);
        }
        if (overdueAfter.isNegative()) {
            throw new IllegalArgumentException("overdue-after must not be negative: " + overdueAfter);
        }
    }

    /** Never overdue. */
    public ReminderPolicy(BusinessCalendar calendar, Duration after, Duration repeat) {
        this(calendar, after, repeat, Duration.ZERO);
    }

    /** Whether a step that has waited this many whole working hours is overdue. */
    public boolean overdue(long workingHours) {
        return !overdueAfter.isZero() && workingHours >= overdueAfter.toHours();
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
