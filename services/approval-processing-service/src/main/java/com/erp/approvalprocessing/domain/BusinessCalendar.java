package com.erp.approvalprocessing.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import com.erp.routes.common.events.CompanyDays;

/**
 * The company's working time, in which a step's waiting is counted: working days (Monday to Friday by default) from
 * the start to the end of the working day, in the company's calendar zone, except its holidays (공휴일, company
 * days off). A document sent on Friday evening has not waited over the weekend.
 */
public final class BusinessCalendar {

    private final ZoneId zone;
    /** Which days are worked: the same for every service ({@link CompanyDays}). */
    private final CompanyDays days;
    private final LocalTime start;
    /** Null: the working day runs to midnight. */
    private final LocalTime end;

    /**
     * @param hours "09:00-18:00"; "00:00-24:00" counts whole days
     */
    public BusinessCalendar(ZoneId zone, CompanyDays days, String hours) {
        String[] parts = hours.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("working hours must read like 09:00-18:00, not " + hours);
        }
        this.zone = zone;
        this.days = days;
        this.start = LocalTime.parse(parts[0].trim());
        this.end = parts[1].trim().equals("24:00") ? null : LocalTime.parse(parts[1].trim());
        if (days.workingDays().isEmpty() || end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("no working time: days " + days.workingDays() + ", hours " + hours);
        }
    }

    /** Every moment counts: for tests and for a company that wants reminders by the clock. */
    public static BusinessCalendar always(ZoneId zone) {
        return new BusinessCalendar(zone, new CompanyDays(Set.of(DayOfWeek.values()), Set.of()), "00:00-24:00");
    }

    /** The moment {@code working} of working time has passed since {@code from}. */
    public Instant after(Instant from, Duration working) {
        ZonedDateTime t = from.atZone(zone);
        Duration left = working;
        while (true) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime opens = day.atTime(start).atZone(zone);
            ZonedDateTime closes = end == null ? day.plusDays(1).atStartOfDay(zone) : day.atTime(end).atZone(zone);
            if (!isWorkingDay(day) || !t.isBefore(closes)) {
                t = day.plusDays(1).atStartOfDay(zone);
                continue;
            }
            if (t.isBefore(opens)) {
                t = opens;
            }
            Duration today = Duration.between(t, closes);
            if (left.compareTo(today) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(today);
            t = closes;
        }
    }

    /** How much working time lies between two moments (zero if {@code to} is not after {@code from}). */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        ZonedDateTime t = from.atZone(zone);
        ZonedDateTime until = to.atZone(zone);
        while (t.isBefore(until)) {
            LocalDate day = t.toLocalDate();
            ZonedDateTime opens = day.atTime(start).atZone(zone);
            ZonedDateTime closes = end == null ? day.plusDays(1).atStartOfDay(zone) : day.atTime(end).atZone(zone);
            ZonedDateTime next = day.plusDays(1).atStartOfDay(zone);
            if (isWorkingDay(day)) {
                ZonedDateTime a = t.isBefore(opens) ? opens : t;
                ZonedDateTime b = until.isBefore(closes) ? until : closes;
                if (a.isBefore(b)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            t = next;
        }
        return total;
    }

    public boolean isWorkingDay(LocalDate day) {
        return days.isWorkingDay(day);
    }
}
