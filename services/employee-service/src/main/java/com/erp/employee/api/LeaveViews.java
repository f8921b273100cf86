package com.erp.employee.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.erp.employee.domain.Employee;
import com.erp.employee.domain.LeaveAccount;
import com.erp.employee.domain.LeaveEntry;
import com.erp.employee.persistence.LeaveLedger;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;

/**
 * The leave ledger as the contract shows it, and who may see and change it (bean {@code leaveViews}): everyone
 * their own; an employee's team lead and department head theirs; administrators anyone's, and only they add days.
 */
public class LeaveViews {

    private final Clock clock;
    private final ZoneId zone;
    private final LeaveLedger ledger;

    public LeaveViews(Clock clock, ZoneId zone, LeaveLedger ledger) {
        this.clock = clock;
        this.zone = zone;
        this.ledger = ledger;
    }

    /** The year asked for, or this year. */
    public int year(Integer year) {
        return year != null ? year : LocalDate.now(clock.withZone(zone)).getYear();
    }

    /** Whether the caller asks about themselves (no employeeId, or their own). */
    public boolean isOwn(Caller caller, Long employeeId) {
        return employeeId == null || employeeId == caller.id();
    }

    /** The employee whose ledger the caller may read; 403 unless they may, 404 if there is no such employee. */
    public long mayRead(Caller caller, List<Employee> found) {
        return EmployeeViews.ledBy(caller, found, LeaveViews::forbiddenToRead).getId();
    }

    private static ProblemException forbiddenToRead() {
        return ProblemException.forbidden("Only the employee, their team lead and department head, and administrators "
                + "may read an employee's leave.");
    }

    /** A grant the caller may make: administrators only, to someone else (four eyes), in half days. */
    public LeaveGrantRequest checkGrant(Caller caller, LeaveGrantRequest grant) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may grant leave.");
        }
        if (grant.employeeId() == caller.id()) {
            throw ProblemException.forbidden("An administrator does not grant leave to themselves; another administrator does.");
        }
        if (!LeaveRules.inHalfDays(grant.days())) {
            throw ProblemException.badRequest("Leave is granted in half days: " + grant.days() + " is not a multiple of 0.5.",
                    List.of(new FieldError("/days", "must be a multiple of 0.5")));
        }
        return grant;
    }

    /** The employee a grant is for: 404 if there is none. */
    public long grantee(List<Employee> found) {
        if (found.isEmpty()) {
            throw ProblemException.notFound("No such employee.");
        }
        Employee e = found.get(0);
        if (!e.isActive()) {
            throw ProblemException.conflict(e.getName() + " has left (퇴사): leave is not granted to someone who left.");
        }
        return e.getId();
    }

    public int halfDays(double days) {
        return LeaveRules.halfDays(days);
    }

    /** The account found for the year, or the one the year starts with. */
    public LeaveBalance balance(List<LeaveAccount> found, long employeeId, int year) {
        return balance(found.isEmpty() ? new LeaveAccount(employeeId, year, ledger.allowance(employeeId, year)) : found.get(0));
    }

    public LeaveBalance balance(LeaveAccount a) {
        return new LeaveBalance(a.getEmployeeId(), a.getYear(), a.getGranted() / 2.0, a.getUsed() / 2.0,
                a.getReserved() / 2.0, a.available() / 2.0);
    }

    public LeaveEntries entries(List<LeaveEntry> found, long employeeId, int year) {
        return new LeaveEntries(employeeId, year, found.stream().map(e -> new LeaveEntries.Item(e.getId(),
                e.getKind().name(), e.getCreatedAt(), e.getHalfDays() / 2.0, e.getAvailableAfter() / 2.0, e.getApprovalId(),
                e.getTitle(), e.getLeaveKind(), e.getStartDate() == null ? null : e.getStartDate().toString(),
                e.getEndDate() == null ? null : e.getEndDate().toString(), e.getNote(), e.getQuestId(), e.getAttendanceDays())).toList());
    }

    // ---- 부서 휴가 현황 -------------------------------------------------------------------------------------------

    /**
     * The department whose leave or attendance the caller asks for: their own, or any for an administrator (403
     * otherwise).
     */
    public long askedDepartment(Caller caller, Long departmentId) {
        if (departmentId == null || departmentId.equals(caller.departmentId())) {
            if (caller.departmentId() == null) {
                throw ProblemException.badRequest("Your sign-in names no department: sign in again, or name one.",
                        List.of(new FieldError("departmentId", "is required")));
            }
            return caller.departmentId();
        }
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only administrators see another department than their own (its leave, its attendance).");
        }
        return departmentId;
    }

    public LocalDate lastDay(YearMonth month) {
        return month.atEndOfMonth();
    }

    /** The department of this id among all of them; 404 if there is none. */
    public com.erp.employee.domain.Department department(List<com.erp.employee.domain.Department> departments,
                                                         long departmentId) {
        return departments.stream().filter(d -> d.getId() == departmentId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No such department."));
    }

    /** These people's ids, for a query's {@code in} (an empty list makes an invalid {@code in ()}: nobody's id instead). */
    public List<Long> employeeIds(List<Employee> people) {
        return people.isEmpty() ? List.of(-1L) : people.stream().map(Employee::getId).toList();
    }

    /**
     * The month's leave: each leave document of the department's people whose days meet the month, by its last entry:
     * DEDUCTED approved, RESERVED on its way; one that was refused or released (rejected, withdrawn) is left out.
     */
    public LeaveCalendar calendar(List<LeaveEntry> entries, List<Employee> people,
                                  com.erp.employee.domain.Department department, YearMonth month) {
        java.util.Map<Long, Employee> byId = new java.util.HashMap<>();
        people.forEach(p -> byId.put(p.getId(), p));
        java.util.Map<String, LeaveEntry> last = new java.util.LinkedHashMap<>();
        for (LeaveEntry e : entries) {
            last.merge(e.getApprovalId(), e, (a, b) -> a.getId() > b.getId() ? a : b);
        }
        List<LeaveCalendar.Leave> leaves = last.values().stream()
                .filter(e -> e.getKind() == LeaveEntry.Kind.DEDUCTED || e.getKind() == LeaveEntry.Kind.RESERVED)
                .filter(e -> byId.containsKey(e.getEmployeeId()))
                .map(e -> new LeaveCalendar.Leave(EmployeeViews.person(byId.get(e.getEmployeeId())), e.getLeaveKind(),
                        e.getStartDate(), e.getEndDate(), e.getHalfDays() / 2.0,
                        e.getKind() == LeaveEntry.Kind.DEDUCTED ? "APPROVED" : "PENDING"))
                .sorted(java.util.Comparator.comparing(LeaveCalendar.Leave::startDate)
                        .thenComparing(l -> l.employee().name()))
                .toList();
        return new LeaveCalendar(month.toString(),
                new LeaveCalendar.CalendarDepartment(department.getId(), department.getName()), leaves);
    }

}
