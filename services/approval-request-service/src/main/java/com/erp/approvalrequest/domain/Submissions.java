package com.erp.approvalrequest.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.erp.approvalrequest.api.ExpenseRequest;
import com.erp.approvalrequest.api.LeaveRequest;
import com.erp.approvalrequest.api.SubmissionAccepted;
import com.erp.approvalrequest.api.SubmitApprovalRequest;
import com.erp.approvalrequest.api.TripRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.CancelledLeave;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineAuthority;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;

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
                              List<Person> receivers, List<ReceivingDepartment> receivingDepartments,
                              LeadAuthority.Ruling lineRule) {
    }

    /**
     * The line a document of this form and size would go now, as submitting it would make it (the org chart's default
     * line, cut by the 전결 rules), and the rules themselves.
     */
    public record LinePreview(List<Person> approvers, LeadAuthority.Ruling lineRule, LeadAuthority.Limits rules) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final CompanyDays days;
    private final LeadAuthority leadAuthority;
    private final java.time.Duration syncUndecidedFor;

    /**
     * Stored {@code true} on a document with an Idempotency-Key sent the synchronous way, which may take it back;
     * {@code false} once a replay of its submission claimed it (told it is kept).
     */
    public static final String DISPATCHED_SYNC = "dispatchedSync";

    /**
     * @param zone the zone whose calendar says which year it is (for the years a leave may be in)
     * @param days the company's working days, in which leave is counted
     * @param leadAuthority the 전결 rules that cut the default line
     * @param syncUndecidedFor how long after it was drafted a document on the synchronous way may still be taken back:
     *                         the gRPC call's deadline and a margin for storing and taking it back
     */
    public Submissions(Clock clock, ZoneId zone, CompanyDays days, LeadAuthority leadAuthority,
                       java.time.Duration syncUndecidedFor) {
        this.syncUndecidedFor = syncUndecidedFor;
        this.clock = clock;
        this.zone = zone;
        this.days = days;
        this.leadAuthority = leadAuthority;
    }

    /**
     * @param approvers      the approvers named ({@code request.approverIds()}), else the org chart's default line
     * @param defaultLine    the org chart's default line of the drafter, whose authority ends a line they name
     * @param cc             who the directory found of {@code request.ccIds()} (empty when none were named)
     * @param agreers        who the directory found of the agreement's agreer ids (empty when there is none)
     * @param receivers      who the directory found of {@code request.receiverIds()} (empty when none were named)
     * @param departments    what the directory found of {@code request.receiverDepartmentIds()} (empty when none were)
     * @param resubmissionOf the document this one resubmits, or null
     * @param cancelledLeaves with a leave, the drafter's approved leaves of its year cancelled since (else empty)
     */
    public NewApproval draft(SubmitApprovalRequest request, Caller caller, List<Person> approvers,
                             List<Person> defaultLine, List<Person> cc,
                             List<Person> agreers, List<Person> receivers, List<ReceivingDepartment> departments,
                             String resubmissionOf, List<CancelledLeave> cancelledLeaves) {
        SubmissionPolicy.check(request.title(), caller.id(), request.approverIds(), approvers);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Leave leave = SubmissionPolicy.leave(request.type(), request.leave(), today.getYear(), days);
        FormRules.check(request.type(), request.expense(), request.trip(), today);
        LeadAuthority.Ruling ruling = null;
        if (request.approverIds() == null) {
            LeadAuthority.Line cut = leadAuthority.apply(request.type(), request.expense(), leave, request.trip(), approvers);
            approvers = cut.approvers();
            ruling = cut.ruling();
        } else {
            LineAuthority.namedLineViolation(authorities(request, leave, defaultLine), caller.position(),
                            approvers.get(approvers.size() - 1))
                    .ifPresent(reason -> {
                        throw ProblemException.unprocessable(reason);
                    });
        }
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
                receiving.isEmpty() ? null : receiving, receivingDepartments.isEmpty() ? null : receivingDepartments,
                leave == null || cancelledLeaves == null || cancelledLeaves.isEmpty() ? null : List.copyOf(cancelledLeaves),
                defaultLine == null || defaultLine.isEmpty() ? null : List.copyOf(defaultLine)));
        return new NewApproval(id, request, drafter, line, inCc, now, submitted, resubmissionOf, receiving,
                receivingDepartments, ruling);
    }

    /**
     * Who may end a line the drafter names (결재권한): the last approver of the org chart's line as the 위임전결 rules cut
     * it for this document, and whoever is after them on the whole default line; none when the org chart gives no line.
     */
    private List<Person> authorities(SubmitApprovalRequest request, Leave leave, List<Person> defaultLine) {
        if (defaultLine == null || defaultLine.isEmpty()) {
            return List.of();
        }
        List<Person> cut = leadAuthority.apply(request.type(), request.expense(), leave, request.trip(), defaultLine)
                .approvers();
        return List.copyOf(defaultLine.subList(cut.size() - 1, defaultLine.size()));
    }

    /**
     * The line a document would go (GET /approval-line): {@code defaultLine} cut by the 전결 rules for a document of
     * {@code type} claiming {@code amount} won (EXPENSE) or taking the days from {@code startDate} to {@code endDate}
     * (LEAVE of {@code leaveKind}, BUSINESS_TRIP). What is not given, or does not make a valid document yet (a leave
     * on a holiday), leaves the line whole: submitting would say what is wrong.
     */
    public LinePreview preview(String type, Long amount, String leaveKind, String startDate, String endDate,
                               List<Person> defaultLine) {
        ExpenseRequest expense = null;
        Leave leave = null;
        TripRequest trip = null;
        if (FormRules.EXPENSE.equals(type) && amount != null) {
            expense = new ExpenseRequest(amount, null, null);
        } else if (LeaveRules.FORM.equals(type) && leaveKind != null && startDate != null) {
            try {
                leave = SubmissionPolicy.leave(type, new LeaveRequest(leaveKind, startDate, endDate),
                        LocalDate.parse(startDate).getYear(), days);
            } catch (ProblemException notYetALeave) {
                leave = null;
            }
        } else if (FormRules.TRIP.equals(type) && startDate != null && endDate != null
                && !LocalDate.parse(endDate).isBefore(LocalDate.parse(startDate))) {
            trip = new TripRequest(null, startDate, endDate, null);
        }
        LeadAuthority.Line line = leadAuthority.apply(type, expense, leave, trip, defaultLine);
        return new LinePreview(line.approvers(), line.ruling(), leadAuthority.limits());
    }

    /** The 202 answer: stored and queued; processing will activate the first step. */
    public SubmissionAccepted accepted(String id) {
        return SubmissionAccepted.queued(id);
    }

    /**
     * The answer to a submission sent again with an {@code Idempotency-Key} used before: the document made then (202,
     * whichever way it went; its page says how far it is). Not found (taken back by the synchronous way since it was
     * found): 409 with Retry-After, and sent again it submits anew. While the first may still be taken back by the synchronous way (processing not reached, 503):
     * 409 with Retry-After, since a 202 would tell this client that a document about to be removed is kept. That is
     * while it was sent that way, its event is not published and the call's time and a margin have not passed since
     * it was drafted; after that, a replay first claims it ({@link #claimable}), and the synchronous way no longer
     * removes a claimed document.
     */
    public SubmissionAccepted replayed(org.bson.Document first) {
        if (first == null) {
            throw com.erp.routes.common.web.ProblemException.conflict("The first submission with this Idempotency-Key "
                    + "was just taken back (approval-processing could not be reached); send it again to submit it anew.",
                    1);
        }
        if (sentSync(first) && !first.getList("outbox", org.bson.Document.class, List.of()).isEmpty()
                && !undecidedTimePassed(first)) {
            throw com.erp.routes.common.web.ProblemException.conflict("The first submission with this Idempotency-Key "
                    + "is still being dispatched; send it again after Retry-After to learn whether it was kept.",
                    (int) Math.max(1, syncUndecidedFor.toSeconds() / 2));
        }
        return SubmissionAccepted.queued(first.getString("_id"));
    }

    /**
     * Whether a replay claims the first document before answering that it is kept: sent the synchronous way, not
     * claimed yet, and past the time in which that way decides whether it keeps it.
     */
    public boolean claimable(org.bson.Document first) {
        return first != null && sentSync(first) && undecidedTimePassed(first);
    }

    private static boolean sentSync(org.bson.Document first) {
        return Boolean.TRUE.equals(first.getBoolean(DISPATCHED_SYNC));
    }

    private boolean undecidedTimePassed(org.bson.Document first) {
        java.util.Date drafted = first.getDate("submittedAt");
        return drafted == null || !drafted.toInstant().plus(syncUndecidedFor).isAfter(clock.instant());
    }
}
