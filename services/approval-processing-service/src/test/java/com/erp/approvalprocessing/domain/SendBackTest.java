package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepStatus;
import org.junit.jupiter.api.Test;

/** 전단계 반려: the active step's approver sends the document back, with a reason, to the step before. */
class SendBackTest extends WorkflowTestBase {

    private ApprovalState atHead() {
        ApprovalState started = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        return workflow.decide(started, "a1", new DecisionRequest("APPROVE", "ok"), caller(lead)).state();
    }

    private Transition sendBack(ApprovalState state, Person by, String reason) {
        return workflow.decide(state, "a1", new DecisionRequest("RETURN", reason), caller(by));
    }

    @Test
    void theHeadSendsItBackToTheLeadWhoDecidesAgain() {
        ApprovalState atHead = atHead();
        Transition t = sendBack(atHead, head, " 예산 근거 보완 ");

        assertThat(t.state().progress().currentStep()).isEqualTo(1);
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.PENDING, StepStatus.WAITING);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(head.id(), "a1", false),
                new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.STEP_ACTIVATED);
        EventPayload.Decided returned = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(returned.decision()).isEqualTo(EventPayload.Decision.RETURNED);
        assertThat(returned.step()).isEqualTo(2);
        assertThat(returned.actor()).isEqualTo(head);
        assertThat(returned.comment()).isEqualTo("예산 근거 보완");
        assertThat(returned.returnedTo()).containsExactly(lead);
        assertThat(((EventPayload.StepActivated) t.events().get(1).payload()).approvers()).containsExactly(lead);
        var answer = workflow.result(t, new DecisionRequest("RETURN", "예산 근거 보완"));
        assertThat(answer.status()).isEqualTo("IN_PROGRESS");
        assertThat(answer.nextApprover()).isEqualTo(lead);

        // the lead decides again, and it comes back to the head
        ApprovalState again = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(again.progress().currentStep()).isEqualTo(2);
    }

    @Test
    void itNeedsAReasonAStepBeforeAndTheCallersTurn() {
        ApprovalState atHead = atHead();
        assertThat(statusOf(() -> sendBack(atHead, head, "  "))).isEqualTo(400);
        assertThat(statusOf(() -> sendBack(atHead, lead, "보완"))).isEqualTo(409);
        assertThat(statusOf(() -> sendBack(atHead, drafter, "보완"))).isEqualTo(403);
        ApprovalState atLead = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        assertThatThrownBy(() -> sendBack(atLead, lead, "보완")).hasMessageContaining("no step before it");
        assertThat(statusOf(() -> sendBack(atLead, lead, "보완"))).isEqualTo(422);
    }

    @Test
    void backToA합의StepAsksEveryAgreerAgainButA합의StepSendsNothingBack() {
        Person agreer = new Person(5, "agreer", "STAFF", "E");
        Person other = new Person(6, "other", "STAFF", "E");
        ApprovalState agreeing = started(List.of(LineStep.agreement(1, List.of(agreer, other)), new LineStep(2, head)));
        assertThat(statusOf(() -> sendBack(agreeing, agreer, "보완"))).isEqualTo(422);
        ApprovalState half = workflow.decide(agreeing, "a1", new DecisionRequest("APPROVE", null), caller(agreer)).state();
        ApprovalState atHead = workflow.decide(half, "a1", new DecisionRequest("APPROVE", null), caller(other)).state();

        Transition t = sendBack(atHead, head, "합의 다시");
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(head.id(), "a1", false),
                new Transition.InboxChange(agreer.id(), "a1", true), new Transition.InboxChange(other.id(), "a1", true));
        assertThat(t.state().progress().steps().get(0).agreements()).extracting(Progress.Agreement::status)
                .containsOnly(StepStatus.PENDING);
        assertThat(((EventPayload.Decided) t.events().get(0).payload()).returnedTo()).containsExactly(agreer, other);
    }

    @Test
    void theHeadsDeputySendsItBackForTheHead() {
        delegate(head, deputy);
        Transition t = sendBack(atHead(), deputy, "보완 필요");
        EventPayload.Decided returned = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(returned.actor()).isEqualTo(deputy);
        assertThat(returned.onBehalfOf()).isEqualTo(head);
        assertThat(t.inbox()).contains(new Transition.InboxChange(lead.id(), "a1", true));
    }
}
