package com.erp.approvalrequest.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.erp.approvalrequest.api.SubmissionAccepted;
import com.erp.approvalrequest.api.SubmitApprovalRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.security.Caller;

/**
 * Turns a validated request into a new document and its {@code approval.submitted} event (bean
 * {@code submissions}). The drafter comes from the token only.
 */
public class Submissions {

    /**
     * A document about to be stored, with the event that announces it.
     *
     * @param resubmissionOf the rejected or withdrawn document this one resubmits (재기안), or null */
    public record NewApproval(String id, SubmitApprovalRequest request, Person drafter, List<LineStep> line,
                              List<Person> cc, Instant submittedAt, ApprovalEvent submitted, String resubmissionOf,
                              List<Person> receivers, List<ReceivingDepartment> receivingDepartments) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final CompanyDays days;

    /**
     * @param zone the zone whose calendar says which year it is (for the years a leave may be in)
     * @param days the company's working days, in which leave is counted
     */
    public Submissions(Clock clock, ZoneId zone, CompanyDays days) {
        this.clock = clock;
        this.zone = zone;
        this.days = days;
    }

    /**
     * @param cc             who the directory found of {@code request.ccIds()} (empty when none were named)
     * @param agreers        who the directory found of the agreement's agreer ids (empty when there is none)
     * @param receivers      who the directory found of {@code request.receiverIds()} (empty when none were named)
     * @param departments    what the directory found of {@code request.receiverDepartmentIds()} (empty when none were)
     * @param resubmissionOf the document this one resubmits, or null
     */
    public NewApproval draft(SubmitApprovalRequest request, Caller caller, List<Person> approvers, List<Person> cc,
                             List<Person> agreers, List<Person> receivers, List<ReceivingDepartment> departments,
                             String resubmissionOf) {
        SubmissionPolicy.check(request.title(), caller.id(), request.approverIds(), approvers);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Leave leave = SubmissionPolicy.leave(request.type(), request.leave(), today.getYear(), days);
        FormRules.check(request.type(), request.expense(), request.trip(), today);
        List<LineStep> line = SubmissionPolicy.line(caller.id(), approvers, request.agreement(), agreers);
        if (request.ccIds() != null && !request.ccIds().isEmpty()) {
            SubmissionPolicy.checkCc(caller.id(), request.ccIds(), cc, ApprovalLineRules.people(line));
        }
        // in the order the drafter named them
        List<Person> inCc = request.ccIds() == null ? List.of() : request.ccIds().stream()
                .map(id -> cc.stream().filter(p -> p.id() == id).findFirst().orElseThrow()).toList();
        List<Person> receiving = SubmissionPolicy.receivers(caller.id(), request.receiverIds(), receivers,
                ApprovalLineRules.people(line), inCc);
        List<ReceivingDepartment> receivingDepartments = SubmissionPolicy.receivingDepartments(
                request.receiverDepartmentIds(), departments);
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Person drafter = caller.person();
        ApprovalEvent submitted = ApprovalEvent.of(id, 0, now, new EventPayload.Submitted(caller.id(),
                request.title().strip(), drafter, request.type(), line, now, inCc.isEmpty() ? null : inCc, leave, resubmissionOf,
                receiving.isEmpty() ? null : receiving, receivingDepartments.isEmpty() ? null : receivingDepartments));
        return new NewApproval(id, request, drafter, line, inCc, now, submitted, resubmissionOf, receiving,
                receivingDepartments);
    }

    /** The 202 answer: stored and queued; processing will activate the first step. */
    public SubmissionAccepted accepted(String id) {
        return SubmissionAccepted.queued(id);
    }

    /**
     * The answer to a submission sent again with an {@code Idempotency-Key} used before: the document made then (202,
     * whichever way it went; its page says how far it is). Not found (stored under another key's index entry, which
     * cannot be): 409.
     */
    public SubmissionAccepted replayed(org.bson.Document first) {
        if (first == null) {
            throw com.erp.routes.common.web.ProblemException.conflict("A submission with this Idempotency-Key is stored "
                    + "already; use a new key for a new document.");
        }
        return SubmissionAccepted.queued(first.getString("_id"));
    }
}
