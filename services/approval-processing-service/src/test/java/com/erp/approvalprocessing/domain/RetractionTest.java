package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.RetractionRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** 결재 취소: who approved the step before the active one takes it back, while nobody decided the active one. */
class RetractionTest extends WorkflowTestBase {

    private final Person exec = new Person(4, "exec", "EXECUTIVE", "D");
    private final Person stranger = new Person(8, "stranger", "STAFF", "D");

    private ApprovalState started() {
        return started(List.of(new LineStep(1, lead), new LineStep(2, head), new LineStep(3, exec)));
    }

    private ApprovalState approved(ApprovalState state, Person by) {
        return workflow.decide(state, "a1", new DecisionRequest("APPROVE", "ok"), caller(by)).state();
    }

    private Transition retract(ApprovalState state, Person by, String reason) {
        return workflow.retract(state, "a1", new RetractionRequest(reason), caller(by));
    }

    @Test
    void theApproverTakesTheirApprovalBackAndTheStepIsTheirsAgain() {
        ApprovalState atHead = approved(started(), lead);
        Transition t = retract(atHead, lead, " 금액 재확인 ");

        assertThat(t.expectedVersion()).isEqualTo(atHead.version());
        assertThat(t.state().version()).isEqualTo(atHead.version() + 2);
        assertThat(t.state().progress().currentStep()).isEqualTo(1);
        assertThat(t.state().progress().status()).isEqualTo(Progress.Status.IN_PROGRESS);
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.PENDING, StepStatus.WAITING, StepStatus.WAITING);
        assertThat(t.state().progress().steps().get(0).comment()).isNull();
        // out of the head's inbox, back in the lead's
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(head.id(), "a1", false),
                new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.STEP_ACTIVATED);
        assertThat(t.events()).extracting(ApprovalEvent::sequence)
                .containsExactly(atHead.version() + 1, atHead.version() + 2);
        EventPayload.Decided retracted = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(retracted.decision()).isEqualTo(EventPayload.Decision.RETRACTED);
        assertThat(retracted.step()).isEqualTo(1);
        assertThat(retracted.actor()).isEqualTo(lead);
        assertThat(retracted.comment()).isEqualTo("금액 재확인");
        assertThat(retracted.released()).containsExactly(head);
        assertThat(retracted.onBehalfOf()).isNull();
        EventPayload.StepActivated again = (EventPayload.StepActivated) t.events().get(1).payload();
        assertThat(again.step()).isEqualTo(1);
        assertThat(again.approvers()).containsExactly(lead);
        assertThat(workflow.retraction(t).step()).isEqualTo(1);

        // decided again, it moves on as before
        ApprovalState reapproved = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(reapproved.progress().currentStep()).isEqualTo(2);
    }

    @Test
    void onlyWhoApprovedTakesItBackAndOnlyBeforeTheNextStepIsDecided() {
        ApprovalState atHead = approved(started(), lead);
        assertThatThrownBy(() -> retract(atHead, head, null)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("Only lead, who approved step 1");
        assertThat(statusOf(() -> retract(atHead, head, null))).isEqualTo(403);
        assertThat(statusOf(() -> retract(atHead, exec, null))).isEqualTo(403);
        // the drafter and strangers learn nothing about the line
        assertThatThrownBy(() -> retract(atHead, drafter, null)).hasMessageContaining("not an approver");
        assertThatThrownBy(() -> retract(atHead, stranger, null)).hasMessageContaining("not an approver");

        // the first step: nothing before it
        assertThat(statusOf(() -> retract(started(), lead, null))).isEqualTo(409);
        // the head approved meanwhile (a decision that came first): the lead's approval stands; the head may take theirs back
        ApprovalState atExec = approved(atHead, head);
        assertThatThrownBy(() -> retract(atExec, lead, null)).hasMessageContaining("Step 2 has been decided since");
        assertThat(statusOf(() -> retract(atExec, lead, null))).isEqualTo(409);
        assertThat(statusOf(() -> retract(atExec, head, null))).isEqualTo(200);
        // finished: nothing to take back
        ApprovalState done = approved(atExec, exec);
        assertThatThrownBy(() -> retract(done, exec, null)).hasMessageContaining("already approved");
        assertThat(statusOf(() -> retract(done, exec, null))).isEqualTo(409);
        assertThat(statusOf(() -> workflow.retract(null, "a1", null, caller(lead)))).isEqualTo(404);
    }

    @Test
    void anAgreementIsNotTakenBackAndAPartlyDecidedAgreementStopsTheApprovalBefore() {
        Person agreer = new Person(5, "agreer", "STAFF", "E");
        Person other = new Person(6, "other agreer", "STAFF", "E");
        // 합의 after the lead: the lead may take their approval back until an agreer decides
        ApprovalState atAgreement = approved(started(List.of(new LineStep(1, lead),
                LineStep.agreement(2, List.of(agreer, other)), new LineStep(3, head))), lead);
        Transition back = retract(atAgreement, lead, null);
        assertThat(back.inbox()).containsExactly(new Transition.InboxChange(agreer.id(), "a1", false),
                new Transition.InboxChange(other.id(), "a1", false), new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(((EventPayload.Decided) back.events().get(0).payload()).released()).containsExactly(agreer, other);
        assertThat(back.state().progress().steps().get(1).agreements()).extracting(Progress.Agreement::status)
                .containsOnly(StepStatus.WAITING);

        ApprovalState partly = workflow.decide(atAgreement, "a1", new DecisionRequest("APPROVE", null), caller(agreer)).state();
        assertThatThrownBy(() -> retract(partly, lead, null)).hasMessageContaining("decided in part");
        assertThat(statusOf(() -> retract(partly, lead, null))).isEqualTo(409);

        // after the 합의: an agreement is not taken back
        ApprovalState atHead = workflow.decide(partly, "a1", new DecisionRequest("APPROVE", null), caller(other)).state();
        assertThat(statusOf(() -> retract(atHead, agreer, null))).isEqualTo(422);
    }

    @Test
    void theDeputyWhoApprovedTakesItBackForTheAbsentApprover() {
        delegate(lead, deputy);
        ApprovalState atHead = approved(started(), deputy);
        assertThat(statusOf(() -> retract(atHead, lead, null))).isEqualTo(403);

        Transition t = retract(atHead, deputy, null);
        EventPayload.Decided retracted = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(retracted.actor()).isEqualTo(deputy);
        assertThat(retracted.onBehalfOf()).isEqualTo(lead);
        // the step is the lead's again: in the lead's inbox (where the deputy finds it while the delegation lasts)
        assertThat(t.inbox()).contains(new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(t.state().progress().steps().get(0).deputy()).isNull();

        // the delegation ended: the approval the deputy made stays, the lead decides from now on
        delegations.remove(lead.id());
        assertThatThrownBy(() -> retract(atHead, deputy, null)).hasMessageContaining("no longer in force");
        assertThat(statusOf(() -> retract(atHead, deputy, null))).isEqualTo(403);
    }
}
