package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.WithdrawalRequest;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

class WorkflowTest {

    private final Workflow workflow = new Workflow(Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
    private final Person drafter = new Person(1, "drafter", "STAFF", "D");
    private final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person head = new Person(3, "head", "DEPT_HEAD", "D");

    private Transition started() {
        return workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "title", drafter,
                "GENERAL", List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH)));
    }

    private static Caller caller(Person p) {
        return new Caller(p.id(), p.name(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE"));
    }

    @Test
    void aSubmissionActivatesTheFirstStep() {
        Transition t = started();
        assertThat(t.creates()).isTrue();
        assertThat(t.state().progress().currentStep()).isEqualTo(1);
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.PENDING, StepStatus.WAITING);
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.STEP_ACTIVATED);
        assertThat(t.events().get(0).sequence()).isEqualTo(1);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(2, "a1", true));
    }

    @Test
    void approvingMovesToTheNextStepThenApprovesTheDocument() {
        Transition first = workflow.decide(started().state(), "a1", new DecisionRequest("APPROVE", "ok"), caller(lead));
        assertThat(first.expectedVersion()).isEqualTo(1);
        assertThat(first.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.STEP_ACTIVATED);
        assertThat(first.events()).extracting(ApprovalEvent::sequence).containsExactly(2L, 3L);
        assertThat(first.state().progress().currentStep()).isEqualTo(2);
        assertThat(first.state().progress().steps().get(0).comment()).isEqualTo("ok");
        assertThat(first.inbox()).containsExactly(new Transition.InboxChange(2, "a1", false), new Transition.InboxChange(3, "a1", true));

        Transition second = workflow.decide(first.state(), "a1", new DecisionRequest("APPROVE", null), caller(head));
        assertThat(second.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.COMPLETED);
        assertThat(second.state().progress().status()).isEqualTo(Progress.Status.APPROVED);
        assertThat(second.state().progress().currentStep()).isNull();
        assertThat(second.events().get(1).sequence()).isEqualTo(5);
        assertThat(workflow.result(second, new DecisionRequest("APPROVE", null)).status()).isEqualTo("APPROVED");
    }

    @Test
    void aDepartmentHeadApprovesWithFinalAuthorityAndTheLaterStepsAreNeverAsked() {
        Person executive = new Person(4, "exec", "EXECUTIVE", "D");
        Transition started = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "title",
                drafter, "GENERAL", List.of(new LineStep(1, lead), new LineStep(2, head), new LineStep(3, executive)),
                Instant.EPOCH)));
        ApprovalState atHead = workflow.decide(started.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();

        Transition t = workflow.decide(atHead, "a1", new DecisionRequest("APPROVE_FINAL", "전결합니다"), caller(head));
        assertThat(t.state().progress().status()).isEqualTo(Progress.Status.APPROVED);
        assertThat(t.state().progress().currentStep()).isNull();
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.APPROVED, StepStatus.APPROVED, StepStatus.SKIPPED);
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.COMPLETED);
        EventPayload.Decided decided = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(decided.decision()).isEqualTo(EventPayload.Decision.APPROVED_FINAL);
        assertThat(decided.comment()).isEqualTo("전결합니다");
        assertThat(((EventPayload.Completed) t.events().get(1).payload()).finalApprover()).isEqualTo(head);
        // it leaves the head's inbox and never reaches the executive's
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(3, "a1", false));
        assertThat(workflow.result(t, new DecisionRequest("APPROVE_FINAL", null)).status()).isEqualTo("APPROVED");
    }

    /**
     * 결재권한: 전결 decides for the company in the last approver's place, so a head or a lead of another department,
     * put on an earlier step, approves their step but does not end the document; the drafter's own head does.
     */
    @Test
    void anotherDepartmentsHeadOrLeadOnAnEarlierStepDoesNotApproveWithFinalAuthority() {
        Person otherHead = new Person(8, "other head", "DEPT_HEAD", "E");
        Person otherLead = new Person(9, "other lead", "TEAM_LEAD", "E");
        ApprovalState general = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1,
                "title", drafter, "GENERAL", List.of(new LineStep(1, otherHead), new LineStep(2, head)), Instant.EPOCH)))
                .state();
        assertThatThrownBy(() -> workflow.decide(general, "a1", new DecisionRequest("APPROVE_FINAL", null), caller(otherHead)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("in the place of its last approver");
        assertThat(workflow.decide(general, "a1", new DecisionRequest("APPROVE", null), caller(otherHead)).state()
                .progress().currentStep()).isEqualTo(2);

        EventPayload.Submitted leave = new EventPayload.Submitted(1, "연차", drafter, "LEAVE",
                List.of(new LineStep(1, otherLead), new LineStep(2, head)), Instant.EPOCH, null,
                LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS));
        ApprovalState leaveState = workflow.start(ApprovalEvent.of("l1", 0, Instant.EPOCH,
                new EventPayload.LeaveReserved(1, "연차", leave, 14.0))).state();
        assertThatThrownBy(() -> workflow.decide(leaveState, "l1", new DecisionRequest("APPROVE_FINAL", null),
                caller(otherLead))).satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(422))
                .hasMessageContaining("in the place of its last approver");
    }

    /**
     * 결재권한 by the drafter's org-chart line, kept from the submission: another team's lead of the drafter's own
     * department, put on step 1 of a leave, approves their step but does not end it with 전결; the drafter's own lead
     * does. The decision and the inbox's offer agree.
     */
    @Test
    void onlyThoseOnTheDraftersOrgChartLineApproveTheirLeaveWithFinalAuthority() {
        Person otherTeamsLead = new Person(10, "other team's lead", "TEAM_LEAD", "D");
        java.util.function.Function<Person, ApprovalState> leaveFirstAskedOf = first -> {
            EventPayload.Submitted s = new EventPayload.Submitted(1, "연차", drafter, "LEAVE",
                    List.of(new LineStep(1, first), new LineStep(2, head)), Instant.EPOCH, null,
                    LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS), null, null, null, null,
                    List.of(lead, head));
            return workflow.start(ApprovalEvent.of("l1", 0, Instant.EPOCH, new EventPayload.LeaveReserved(1, "연차", s,
                    14.0))).state();
        };
        ApprovalState byOtherLead = leaveFirstAskedOf.apply(otherTeamsLead);
        assertThat(byOtherLead.drafterLine()).containsExactly(lead, head);
        assertThat(Workflow.mayApproveFinally(byOtherLead, otherTeamsLead)).isFalse();
        assertThatThrownBy(() -> workflow.decide(byOtherLead, "l1", new DecisionRequest("APPROVE_FINAL", null),
                caller(otherTeamsLead))).satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(422))
                .hasMessageContaining("on the drafter's line in the org chart");
        assertThat(workflow.decide(byOtherLead, "l1", new DecisionRequest("APPROVE", null), caller(otherTeamsLead))
                .state().progress().currentStep()).isEqualTo(2);

        ApprovalState byLead = leaveFirstAskedOf.apply(lead);
        assertThat(Workflow.mayApproveFinally(byLead, lead)).isTrue();
        assertThat(workflow.decide(byLead, "l1", new DecisionRequest("APPROVE_FINAL", null), caller(lead)).state()
                .progress().status()).isEqualTo(Progress.Status.APPROVED);
    }

    @Test
    void finalAuthorityIsTheHeadsOnAnyDocumentTheLeadsOnLeaveAndNeverOnTheLastStep() {
        // a team lead on a general document: 422, and nothing changed
        ApprovalState general = started().state();
        assertThat(statusOf(() -> workflow.decide(general, "a1", new DecisionRequest("APPROVE_FINAL", null), caller(lead))))
                .isEqualTo(422);
        // the last step: a plain approval says it
        ApprovalState atHead = workflow.decide(general, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThatThrownBy(() -> workflow.decide(atHead, "a1", new DecisionRequest("APPROVE_FINAL", null), caller(head)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("last");
        // out of turn is still out of turn, whatever the authority
        assertThat(statusOf(() -> workflow.decide(general, "a1", new DecisionRequest("APPROVE_FINAL", null), caller(head))))
                .isEqualTo(409);

        // a team lead on a leave document: approved, the head skipped
        EventPayload.Submitted leave = new EventPayload.Submitted(1, "연차", drafter, "LEAVE",
                List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH, null,
                LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS));
        ApprovalState leaveState = workflow.start(ApprovalEvent.of("l1", 0, Instant.EPOCH,
                new EventPayload.LeaveReserved(1, "연차", leave, 14.0))).state();
        Transition t = workflow.decide(leaveState, "l1", new DecisionRequest("APPROVE_FINAL", null), caller(lead));
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.APPROVED, StepStatus.SKIPPED);
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.COMPLETED);

        assertThat(FinalAuthority.refusal("GENERAL", "STAFF", 1, 2)).isPresent();
        assertThat(FinalAuthority.refusal("GENERAL", "EXECUTIVE", 1, 3)).isEmpty();
        assertThat(FinalAuthority.refusal("LEAVE", "TEAM_LEAD", 2, 2)).isPresent();
    }

    @Test
    void rejectingEndsTheDocumentAndSkipsTheRest() {
        Transition t = workflow.decide(started().state(), "a1", new DecisionRequest("REJECT", " 예산 초과 "), caller(lead));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.REJECTED);
        assertThat(((EventPayload.Rejected) t.events().get(1).payload()).reason()).isEqualTo("예산 초과");
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.REJECTED, StepStatus.SKIPPED);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(2, "a1", false));
    }

    @Test
    void onlyTheActiveApproverDecidesInTurnAndOnlyWhileInProgress() {
        ApprovalState state = started().state();
        assertThat(statusOf(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(drafter)))).isEqualTo(403);
        assertThat(statusOf(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(head)))).isEqualTo(409);
        assertThat(statusOf(() -> workflow.decide(null, "a1", new DecisionRequest("APPROVE", null), caller(lead)))).isEqualTo(404);
        ApprovalState rejected = workflow.decide(state, "a1", new DecisionRequest("REJECT", "no"), caller(lead)).state();
        assertThat(statusOf(() -> workflow.decide(rejected, "a1", new DecisionRequest("APPROVE", null), caller(head)))).isEqualTo(409);
        // off the line, a finished document is as closed as one in progress: 403, not "already rejected"
        assertThat(statusOf(() -> workflow.decide(rejected, "a1", new DecisionRequest("APPROVE", null), caller(drafter)))).isEqualTo(403);
    }

    @Test
    void theDrafterWithdrawsAtTheFirstStep() {
        Transition t = workflow.withdraw(started().state(), "a1", new WithdrawalRequest("  잘못 올렸습니다 "), caller(drafter));
        assertThat(t.expectedVersion()).isEqualTo(1);
        assertThat(t.state().version()).isEqualTo(2);
        assertThat(t.state().progress().status()).isEqualTo(Progress.Status.WITHDRAWN);
        assertThat(t.state().progress().currentStep()).isNull();
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.SKIPPED, StepStatus.SKIPPED);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(2, "a1", false));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.WITHDRAWN);
        assertThat(t.events().get(0).sequence()).isEqualTo(2);
        EventPayload.Withdrawn w = (EventPayload.Withdrawn) t.events().get(0).payload();
        assertThat(w.step()).isEqualTo(1);
        assertThat(w.reason()).isEqualTo("잘못 올렸습니다");
        assertThat(w.approvers()).containsExactly(lead);
        assertThat(workflow.withdrawal(t).status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aWithdrawalAfterAnApprovalKeepsItAndTellsBothApprovers() {
        Transition approved = workflow.decide(started().state(), "a1", new DecisionRequest("APPROVE", "ok"), caller(lead));
        Transition t = workflow.withdraw(approved.state(), "a1", null, caller(drafter));
        assertThat(t.expectedVersion()).isEqualTo(3);
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.APPROVED, StepStatus.SKIPPED);
        assertThat(t.state().progress().steps().get(0).comment()).isEqualTo("ok");
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(3, "a1", false));
        EventPayload.Withdrawn w = (EventPayload.Withdrawn) t.events().get(0).payload();
        assertThat(w.step()).isEqualTo(2);
        assertThat(w.reason()).isNull();
        assertThat(w.approvers()).containsExactly(lead, head);
        assertThat(workflow.withdrawal(t).step()).isEqualTo(2);
    }

    @Test
    void onlyTheDrafterWithdrawsAndOnlyWhileInProgress() {
        ApprovalState state = started().state();
        assertThat(statusOf(() -> workflow.withdraw(state, "a1", null, caller(lead)))).isEqualTo(403);
        assertThat(statusOf(() -> workflow.withdraw(state, "a1", null, caller(head)))).isEqualTo(403);
        Person stranger = new Person(9, "stranger", "STAFF", "E");
        assertThat(statusOf(() -> workflow.withdraw(state, "a1", null, caller(stranger)))).isEqualTo(403);
        assertThat(statusOf(() -> workflow.withdraw(null, "a1", null, caller(drafter)))).isEqualTo(404);

        ApprovalState withdrawn = workflow.withdraw(state, "a1", null, caller(drafter)).state();
        assertThat(statusOf(() -> workflow.withdraw(withdrawn, "a1", null, caller(drafter)))).isEqualTo(409);
        assertThat(statusOf(() -> workflow.decide(withdrawn, "a1", new DecisionRequest("APPROVE", null), caller(lead))))
                .isEqualTo(409);
        ApprovalState rejected = workflow.decide(state, "a1", new DecisionRequest("REJECT", "no"), caller(lead)).state();
        assertThat(statusOf(() -> workflow.withdraw(rejected, "a1", null, caller(drafter)))).isEqualTo(409);
        // a finished document is as closed to strangers as one in progress: 403, not "already rejected"
        assertThat(statusOf(() -> workflow.withdraw(rejected, "a1", null, caller(stranger)))).isEqualTo(403);
    }

    @Test
    void thePeopleInCcAreCarriedByTheFirstActivationAndByHowTheDocumentEnds() {
        Person cc = new Person(7, "cc", "STAFF", "E");
        Transition t = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "title", drafter,
                "GENERAL", List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH, List.of(cc))));
        assertThat(((EventPayload.StepActivated) t.events().get(0).payload()).cc()).containsExactly(cc);

        Transition approved = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead));
        assertThat(((EventPayload.StepActivated) approved.events().get(1).payload()).cc()).as("told once, at the start").isNull();
        Transition completed = workflow.decide(approved.state(), "a1", new DecisionRequest("APPROVE", null), caller(head));
        assertThat(((EventPayload.Completed) completed.events().get(1).payload()).cc()).containsExactly(cc);
        Transition rejected = workflow.decide(t.state(), "a1", new DecisionRequest("REJECT", "no"), caller(lead));
        assertThat(((EventPayload.Rejected) rejected.events().get(1).payload()).cc()).containsExactly(cc);
        Transition withdrawn = workflow.withdraw(approved.state(), "a1", null, caller(drafter));
        assertThat(((EventPayload.Withdrawn) withdrawn.events().get(0).payload()).cc()).containsExactly(cc);

        // without cc (and in states stored before cc existed) the events leave it out
        assertThat(((EventPayload.StepActivated) started().events().get(0).payload()).cc()).isNull();
        ApprovalState old = new ApprovalState("a1", "t", "GENERAL", drafter, List.of(new LineStep(1, lead)),
                t.state().progress(), 1, Instant.EPOCH, null);
        Transition end = workflow.decide(old, "a1", new DecisionRequest("APPROVE", null), caller(lead));
        assertThat(((EventPayload.Completed) end.events().get(1).payload()).cc()).isNull();
    }

    @Test
    void theReceivingDepartmentsAreKeptAndNamedWhenTheDocumentIsApproved() {
        ReceivingDepartment sales = new ReceivingDepartment(2, "영업본부", new Person(9, "강도윤", "DEPT_HEAD", "영업본부"));
        Person exec = new Person(5, "exec", "EXECUTIVE", "D");
        Transition t = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "title", drafter,
                "GENERAL", List.of(new LineStep(1, lead), new LineStep(2, head), new LineStep(3, exec)), Instant.EPOCH,
                null, null, null, null, List.of(sales))));
        Transition atHead = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead));
        Transition atExec = workflow.decide(atHead.state(), "a1", new DecisionRequest("APPROVE", null), caller(head));
        Transition completed = workflow.decide(atExec.state(), "a1", new DecisionRequest("APPROVE", null), caller(exec));
        assertThat(completed.events()).extracting(e -> e.payload()).filteredOn(p -> p instanceof EventPayload.Completed)
                .singleElement().satisfies(p -> assertThat(((EventPayload.Completed) p).receivingDepartments())
                        .containsExactly(sales));
        // 전결 ends it too
        Transition finalAuthority = workflow.decide(atHead.state(), "a1", new DecisionRequest("APPROVE_FINAL", null),
                caller(head));
        assertThat(finalAuthority.events()).extracting(e -> e.payload()).filteredOn(p -> p instanceof EventPayload.Completed)
                .singleElement().satisfies(p -> assertThat(((EventPayload.Completed) p).receivingDepartments())
                        .containsExactly(sales));
        // without any the event leaves them out
        Transition plain = workflow.start(ApprovalEvent.of("a2", 0, Instant.EPOCH, new EventPayload.Submitted(1, "t",
                drafter, "GENERAL", List.of(new LineStep(1, lead)), Instant.EPOCH)));
        assertThat(workflow.decide(plain.state(), "a2", new DecisionRequest("APPROVE", null), caller(lead)).events())
                .extracting(e -> e.payload()).filteredOn(p -> p instanceof EventPayload.Completed).singleElement()
                .satisfies(p -> assertThat(((EventPayload.Completed) p).receivingDepartments()).isNull());
        // a department twice is poison, wherever it comes from
        assertThatThrownBy(() -> workflow.start(ApprovalEvent.of("a5", 0, Instant.EPOCH, new EventPayload.Submitted(1, "t",
                drafter, "GENERAL", List.of(new LineStep(1, lead)), Instant.EPOCH, null, null, null, null,
                List.of(sales, sales))))).isInstanceOf(InvalidEventException.class).hasMessageContaining("twice");
    }

    @Test
    void aRejectionNeedsAReason() {
        ApprovalState state = started().state();
        assertThatThrownBy(() -> workflow.decide(state, "a1", new DecisionRequest("REJECT", "  "), caller(lead)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining("reason");
    }

    @Test
    void aLeaveDocumentStartsFromItsReservationNotFromItsSubmission() {
        EventPayload.Submitted leave = new EventPayload.Submitted(1, "연차", drafter, "LEAVE",
                List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH, null,
                LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS));
        ApprovalEvent submitted = ApprovalEvent.of("l1", 0, Instant.EPOCH, leave);
        assertThat(workflow.startsOnSubmission(submitted)).isFalse();
        assertThat(workflow.startsOnSubmission(ApprovalEvent.of("g1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "t",
                drafter, "GENERAL", List.of(new LineStep(1, lead)), Instant.EPOCH)))).isTrue();
        // handed in as a bare submission (e.g. over gRPC) it would skip the leave ledger
        assertThatThrownBy(() -> workflow.start(submitted)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("reserved");

        Transition t = workflow.start(ApprovalEvent.of("l1", 0, Instant.EPOCH,
                new EventPayload.LeaveReserved(1, "연차", leave, 14.0)));
        assertThat(t.state().approvalId()).isEqualTo("l1");
        assertThat(t.state().documentType()).isEqualTo("LEAVE");
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.STEP_ACTIVATED);
        assertThat(t.events().get(0).sequence()).isEqualTo(1);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(2, "l1", true));
    }

    @Test
    void aRefusedSubmissionIsAnsweredAndWhatIsNoSubmissionIsThrownAgain() throws Exception {
        EventPayload.Submitted leave = new EventPayload.Submitted(1, "연차", drafter, "LEAVE",
                List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH, null,
                LeaveRules.leave("ANNUAL", "2031-03-03", null, CompanyDays.WEEKDAYS));
        InvalidEventException why = new InvalidEventException("submission l2: the line breaks a rule");
        ApprovalEvent refusal = workflow.refusal(ApprovalEvent.of("l2", 0, Instant.EPOCH,
                new EventPayload.LeaveReserved(1, "연차", leave, 14.0)), why);
        assertThat(refusal.eventType()).isEqualTo(EventType.REFUSED);
        assertThat(refusal.approvalId()).isEqualTo("l2");
        assertThat(refusal.sequence()).isEqualTo(ApprovalEvent.FINAL_SEQUENCE);
        EventPayload.Refused refused = (EventPayload.Refused) refusal.payload();
        assertThat(refused.reason()).isEqualTo(why.getMessage());
        assertThat(refused.progress().status()).isEqualTo(Progress.Status.REJECTED);
        assertThat(refused.progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(Progress.StepStatus.SKIPPED, Progress.StepStatus.SKIPPED);
        // however often it comes, the same answer
        assertThat(workflow.refusal(ApprovalEvent.of("l2", 0, Instant.EPOCH, new EventPayload.LeaveReserved(1, "연차",
                leave, 14.0)), why).eventId()).isEqualTo(refusal.eventId());

        // no submission, or another failure: nothing to answer, a dead letter
        ApprovalEvent notASubmission = ApprovalEvent.of("x", 1, Instant.EPOCH, new EventPayload.Withdrawn(1, "t", drafter, 1,
                List.of(), null, new Progress(Progress.Status.WITHDRAWN, null, List.of())));
        assertThatThrownBy(() -> workflow.refusal(notASubmission, why)).isSameAs(why);
        IllegalStateException other = new IllegalStateException("Redis away");
        assertThatThrownBy(() -> workflow.refusal(ApprovalEvent.of("l2", 0, Instant.EPOCH,
                new EventPayload.LeaveReserved(1, "연차", leave, 14.0)), other)).isSameAs(other);
    }

    @Test
    void aSubmissionWithoutALineIsPoison() {
        assertThatThrownBy(() -> workflow.start(ApprovalEvent.of("a2", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "t", drafter, "GENERAL", List.of(), Instant.EPOCH))))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aLineThatBreaksTheLineRulesIsPoisonWhereverItComesFrom() {
        // approval-request refuses these; processing must not trust that nobody else can hand them in
        assertThat(startFails(List.of(new LineStep(1, lead), new LineStep(2, drafter)))).contains("your own document");
        assertThat(startFails(List.of(new LineStep(1, lead), new LineStep(2, lead)))).contains("twice");
        assertThat(startFails(List.of(new LineStep(2, lead), new LineStep(1, head)))).contains("numbered 1 to 2");
        assertThat(startFails(List.of(new LineStep(1, lead), new LineStep(3, head)))).contains("numbered 1 to 2");
    }

    @Test
    void ccThatBreaksTheCcRulesIsPoisonToo() {
        // the gRPC port is no way around approval-request's checks: nobody is told who should not be
        List<LineStep> line = List.of(new LineStep(1, lead));
        assertThat(startFailsWithCc(line, List.of(drafter))).contains("yourself");
        assertThat(startFailsWithCc(line, List.of(lead))).contains("on the approval line");
        Person cc = new Person(7, "cc", "STAFF", "E");
        assertThat(startFailsWithCc(line, List.of(cc, cc))).contains("twice");
        List<Person> many = java.util.stream.LongStream.rangeClosed(10, 30).mapToObj(i -> new Person(i, "p" + i, "STAFF", "E")).toList();
        assertThat(startFailsWithCc(line, many)).contains("At most 20");
    }

    private String startFailsWithCc(List<LineStep> line, List<Person> cc) {
        try {
            workflow.start(ApprovalEvent.of("a4", 0, Instant.EPOCH,
                    new EventPayload.Submitted(1, "t", drafter, "GENERAL", line, Instant.EPOCH, cc)));
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
        throw new AssertionError("started with cc " + cc);
    }

    private String startFails(List<LineStep> line) {
        try {
            workflow.start(ApprovalEvent.of("a3", 0, Instant.EPOCH,
                    new EventPayload.Submitted(1, "t", drafter, "GENERAL", line, Instant.EPOCH)));
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
        throw new AssertionError("started with the line " + line);
    }
}
