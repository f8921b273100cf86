package com.erp.routes.common.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How much annual leave a request takes, and what makes one impossible: the company's working days ({@link
 * CompanyDays}: its working days of the week, less public holidays and its own days off) from the first date to the
 * last, both included; a half day (오전/오후 반차) is one date and counts 0.5. A leave lies within one calendar year,
 * because each year has its own allowance.
 */
public final class LeaveRules {

    /** The form (document type) of leave documents. */
    public static final String FORM = "LEAVE";

    /** The kinds of leave; all take days from the annual allowance. */
    public enum Kind { ANNUAL, HALF_DAY_AM, HALF_DAY_PM }

    private LeaveRules() {
    }

    /** The leave a request asks for, with its days; {@code endDate} may be left out for one day. */
    public static Leave leave(String kind, String startDate, String endDate, CompanyDays days) {
        violation(kind, startDate, endDate, days).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        String end = endDate == null ? startDate : endDate;
        return new Leave(kind, startDate, end,
                halfDays(Kind.valueOf(kind), LocalDate.parse(startDate), LocalDate.parse(end), days) / 2.0);
    }

    /** Why this leave cannot be taken, if it cannot: {@link #malformed}, or it falls on no working day. */
    public static Optional<String> violation(String kind, String startDate, String endDate, CompanyDays days) {
        Optional<String> malformed = malformed(kind, startDate, endDate);
        if (malformed.isPresent()) {
            return malformed;
        }
        LocalDate start = LocalDate.parse(startDate);
        LocalDate end = endDate == null ? start : LocalDate.parse(endDate);
        if (halfDays(Kind.valueOf(kind), start, end, days) == 0) {
            return Optional.of("The leave falls on no working day: " + start + (end.equals(start) ? " is" : " to " + end
                    + " are") + " weekend or holiday (공휴일); no leave is needed.");
        }
        return Optional.empty();
    }

    /**
     * Why no calendar could make sense of this leave, if none could: no such kind, dates that are not dates, in the
     * wrong order, a half day of two dates, or two years.
     */
    public static Optional<String> malformed(String kind, String startDate, String endDate) {
        Kind k;
        try {
            k = Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.of("The kind of leave must be one of ANNUAL, HALF_DAY_AM, HALF_DAY_PM.");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(startDate);
            end = endDate == null ? start : LocalDate.parse(endDate);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.of("The leave's dates must be dates like 2026-12-24.");
        }
        if (end.isBefore(start)) {
            return Optional.of("The leave ends (" + end + ") before it starts (" + start + ").");
        }
        if (k != Kind.ANNUAL && !end.equals(start)) {
            return Optional.of("A half day is one date: startDate and endDate must be the same.");
        }
        if (start.getYear() != end.getYear()) {
            return Optional.of("A leave must lie within one calendar year (each year has its own allowance); "
                    + "ask for the days of each year in a document of its own.");
        }
        return Optional.empty();
    }

    /** Days as half days, the ledger's unit: 1.5 -> 3. */
    public static int halfDays(double days) {
        return (int) Math.round(days * 2);
    }

    /** Whether a number of days is whole half days (0.5, 1, 1.5, ...). */
    public static boolean inHalfDays(double days) {
        return days * 2 == Math.rint(days * 2);
    }

    /** Days for people: "3 days", "1.5 days", "1 day", from half days. */
    public static String days(int halfDays) {
        String n = halfDays % 2 == 0 ? String.valueOf(halfDays / 2) : String.valueOf(halfDays / 2.0);
        return n + (halfDays == 2 ? " day" : " days");
    }

    /**
     * Whether two leaves ask for the same time off: a working day both take, unless each takes only a different half
     * of it (a morning and an afternoon). Weekends and holidays in both ranges do not count: nobody takes them.
     */
    public static boolean overlaps(String kindA, LocalDate startA, LocalDate endA, String kindB, LocalDate startB,
                                   LocalDate endB, CompanyDays days) {
        LocalDate from = startA.isAfter(startB) ? startA : startB;
        LocalDate to = endA.isBefore(endB) ? endA : endB;
        Kind a = Kind.valueOf(kindA);
        Kind b = Kind.valueOf(kindB);
        boolean otherHalves = a != Kind.ANNUAL && b != Kind.ANNUAL && a != b;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (days.isWorkingDay(d) && !otherHalves) {
                return true;
            }
        }
        return false;
    }

    /** A leave's length in half days: two per working day, one for a half day on a working day. */
    static int halfDays(Kind kind, LocalDate start, LocalDate end, CompanyDays days) {
        int working = 0;
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (days.isWorkingDay(d)) {
                working++;
            }
        }
        return kind == Kind.ANNUAL ? working * 2 : working;
    }
}
