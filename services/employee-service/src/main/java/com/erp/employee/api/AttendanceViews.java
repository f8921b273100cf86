package com.erp.employee.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Clock;
import java.util.List;

import com.erp.employee.domain.Attendance;

/** Attendance as the contract shows it (bean {@code attendanceViews}). */
public class AttendanceViews {

    /**
     * Schema AttendanceDay: a day checked in (and out), whether it counts toward earned leave (and why not), the
     * caller's counted days of attendance so far, how many more earn the next leave day, and what this check-in earned
     * (1 on every 30th counted day, else 0).
     */
    public record AttendanceDay(String date, Instant checkIn, Instant checkOut, boolean counted, String notCounted,
                                long attendanceDays, int daysToNextLeaveDay, double earnedDays) {
    }

    /**
     * Schema AttendanceMonth: the days checked in, how many, and the time worked on those checked out too (a day still
     * open, today's or one whose check-out was forgotten, adds nothing).
     */
    public record AttendanceMonth(String month, List<Day> days, int daysCheckedIn, long workedMinutes) {
    }

    public record Day(String date, Instant checkIn, Instant checkOut, boolean counted, Long workedMinutes) {
    }

    private final Clock clock;
    private final ZoneId zone;

    public AttendanceViews(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The month asked for (yyyy-MM), or this month. */
    public YearMonth month(String month) {
        return month == null ? YearMonth.now(clock.withZone(zone)) : YearMonth.parse(month);
    }

    public LocalDate from(YearMonth month) {
        return month.atDay(1);
    }

    public LocalDate until(YearMonth month) {
        return month.plusMonths(1).atDay(1);
    }

    public AttendanceMonth month(List<Attendance> found, YearMonth month) {
        List<Day> days = found.stream().map(a -> new Day(a.getDate().toString(), a.getCheckIn(), a.getCheckOut(),
                a.isCounted(), a.workedMinutes())).toList();
        long worked = found.stream().map(Attendance::workedMinutes).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        return new AttendanceMonth(month.toString(), days, days.size(), worked);
    }
}
