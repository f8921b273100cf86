package com.erp.approvalprocessing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.erp.routes.common.events.Person;

/**
 * 독촉: when a waiting step reminds its people. The first reminder once the step has waited {@code after} of working
 * time, then one every {@code repeat} of working time until it is decided; {@code after} zero reminds nobody. A step
 * that has waited {@code overdueAfter} of working time is overdue: from then on each reminder also tells its drafter,
 * who can put someone else on the step (결재선 변경) or withdraw it; zero never. A step that has waited
 * {@code escalateAfter} of working time escalates: each reminder from then on also tells the superiors of whoever it
 * waits on ({@link #escalation}); zero never.
 */
public record ReminderPolicy(BusinessCalendar calendar, Duration after, Duration repeat, Duration overdueAfter,
                             Duration escalateAfter) {

    public ReminderPolicy {
        if (after.isNegative() || repeat.isNegative() || !after.isZero() && repeat.isZero()) {
            throw new IllegalArgumentException("reminders need after ≥ 0 and, when on, repeat > 0: " + after + ", " + repeat);
        }
        if (overdueAfter.isNegative() || escalateAfter.isNegative()) {
            throw new IllegalArgumentException("overdue-after and escalate-after must not be negative: " + overdueAfter
                    + ", " + escalateAfter);
        }
    }

    /** Never escalates. */
    public ReminderPolicy(BusinessCalendar calendar, Duration after, Duration repeat, Duration overdueAfter) {
        this(calendar, after, repeat, overdueAfter, Duration.ZERO);
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

    /** Whether a step active since {@code since} escalates at {@code now}: it has waited escalate-after of working time. */
    public boolean escalates(Instant since, Instant now) {
        return !escalateAfter.isZero() && calendar != null && since != null
                && calendar.between(since, now).compareTo(escalateAfter) >= 0;
    }

    /**
     * Whom a reminder escalates to: the superiors of the people it waits on, each once, but not anyone it reminds
     * already (one of those people or a deputy of theirs) nor the drafter (told it is overdue). Someone with no
     * superior (a department head), or who left (not in the chart), escalates to nobody.
     */
    public static List<Person> escalation(List<Person> waitingOn, List<Person> deputies, Person drafter,
                                          Map<Long, Person> superiors) {
        Set<Long> toldAnyway = new HashSet<>();
        waitingOn.forEach(p -> toldAnyway.add(p.id()));
        if (deputies != null) {
            deputies.forEach(p -> toldAnyway.add(p.id()));
        }
        toldAnyway.add(drafter.id());
        Map<Long, Person> escalated = new LinkedHashMap<>();
        for (Person p : waitingOn) {
            Person superior = superiors.get(p.id());
            if (superior != null && !toldAnyway.contains(superior.id())) {
                escalated.putIfAbsent(superior.id(), superior);
            }
        }
        return List.copyOf(escalated.values());
    }

    /** Whole working hours between the two moments (0 without a calendar). */
    public long workingHours(Instant from, Instant to) {
        return calendar == null ? 0 : calendar.between(from, to).toHours();
    }
}
