package com.erp.approvalrequest.domain;

import java.util.HashMap;
import java.util.Map;

import java.util.List;

import com.erp.approvalrequest.api.AgreementRequest;
import com.erp.approvalrequest.api.LeaveRequest;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LeaveRules;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.web.ProblemException;

/**
 * What a submission must satisfy beyond the contract's shape: a real title, everyone the drafter named found as
 * an active employee, and an approval line as {@link ApprovalLineRules} says (1 to 10 people, none of them the
 * drafter, nobody twice).
 */
public final class SubmissionPolicy {

    private SubmissionPolicy() {
    }

    /**
     * @param requested the approver ids the drafter named, or null when the org chart's line is used
     * @param line      who the directory resolved, in order
     */
    public static void check(String title, long drafterId, List<Long> requested, List<Person> line) {
        if (title == null || title.isBlank()) {
            throw ProblemException.unprocessable("The title must not be blank.");
        }
        if (requested != null) {
            byId(requested, line, "approve");
        }
        if (line.isEmpty()) {
            throw ProblemException.unprocessable(
                    "The org chart gives you no default approval line; name the approvers in approverIds.");
        }
        ApprovalLineRules.violation(drafterId, line).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
    }

    /**
     * The leave a document asks for: a LEAVE document must say which days (as {@link LeaveRules} allows, in last year,
     * this year or next year), and no other form may. Null for other forms.
     */
    public static Leave leave(String documentType, LeaveRequest request, int thisYear, CompanyDays days) {
        boolean leaveForm = LeaveRules.FORM.equals(documentType);
        if (leaveForm && request == null) {
            throw ProblemException.unprocessable("A LEAVE document must say which days: give leave with kind and startDate.");
        }
        if (!leaveForm && request != null) {
            throw ProblemException.unprocessable("Only a LEAVE document says which days; leave out `leave` for a "
                    + documentType + " document.");
        }
        if (request == null) {
            return null;
        }
        LeaveRules.violation(request.kind(), request.startDate(), request.endDate(), days).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
        Leave leave = LeaveRules.leave(request.kind(), request.startDate(), request.endDate(), days);
        int year = Integer.parseInt(leave.startDate().substring(0, 4));
        // last year's (asked for late, e.g. in the first days of January), this year's and next year's allowances
        if (year < thisYear - 1 || year > thisYear + 1) {
            throw ProblemException.unprocessable("A leave in " + year + " cannot be asked for now: only "
                    + (thisYear - 1) + ", " + thisYear + " and " + (thisYear + 1) + " are open.");
        }
        return leave;
    }

    /**
     * The line with its 합의 (agreement) step: the agreers, in the order named, before the {@code position}-th approver
     * (the last one when not given), and then the line's rules over the whole ({@link ApprovalLineRules#stepsViolation}:
     * nobody twice, not the drafter, the last step an approver's).
     *
     * @param found who the directory resolved of the agreer ids
     */
    public static List<LineStep> line(long drafterId, List<Person> approvers, AgreementRequest agreement, List<Person> found) {
        List<Person> agreers = List.of();
        if (agreement != null) {
            Map<Long, Person> byId = byId(agreement.agreerIds(), found, "agree (합의)");
            agreers = agreement.agreerIds().stream().map(byId::get).toList();
        }
        ApprovalLineRules.Composed line = ApprovalLineRules.compose(approvers, agreers,
                agreement == null ? null : agreement.position());
        if (line.violation() != null) {
            throw ProblemException.unprocessable(line.violation());
        }
        ApprovalLineRules.stepsViolation(drafterId, line.steps()).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
        return line.steps();
    }

    /**
     * The receivers (수신), in the order named: everyone found as an active employee, and neither the drafter nor anyone
     * on the line or in cc. Empty when none were named.
     */
    public static List<Person> receivers(long drafterId, List<Long> requested, List<Person> found, List<Person> line,
                                         List<Person> cc) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        Map<Long, Person> byId = byId(requested, found, "receive the document");
        List<Person> receivers = requested.stream().map(byId::get).toList();
        ApprovalLineRules.receiversViolation(drafterId, line, cc, receivers).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
        return receivers;
    }

    /**
     * The receiving departments (수신처), in the order named: each one the org chart has. Empty when none were named.
     */
    public static List<ReceivingDepartment> receivingDepartments(List<Long> requested, List<ReceivingDepartment> found) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        Map<Long, ReceivingDepartment> byId = new java.util.HashMap<>();
        found.forEach(d -> byId.put(d.id(), d));
        List<Long> unknown = requested.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("No department " + unknown + " in the org chart to send the document "
                    + "to (receiverDepartmentIds); one made in the last few seconds is known after a retry shortly.");
        }
        List<ReceivingDepartment> departments = requested.stream().map(byId::get).toList();
        ApprovalLineRules.receivingDepartmentsViolation(departments).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
        return departments;
    }

    /**
     * The people in cc (참조): everyone named found as an active employee, and neither the drafter nor anyone on the
     * line (who are told anyway).
     *
     * @param requested the ids the drafter named (the contract keeps them unique)
     * @param found     who the directory resolved
     */
    public static void checkCc(long drafterId, List<Long> requested, List<Person> found, List<Person> line) {
        byId(requested, found, "be put in cc");
        ApprovalLineRules.ccViolation(drafterId, line, found).ifPresent(reason -> {
            throw ProblemException.unprocessable(reason);
        });
    }

    /**
     * Whom the directory found of the ids the drafter named, by id; 422 naming the ids it did not find (no active
     * employee), who cannot {@code role}.
     */
    private static Map<Long, Person> byId(List<Long> requested, List<Person> found, String role) {
        Map<Long, Person> byId = new HashMap<>();
        found.forEach(p -> byId.put(p.id(), p));
        List<Long> unknown = requested.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("No active employee with id " + unknown + " can " + role + ".");
        }
        return byId;
    }
}
