package com.erp.routes.common.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The type-specific part of an {@link ApprovalEvent}. Every payload carries the drafter and title, so that
 * consumers (notification, record) need no lookups to act on it; every event from approval-processing also
 * carries the resulting {@link Progress}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventPayload {

    long drafterId();

    String title();

    /**
     * A document was stored and submitted; from now on its line changes only where its drafter changes the people
     * of steps not decided yet ({@link LineChanged}). {@code cc}: 참조, the people kept informed.
     * {@code leave}: what a leave document asks for (null for other forms); such a document starts along its line only
     * once employee-service has reserved its days ({@link LeaveReserved}). {@code resubmissionOf}: the rejected or
     * withdrawn document this one resubmits (재기안), if it does. {@code receivers}: 수신, the people the document is sent
     * to once it is approved; {@code receivingDepartments}: 수신처, the departments it is sent to then.
     * {@code cancelledLeaves}: with a leave, the drafter's approved leaves of that year cancelled since (휴가 취소), whose
     * days the ledger frees first if their cancellation has not reached it yet. {@code drafterLine}: the drafter's line
     * in the org chart (their lead, their head), whose people may approve with final authority (전결) in the last
     * approver's place; null when the org chart gives none.
     */
    record Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                     Instant submittedAt, List<Person> cc, Leave leave, String resubmissionOf, List<Person> receivers,
                     List<ReceivingDepartment> receivingDepartments, List<CancelledLeave> cancelledLeaves,
                     List<Person> drafterLine)
            implements EventPayload {

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc, Leave leave, String resubmissionOf, List<Person> receivers,
                         List<ReceivingDepartment> receivingDepartments, List<CancelledLeave> cancelledLeaves) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, leave, resubmissionOf, receivers,
                    receivingDepartments, cancelledLeaves, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc, Leave leave, String resubmissionOf, List<Person> receivers,
                         List<ReceivingDepartment> receivingDepartments) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, leave, resubmissionOf, receivers,
                    receivingDepartments, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc, Leave leave, String resubmissionOf, List<Person> receivers) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, leave, resubmissionOf, receivers, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc, Leave leave, String resubmissionOf) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, leave, resubmissionOf, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc, Leave leave) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, leave, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt, List<Person> cc) {
            this(drafterId, title, drafter, documentType, line, submittedAt, cc, null, null);
        }

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt) {
            this(drafterId, title, drafter, documentType, line, submittedAt, null, null, null);
        }
    }

    /**
     * employee-service reserved a leave document's days from the drafter's allowance ({@code remaining} days are left
     * to ask for): the document may now start along its line, which approval-processing does from the
     * {@code submission} carried here.
     */
    record LeaveReserved(long drafterId, String title, Submitted submission, double remaining) implements EventPayload {
    }

    /**
     * employee-service could not reserve a leave document's days ({@code available} were left): the document is
     * rejected without reaching anyone on its line (every step SKIPPED in {@code progress}), for {@code reason}.
     */
    record LeaveRefused(long drafterId, String title, Person drafter, Leave leave, double available, String reason,
                        Progress progress) implements EventPayload {
    }

    /**
     * approval-processing could not start a submitted document along its line (it breaks a rule of the line, as
     * processing's version of the rules reads it: {@code reason}): the document is rejected without reaching anyone
     * (every step SKIPPED in {@code progress}) and may be resubmitted. Published on the rejected topic, so whoever
     * frees what a rejection frees (a leave's reserved days) does so for it too.
     */
    record Refused(long drafterId, String title, Person drafter, String reason, Progress progress)
            implements EventPayload {
    }

    /**
     * A step became active: its approvers must act now (on a 합의 step, {@code agreement} true, the agreers, each of
     * whom agrees or disagrees). The first activation, when the document starts along its line, carries the people in
     * {@code cc}, who are told then. {@code deputies}: who may decide for those approvers today (대결), told as well;
     * null when nobody is. {@code standIns}: the same, each deputy with the approver they decide for.
     */
    record StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                         List<Person> approvers, Progress progress, List<Person> cc, List<Person> deputies,
                         Boolean agreement, List<StandIn> standIns) implements EventPayload {

        public StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                             List<Person> approvers, Progress progress, List<Person> cc, List<Person> deputies,
                             Boolean agreement) {
            this(drafterId, title, drafter, step, stepCount, approvers, progress, cc, deputies, agreement, null);
        }

        public StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                             List<Person> approvers, Progress progress, List<Person> cc, List<Person> deputies) {
            this(drafterId, title, drafter, step, stepCount, approvers, progress, cc, deputies, null, null);
        }

        public StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                             List<Person> approvers, Progress progress, List<Person> cc) {
            this(drafterId, title, drafter, step, stepCount, approvers, progress, cc, null, null, null);
        }

        public StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                             List<Person> approvers, Progress progress) {
            this(drafterId, title, drafter, step, stepCount, approvers, progress, null, null, null, null);
        }

        // not isAgreement(): Jackson would take that for the property's getter and, ignored, drop the property
        public boolean asksAgreement() {
            return Boolean.TRUE.equals(agreement);
        }
    }

    /**
     * An approver decided a step; {@code onBehalfOf}: the step's approver, when {@code actor} decided it as their
     * deputy (대결); null otherwise. {@code released}: on a retraction (RETRACTED), the people of the following step,
     * whom the document no longer waits for; null otherwise. {@code returnedTo}: when the step was sent back
     * (RETURNED), the people of the step before, who decide it again; null otherwise. {@code standIns}: when the
     * step's approver (or an agreer) decided it themselves, not on hold, the deputy who decides for them today (대결)
     * and had it in their inbox, told it needs nothing from them any more; null otherwise.
     */
    record Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                   String comment, Progress progress, Person onBehalfOf, List<Person> released, List<Person> returnedTo,
                   List<StandIn> standIns) implements EventPayload {

        public Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                       String comment, Progress progress, Person onBehalfOf, List<Person> released,
                       List<Person> returnedTo) {
            this(drafterId, title, step, stepCount, actor, decision, comment, progress, onBehalfOf, released, returnedTo,
                    null);
        }

        public Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                       String comment, Progress progress, Person onBehalfOf, List<Person> released) {
            this(drafterId, title, step, stepCount, actor, decision, comment, progress, onBehalfOf, released, null);
        }

        public Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                       String comment, Progress progress, Person onBehalfOf) {
            this(drafterId, title, step, stepCount, actor, decision, comment, progress, onBehalfOf, null);
        }

        public Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                       String comment, Progress progress) {
            this(drafterId, title, step, stepCount, actor, decision, comment, progress, null);
        }
    }

    /**
     * The last step approved: the document is approved. {@code cc} are told, like the drafter; {@code receivers} (수신)
     * receive it now, and so do the {@code receivingDepartments} (수신처: their heads are told). {@code onBehalfOf}:
     * the step's approver, when {@code finalApprover} approved it as their deputy (대결); null otherwise.
     * {@code toldAhead}: people of the steps 전결 skipped who were told of it (a line change, or asked and then sent
     * back), told it needs nothing more from them; null when nobody.
     */
    record Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc,
                     List<Person> receivers, Person onBehalfOf, List<ReceivingDepartment> receivingDepartments,
                     List<Person> toldAhead) implements EventPayload {

        public Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc,
                         List<Person> receivers, Person onBehalfOf, List<ReceivingDepartment> receivingDepartments) {
            this(drafterId, title, finalApprover, progress, cc, receivers, onBehalfOf, receivingDepartments, null);
        }

        public Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc,
                         List<Person> receivers, Person onBehalfOf) {
            this(drafterId, title, finalApprover, progress, cc, receivers, onBehalfOf, null);
        }

        public Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc,
                         List<Person> receivers) {
            this(drafterId, title, finalApprover, progress, cc, receivers, null);
        }

        public Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc) {
            this(drafterId, title, finalApprover, progress, cc, null, null);
        }

        public Completed(long drafterId, String title, Person finalApprover, Progress progress) {
            this(drafterId, title, finalApprover, progress, null, null, null);
        }
    }

    /**
     * A step rejected: the document is rejected and goes no further. {@code cc} are told, like the drafter.
     * {@code onBehalfOf}: the step's approver (or agreer), when {@code actor} rejected it as their deputy (대결).
     * {@code toldAhead}: people of later steps who were told of it (a line change, or asked and then sent back), told
     * it needs nothing more from them; null when nobody. {@code standIns}: on a 합의 disagreed, who decided for an
     * agreer asked no more (대결) today, told likewise; null when nobody (and in events from before it).
     */
    record Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress,
                    List<Person> cc, Person onBehalfOf, List<Person> toldAhead, List<StandIn> standIns)
            implements EventPayload {

        public Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress,
                        List<Person> cc, Person onBehalfOf, List<Person> toldAhead) {
            this(drafterId, title, step, actor, reason, progress, cc, onBehalfOf, toldAhead, null);
        }

        public Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress,
                        List<Person> cc, Person onBehalfOf) {
            this(drafterId, title, step, actor, reason, progress, cc, onBehalfOf, null);
        }

        public Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress,
                        List<Person> cc) {
            this(drafterId, title, step, actor, reason, progress, cc, null);
        }

        public Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress) {
            this(drafterId, title, step, actor, reason, progress, null, null);
        }
    }

    /**
     * The drafter withdrew the document (회수) at {@code step}: it goes no further. {@code approvers} are those it had
     * reached (the approvers who decided a step, the one who had to act, and the deputies: who decided a step for
     * someone, who decides today for someone it waited for), who are told, as are {@code cc}, and {@code toldAhead}:
     * people of later steps who were told of it (a line change, or asked and then sent back; null when nobody).
     */
    record Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                     Progress progress, List<Person> cc, List<Person> toldAhead) implements EventPayload {

        public Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                         Progress progress, List<Person> cc) {
            this(drafterId, title, drafter, step, approvers, reason, progress, cc, null);
        }

        public Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                         Progress progress) {
            this(drafterId, title, drafter, step, approvers, reason, progress, null);
        }
    }

    /**
     * 결재선 변경: the drafter put other people on steps nobody had decided yet ({@code steps}, their numbers), for
     * {@code reason} if one was given. {@code line}: the whole line now. {@code removed}: who is no longer on it (told),
     * {@code added}: who is on it now and was not. When the active step was one of {@code steps}, its people are asked
     * anew (every agreer of a 합의 step): {@code approval.step-activated} for it follows; {@code released}: whom it
     * waited for and no longer does (off the line, or on a later step now); null when nobody. {@code drafterLine}: the
     * drafter's org-chart line the change was judged against, from now on also whose people may use 전결 on it; null
     * when it was not looked up or is the one the document had.
     */
    record LineChanged(long drafterId, String title, Person drafter, List<Integer> steps, List<LineStep> line,
                       List<Person> removed, List<Person> added, String reason, Progress progress,
                       List<Person> released, List<Person> drafterLine) implements EventPayload {

        public LineChanged(long drafterId, String title, Person drafter, List<Integer> steps, List<LineStep> line,
                           List<Person> removed, List<Person> added, String reason, Progress progress,
                           List<Person> released) {
            this(drafterId, title, drafter, steps, line, removed, added, reason, progress, released, null);
        }

        public LineChanged(long drafterId, String title, Person drafter, List<Integer> steps, List<LineStep> line,
                           List<Person> removed, List<Person> added, String reason, Progress progress) {
            this(drafterId, title, drafter, steps, line, removed, added, reason, progress, null);
        }
    }

    /**
     * 의견: {@code author} commented on the document (approval-request, not processing: it changes no state).
     * {@code audience}: who is told, as the document stood (its drafter, the people its line has reached, cc, and its
     * receivers once approved, and who acknowledged it for a receiving department), without the author.
     * {@code departments}: once it is approved, the receiving departments (수신처) no one has acknowledged it for yet,
     * whose head now is told too (unless that is the author).
     */
    record Commented(long drafterId, String title, Person author, String text, List<Person> audience,
                     List<ReceivingDepartment> departments) implements EventPayload {

        /** An event from before {@code departments}: their heads, if any, are in the audience. */
        public Commented(long drafterId, String title, Person author, String text, List<Person> audience) {
            this(drafterId, title, author, text, audience, null);
        }
    }

    /**
     * 접수: {@code receivedBy} acknowledged the approved document (approval-request: it changes no state), as one of its
     * receivers (수신), or for {@code department}, a receiving department (수신처) they belong to; null for a receiver's
     * own receipt.
     */
    record Received(long drafterId, String title, Person receivedBy, ReceivingDepartment department)
            implements EventPayload {
    }

    /**
     * 휴가 취소: {@code cancelledBy} cancelled the approved leave (approval-request: it changes no state of processing's),
     * for {@code reason} if one was given: its drafter before its first day, or an administrator. Its days are the
     * drafter's again. {@code told}: who learns of it, as the document stood: the people of its line and the deputies
     * who decided for them, cc, the superiors a waiting step was escalated to, receivers and who acknowledged it for a
     * receiving department, and the drafter when someone else cancelled it; never the canceller. {@code departments}:
     * the receiving departments (수신처) nobody acknowledged it for, whose head now is told too.
     */
    record LeaveCancelled(long drafterId, String title, Person cancelledBy, Leave leave, String reason, List<Person> told,
                          List<ReceivingDepartment> departments) implements EventPayload {
    }

    /**
     * APPROVED_FINAL: approved with final authority (전결); the document is approved and the later steps skipped.
     * AGREED, DISAGREED: an agreer's part of a 합의 step; the step passes when the last agreer agrees, and a
     * disagreement rejects the document. RETRACTED (결재 취소): who approved {@code step} takes the approval back before
     * anyone decided the step after it; the step is theirs to decide again ({@code approval.step-activated} follows).
     * RETURNED (전단계 반려): the approver of {@code step} sent the document back, with a reason, to the step before,
     * which decides again ({@code approval.step-activated} for it follows). HELD (보류): the approver of {@code step}
     * put it on hold, with a reason ({@code comment}); the step stays theirs to decide, and they are not reminded of it
     * meanwhile.
     */
    enum Decision { APPROVED, APPROVED_FINAL, REJECTED, AGREED, DISAGREED, RETRACTED, RETURNED, HELD }
}
