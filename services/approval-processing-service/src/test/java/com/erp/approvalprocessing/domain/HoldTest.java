package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.RetractionRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepStatus;
import org.junit.jupiter.api.Test;

/** 보류: the active step's approver puts the document on hold, with a reason, and decides it later. */
class HoldTest extends WorkflowTestBase {

    private final ReminderPolicy policy = new ReminderPolicy(new BusinessCalendar(SEOUL,
            new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()), "09:00-18:00"),
            Duration.ofHours(8), Duration.ofHours(4));

    private ApprovalState atLeadAndHead() {
        return started(List.of(new LineStep(1, lead), new LineStep(2, head)));
    }

    private Transition hold(ApprovalState state, Person by, String reason) {
        return workflow.decide(state, "a1", new DecisionRequest("HOLD", reason), caller(by));
    }

    @Test
    void theStepStaysTheApproversOnHoldAndTheDrafterIsToldWhy() {
        ApprovalState started = atLeadAndHead();
        Transition t = hold(started, lead, " 견적서 확인 후 결정 ");

        Progress progress = t.state().progress();
        assertThat(progress.status()).isEqualTo(Progress.Status.IN_PROGRESS);
        assertThat(progress.currentStep()).isEqualTo(1);
        Progress.StepProgress step = progress.steps().get(0);
        assertThat(step.status()).isEqualTo(StepStatus.PENDING);
        assertThat(step.hold()).isEqualTo(new Progress.Hold(Instant.parse("2026-11-21T01:00:00Z"), "견적서 확인 후 결정", lead));
        assertThat(t.state().progress().activeHold()).isEqualTo(step.hold());
        // it has waited since it was activated, hold or not
        assertThat(t.state().activatedAt()).isEqualTo(started.activatedAt());
        assertThat(t.state().version()).isEqualTo(started.version() + 1);
        // the lead keeps it in their inbox (written again, to show the hold)
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED);
        EventPayload.Decided held = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(held.decision()).isEqualTo(EventPayload.Decision.HELD);
        assertThat(held.step()).isEqualTo(1);
        assertThat(held.actor()).isEqualTo(lead);
        assertThat(held.comment()).isEqualTo("견적서 확인 후 결정");
        assertThat(held.progress()).isEqualTo(progress);
        var answer = workflow.result(t, new DecisionRequest("HOLD", "견적서 확인 후 결정"));
        assertThat(answer.status()).isEqualTo("IN_PROGRESS");
        assertThat(answer.step()).isEqualTo(1);
        assertThat(answer.nextApprover()).isEqualTo(lead);
    }

    @Test
    void decidingTheStepEndsTheHold() {
        ApprovalState held = hold(atLeadAndHead(), lead, "확인 중").state();

        ApprovalState approved = workflow.decide(held, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(approved.progress().currentStep()).isEqualTo(2);
        assertThat(approved.progress().steps().get(0).status()).isEqualTo(StepStatus.APPROVED);
        assertThat(approved.progress().steps()).extracting(Progress.StepProgress::hold).containsOnlyNulls();
        assertThat(approved.progress().activeHold()).isNull();

        ApprovalState rejected = workflow.decide(held, "a1", new DecisionRequest("REJECT", "견적 초과"), caller(lead)).state();
        assertThat(rejected.progress().status()).isEqualTo(Progress.Status.REJECTED);
        assertThat(rejected.progress().steps()).extracting(Progress.StepProgress::hold).containsOnlyNulls();
    }

    @Test
    void itNeedsAReasonTheCallersTurnAndIsNotHeldTwice() {
        ApprovalState started = atLeadAndHead();
        assertThatThrownBy(() -> hold(started, lead, "  ")).hasMessageContaining("needs a comment");
        assertThat(statusOf(() -> hold(started, lead, null))).isEqualTo(400);
        assertThat(statusOf(() -> hold(started, head, "나중에"))).isEqualTo(409);
        assertThat(statusOf(() -> hold(started, drafter, "나중에"))).isEqualTo(403);
        assertThat(statusOf(() -> hold(started, new Person(99, "stranger", "STAFF", "X"), "나중에"))).isEqualTo(403);

        ApprovalState held = hold(started, lead, "확인 중").state();
        assertThatThrownBy(() -> hold(held, lead, "다시")).hasMessageContaining("on hold since");
        assertThat(statusOf(() -> hold(held, lead, "다시"))).isEqualTo(409);
    }

    @Test
    void a합의StepIsNotHeld() {
        Person agreer = new Person(5, "agreer", "STAFF", "E");
        Person other = new Person(6, "other", "STAFF", "E");
        ApprovalState agreeing = started(List.of(LineStep.agreement(1, List.of(agreer, other)), new LineStep(2, head)));
        assertThatThrownBy(() -> hold(agreeing, agreer, "나중에")).hasMessageContaining("not put on hold");
        assertThat(statusOf(() -> hold(agreeing, agreer, "나중에"))).isEqualTo(422);
    }

    @Test
    void theHeadsDeputyHoldsItForTheHead() {
        delegate(head, deputy);
        ApprovalState atHead = workflow.decide(atLeadAndHead(), "a1", new DecisionRequest("APPROVE", null), caller(lead))
                .state();
        Transition t = hold(atHead, deputy, "부서장 복귀 후");
        EventPayload.Decided held = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(held.actor()).isEqualTo(deputy);
        assertThat(held.onBehalfOf()).isEqualTo(head);
        assertThat(t.state().progress().activeHold().by()).isEqualTo(deputy);
        // the step is the head's: their inbox item shows the hold
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(head.id(), "a1", true));
    }

    @Test
    void aHeldStepIsNotRemindedOf() {
        ApprovalState started = atLeadAndHead();
        long due = policy.firstDue(started.activatedAt()).toEpochMilli();
        assertThat(workflow.reminder(started, due, policy)).isNotNull();

        ApprovalState held = hold(started, lead, "확인 중").state();
        assertThat(workflow.reminder(held, due, policy)).isNull();
    }

    @Test
    void whoApprovedTheStepBeforeNoLongerTakesItBackOnceTheNextIsHeld() {
        ApprovalState atHead = workflow.decide(atLeadAndHead(), "a1", new DecisionRequest("APPROVE", null), caller(lead))
                .state();
        ApprovalState held = hold(atHead, head, "예산 확인").state();
        assertThatThrownBy(() -> workflow.retract(held, "a1", new RetractionRequest(null), caller(lead)))
                .hasMessageContaining("on hold");
        assertThat(statusOf(() -> workflow.retract(held, "a1", new RetractionRequest(null), caller(lead)))).isEqualTo(409);
    }
}
