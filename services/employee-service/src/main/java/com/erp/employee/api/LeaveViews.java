package com.erp.employee.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.erp.employee.domain.Employee;
import com.erp.employee.domain.LeaveAccount;
import com.erp.employee.domain.LeaveEntry;
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
    private final int annualHalfDays;

    public LeaveViews(Clock clock, ZoneId zone, int annualDays) {
        this.clock = clock;
        this.zone = zone;
        this.annualHalfDays = annualDays * 2;
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
        if (found.isEmpty()) {
            if (caller.isAdmin()) {
                throw ProblemException.notFound("No such employee.");
            }
            throw forbiddenToRead();
        }
        Employee e = found.get(0);
        boolean lead = e.getTeam() != null && e.getTeam().getLead() != null && e.getTeam().getLead().getId() == caller.id();
        boolean head = e.getDepartment().getHead() != null && e.getDepartment().getHead().getId() == caller.id();
        if (!caller.isAdmin() && !lead && !head) {
            throw forbiddenToRead();
        }
        return e.getId();
    }

    private static ProblemException forbiddenToRead() {
        return ProblemException.forbidden("Only the employee, their team lead and department head, and administrators "
                + "may read an employee's leave.");
    }

    /** A grant the caller may make: administrators only, in half days. */
    public LeaveGrantRequest checkGrant(Caller caller, LeaveGrantRequest grant) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Only administrators may grant leave.");
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
        return found.get(0).getId();
    }

    public int halfDays(double days) {
        return LeaveRules.halfDays(days);
    }

    /** The account found for the year, or the one the year starts with. */
    public LeaveBalance balance(List<LeaveAccount> found, long employeeId, int year) {
        return balance(found.isEmpty() ? new LeaveAccount(employeeId, year, annualHalfDays) : found.get(0));
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
}
