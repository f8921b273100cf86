package com.erp.employee.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a delegation (대결) must satisfy when an approver sets one: a deputy other than themselves, days in order, not
 * over already, at most {@value #MAX_DAYS} days, starting within a year. And no chains: the deputy is not away
 * themselves on any of those days (their own decisions go to someone else then), and the approver does not decide
 * for someone else on any of them (that person's documents would wait for nobody).
 */
public final class DelegationRules {

    public static final int MAX_DAYS = 90;
    public static final int MAX_DAYS_AHEAD = 365;

    private DelegationRules() {
    }

    /**
     * Why the approver cannot hand their decisions to the deputy from {@code start} to {@code end}, or empty if they
     * can.
     *
     * @param deputysOwn the deputy's own delegation, if they have one
     * @param actingFor  the delegations that make the approver someone's deputy, not over by {@code today}
     * @param names      the name of an employee, by id, for the reasons
     */
    public static Optional<String> violation(long approverId, long deputyId, LocalDate start, LocalDate end,
                                             LocalDate today, Optional<Delegation> deputysOwn,
                                             List<Delegation> actingFor, java.util.function.LongFunction<String> names) {
        if (deputyId == approverId) {
            return Optional.of("You cannot be your own deputy; choose someone who decides while you are away.");
        }
        if (end.isBefore(start)) {
            return Optional.of("The delegation ends (" + end + ") before it starts (" + start + ").");
        }
        if (end.isBefore(today)) {
            return Optional.of("The delegation ends on " + end + ", which has passed.");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            return Optional.of("A delegation lasts at most " + MAX_DAYS + " days; " + start + " to " + end + " is " + days + ".");
        }
        if (start.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            return Optional.of("A delegation starts within " + MAX_DAYS_AHEAD + " days; " + start + " is further ahead.");
        }
        if (deputysOwn.isPresent() && deputysOwn.get().overlaps(start, end)) {
            // not when, nor who stands in for them: anyone may ask, and someone else's absence is not theirs to learn
            return Optional.of(names.apply(deputyId) + " is away on some of those days (their own decisions go to "
                    + "their deputy then); choose someone else.");
        }
        for (Delegation other : actingFor) {
            if (other.overlaps(start, end)) {
                return Optional.of("You decide for " + names.apply(other.getApproverId()) + " from " + other.getStartDate()
                        + " to " + other.getEndDate() + "; they must choose another deputy before you hand your own "
                        + "decisions on for those days.");
            }
        }
        return Optional.empty();
    }
}
