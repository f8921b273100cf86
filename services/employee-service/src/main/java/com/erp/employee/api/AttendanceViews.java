package com.erp.employee.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Clock;
import java.util.List;

import com.erp.employee.domain.Attendance;
import com.erp.employee.domain.Department;
import com.erp.employee.domain.Employee;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;

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

    /** Schema AttendanceRecord; {@code correction}: who recorded the check-out for the employee, and why. */
    public record Day(String date, Instant checkIn, Instant checkOut, boolean counted, Long workedMinutes,
                      String correction) {

        public static Day of(Attendance a) {
            return new Day(a.getDate().toString(), a.getCheckIn(), a.getCheckOut(), a.isCounted(), a.workedMinutes(),
                    a.getCorrection());
        }
    }

    /** Schema TeamAttendance. */
    public record TeamAttendance(String month, DepartmentRef department, List<Member> members) {
    }

    public record DepartmentRef(long id, String name) {
    }

    public record Member(com.erp.routes.common.events.Person employee, int daysCheckedIn, long workedMinutes,
                         List<Day> days) {
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

    /**
     * 팀 근태: of the department's active people (the caller's own department unless an administrator names another),
     * those the caller may read: a team lead their team's, a department head and an administrator everyone's; never the
     * caller. 403 for anyone who heads nothing there and leads no team of it.
     */
    public List<Employee> managed(Caller caller, List<Employee> people, Department department) {
        boolean all = caller.isAdmin() || department.getHead() != null && department.getHead().getId() == caller.id();
        // a lead is of the department too, and their own team's lead
        if (!all && people.stream().noneMatch(e -> e.teamLedBy(caller.id()))) {
            throw ProblemException.forbidden("Only team leads (of their team's people), department heads and "
                    + "administrators see others' attendance.");
        }
        return people.stream()
                .filter(e -> e.getId() != caller.id() && (all || e.teamLedBy(caller.id())))
                .sorted(java.util.Comparator.comparing(Employee::getName).thenComparing(Employee::getId))
                .toList();
    }

    /**
     * 퇴근 기록 정정: the employee whose check-out the caller may record, by the rule of 팀 근태 (their team lead, their
     * department's head, an administrator); never one's own (403: it would be one's own word). 404 for no such employee
     * (to an administrator; 403 to anyone else, who may not know).
     */
    public long corrigible(Caller caller, List<Employee> found) {
        if (!found.isEmpty() && found.get(0).getId() == caller.id()) {
            throw ProblemException.forbidden("Your own check-out is recorded by your team lead, your department's head "
                    + "or an administrator: ask them.");
        }
        return EmployeeViews.ledBy(caller, found, AttendanceViews::forbiddenToCorrect).getId();
    }

    private static ProblemException forbiddenToCorrect() {
        return ProblemException.forbidden("Only their team lead, their department's head and administrators record "
                + "someone's check-out.");
    }

    public TeamAttendance team(List<Attendance> found, List<Employee> managed, Department department, YearMonth month) {
        java.util.Map<Long, List<Attendance>> byPerson = new java.util.HashMap<>();
        found.forEach(a -> byPerson.computeIfAbsent(a.getEmployeeId(), id -> new java.util.ArrayList<>()).add(a));
        return new TeamAttendance(month.toString(), new DepartmentRef(department.getId(), department.getName()),
                managed.stream().map(e -> {
                    AttendanceMonth m = month(byPerson.getOrDefault(e.getId(), List.of()), month);
                    return new Member(EmployeeViews.person(e), m.daysCheckedIn(), m.workedMinutes(), m.days());
                }).toList());
    }

    public AttendanceMonth month(List<Attendance> found, YearMonth month) {
        List<Day> days = found.stream().map(Day::of).toList();
        long worked = found.stream().map(Attendance::workedMinutes).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sum();
        return new AttendanceMonth(month.toString(), days, days.size(), worked);
    }
}
