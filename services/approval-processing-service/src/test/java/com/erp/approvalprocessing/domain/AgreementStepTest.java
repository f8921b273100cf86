package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.WithdrawalRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.Agreement;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** 합의: the agreers of an agreement step decide in parallel; the last agreement passes it, one disagreement rejects. */
class AgreementStepTest {

    private final Person drafter = new Person(1, "drafter", "STAFF", "D");
    private final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person head = new Person(3, "head", "DEPT_HEAD", "D");
    private final Person finance = new Person(4, "finance", "DEPT_HEAD", "F");
    private final Person legal = new Person(5, "legal", "DEPT_HEAD", "L");
    private final Person deputy = new Person(9, "deputy", "TEAM_LEAD", "L");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);
    private final Map<Long, DelegationEvent> delegations = Map.of(legal.id(),
            new DelegationEvent("e", 1, Instant.EPOCH, legal, deputy, "2026-11-20", "2026-11-22", null));
    private final Workflow workflow = new Workflow(clock, ZoneOffset.UTC, id -> Optional.ofNullable(delegations.get(id)));

    /** lead, then 합의 of finance and legal, then head. */
    private Transition started() {
        return workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1, "title", drafter,
                "GENERAL", List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(finance, legal)), new LineStep(3, head)),
                Instant.EPOCH)));
    }

    private static Caller caller(Person p) {
        return new Caller(p.id(), p.name(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE"));
    }

    private ApprovalState atAgreement() {
        return workflow.decide(started().state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
    }

    private static List<StepStatus> parts(ApprovalState state, int step) {
        return state.progress().steps().get(step - 1).agreements().stream().map(Agreement::status).toList();
    }

    @Test
    void theAgreementStepReachesEveryAgreerAtOnce() {
        Transition afterLead = workflow.decide(started().state(), "a1", new DecisionRequest("APPROVE", null), caller(lead));
        assertThat(afterLead.inbox()).containsExactly(new Transition.InboxChange(2, "a1", false),
                new Transition.InboxChange(4, "a1", true), new Transition.InboxChange(5, "a1", true));
        EventPayload.StepActivated activated = (EventPayload.StepActivated) afterLead.events().get(1).payload();
        assertThat(activated.approvers()).containsExactly(finance, legal);
        assertThat(activated.asksAgreement()).isTrue();
        // legal is away: their deputy is told too
        assertThat(activated.deputies()).containsExactly(deputy);
        assertThat(activated.standIns()).containsExactly(new StandIn(deputy, legal));
        assertThat(parts(afterLead.state(), 2)).containsExactly(StepStatus.PENDING, StepStatus.PENDING);
        // nobody is named as the one next approver
        assertThat(workflow.result(afterLead, new DecisionRequest("APPROVE", null)).nextApprover()).isNull();
    }

    @Test
    void theStepPassesWithTheLastAgreementInAnyOrder() {
        ApprovalState state = atAgreement();
        Transition first = workflow.decide(state, "a1", new DecisionRequest("APPROVE", "동의"), caller(legal));
        assertThat(first.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED);
        EventPayload.Decided agreed = (EventPayload.Decided) first.events().get(0).payload();
        assertThat(agreed.decision()).isEqualTo(EventPayload.Decision.AGREED);
        assertThat(agreed.actor()).isEqualTo(legal);
        assertThat(first.state().progress().currentStep()).isEqualTo(2);
        assertThat(first.state().progress().steps().get(1).status()).isEqualTo(StepStatus.PENDING);
        assertThat(parts(first.state(), 2)).containsExactly(StepStatus.PENDING, StepStatus.APPROVED);
        assertThat(first.inbox()).containsExactly(new Transition.InboxChange(5, "a1", false));
        assertThat(first.expectedVersion()).isEqualTo(state.version());
        assertThat(first.state().version()).isEqualTo(state.version() + 1);

        // the same agreer again: already decided; the head: not yet
        assertThat(statusOf(() -> workflow.decide(first.state(), "a1", new DecisionRequest("APPROVE", null), caller(legal))))
                .isEqualTo(409);
        assertThatThrownBy(() -> workflow.decide(first.state(), "a1", new DecisionRequest("APPROVE", null), caller(head)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("finance");

        Transition last = workflow.decide(first.state(), "a1", new DecisionRequest("APPROVE", null), caller(finance));
        assertThat(last.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.STEP_ACTIVATED);
        assertThat(last.state().progress().currentStep()).isEqualTo(3);
        assertThat(last.state().progress().steps().get(1).status()).isEqualTo(StepStatus.APPROVED);
        assertThat(parts(last.state(), 2)).containsExactly(StepStatus.APPROVED, StepStatus.APPROVED);
        assertThat(last.inbox()).containsExactly(new Transition.InboxChange(4, "a1", false), new Transition.InboxChange(3, "a1", true));
        assertThat(workflow.result(last, new DecisionRequest("APPROVE", null)).nextApprover()).isEqualTo(head);

        Transition done = workflow.decide(last.state(), "a1", new DecisionRequest("APPROVE", null), caller(head));
        assertThat(done.state().progress().status()).isEqualTo(Progress.Status.APPROVED);
    }

    @Test
    void oneDisagreementRejectsTheDocumentAndTheOthersAreNotAskedAnyMore() {
        ApprovalState state = atAgreement();
        assertThat(statusOf(() -> workflow.decide(state, "a1", new DecisionRequest("REJECT", null), caller(finance))))
                .isEqualTo(400);
        Transition t = workflow.decide(state, "a1", new DecisionRequest("REJECT", "예산 부족"), caller(finance));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.REJECTED);
        assertThat(((EventPayload.Decided) t.events().get(0).payload()).decision()).isEqualTo(EventPayload.Decision.DISAGREED);
        assertThat(((EventPayload.Rejected) t.events().get(1).payload()).reason()).isEqualTo("예산 부족");
        assertThat(t.state().progress().status()).isEqualTo(Progress.Status.REJECTED);
        assertThat(t.state().progress().steps()).extracting(Progress.StepProgress::status)
                .containsExactly(StepStatus.APPROVED, StepStatus.REJECTED, StepStatus.SKIPPED);
        assertThat(parts(t.state(), 2)).containsExactly(StepStatus.REJECTED, StepStatus.SKIPPED);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(4, "a1", false), new Transition.InboxChange(5, "a1", false));
        // legal, asked no more, is away: their deputy, asked for them, is named to be told too
        assertThat(((EventPayload.Rejected) t.events().get(1).payload()).standIns())
                .containsExactly(new StandIn(deputy, legal));
    }

    /** An agreer who decides themselves names their deputy, unless the deputy still decides for another agreer. */
    @Test
    void anAgreerDecidingThemselvesNamesTheirDeputyOnceTheDeputyHasNothingLeftOnTheStep() {
        Transition agreed = workflow.decide(atAgreement(), "a1", new DecisionRequest("APPROVE", null), caller(legal));
        assertThat(((EventPayload.Decided) agreed.events().get(0).payload()).standIns())
                .containsExactly(new StandIn(deputy, legal));

        // the deputy stands in for both agreers
        Workflow both = new Workflow(clock, ZoneOffset.UTC, id -> Optional.of(new DelegationEvent("e", 1, Instant.EPOCH,
                id == legal.id() ? legal : finance, deputy, "2026-11-20", "2026-11-22", null)).filter(d ->
                id == legal.id() || id == finance.id()));
        ApprovalState state = atAgreement();
        Transition first = both.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(legal));
        assertThat(((EventPayload.Decided) first.events().get(0).payload()).standIns()).as("still asked for finance")
                .isNull();
        Transition second = both.decide(first.state(), "a1", new DecisionRequest("APPROVE", null), caller(finance));
        assertThat(((EventPayload.Decided) second.events().get(0).payload()).standIns())
                .containsExactly(new StandIn(deputy, finance));
        // legal disagrees: the deputy is told once, by the rejection, for finance, asked no more
        Transition disagreed = both.decide(state, "a1", new DecisionRequest("REJECT", "반대"), caller(legal));
        assertThat(((EventPayload.Decided) disagreed.events().get(0).payload()).standIns()).isNull();
        assertThat(((EventPayload.Rejected) disagreed.events().get(1).payload()).standIns())
                .containsExactly(new StandIn(deputy, finance));
    }

    @Test
    void theDeputyWhoDisagreesIsNotToldOfItAndAnAgreerWithoutADeputyNamesNone() {
        ApprovalState state = atAgreement();
        // legal's deputy disagrees for legal: finance, asked no more, has no deputy
        Transition t = workflow.decide(state, "a1", new DecisionRequest("REJECT", "대결 반대"), caller(deputy));
        assertThat(((EventPayload.Rejected) t.events().get(1).payload()).standIns()).isNull();
        // legal agreed through the deputy, then finance disagrees: nobody is skipped, nobody's deputy told
        ApprovalState agreed = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(deputy)).state();
        Transition rejected = workflow.decide(agreed, "a1", new DecisionRequest("REJECT", "예산"), caller(finance));
        assertThat(((EventPayload.Rejected) rejected.events().get(1).payload()).standIns()).isNull();
        // the deputy of both disagrees for legal: finance is asked no more, and its deputy is the one who disagreed
        Workflow both = new Workflow(clock, ZoneOffset.UTC, id -> Optional.of(new DelegationEvent("e", 1, Instant.EPOCH,
                id == legal.id() ? legal : finance, deputy, "2026-11-20", "2026-11-22", null)).filter(d ->
                id == legal.id() || id == finance.id()));
        Transition byBoth = both.decide(state, "a1", new DecisionRequest("REJECT", "대결 반대", legal.id()), caller(deputy));
        assertThat(((EventPayload.Decided) byBoth.events().get(0).payload()).onBehalfOf()).isEqualTo(legal);
        assertThat(((EventPayload.Rejected) byBoth.events().get(1).payload()).standIns()).isNull();
    }

    @Test
    void noFinalAuthorityOnOrBeforeAnAgreementStep() {
        assertThatThrownBy(() -> workflow.decide(started().state(), "a1", new DecisionRequest("APPROVE_FINAL", null),
                caller(new Person(2, "lead", "EXECUTIVE", "D"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("합의").hasMessageContaining("skip");
        assertThat(statusOf(() -> workflow.decide(atAgreement(), "a1", new DecisionRequest("APPROVE_FINAL", null),
                caller(finance)))).isEqualTo(422);
    }

    @Test
    void aDeputyAgreesForAnAbsentAgreerAndWithdrawingClearsEveryInboxStillWaiting() {
        ApprovalState state = atAgreement();
        Transition t = workflow.decide(state, "a1", new DecisionRequest("APPROVE", "대결 동의"), caller(deputy));
        EventPayload.Decided decided = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(decided.actor()).isEqualTo(deputy);
        assertThat(decided.onBehalfOf()).isEqualTo(legal);
        Agreement part = t.state().progress().steps().get(1).agreements().get(1);
        assertThat(part.status()).isEqualTo(StepStatus.APPROVED);
        assertThat(part.deputy()).isEqualTo(deputy);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(5, "a1", false));

        Transition withdrawn = workflow.withdraw(t.state(), "a1", new WithdrawalRequest(null), caller(drafter));
        assertThat(withdrawn.inbox()).containsExactly(new Transition.InboxChange(4, "a1", false));
        EventPayload.Withdrawn w = (EventPayload.Withdrawn) withdrawn.events().get(0).payload();
        // the deputy who agreed for legal is told too
        assertThat(w.approvers()).containsExactly(lead, finance, legal, deputy);
        assertThat(parts(withdrawn.state(), 2)).containsExactly(StepStatus.SKIPPED, StepStatus.APPROVED);
    }

    @Test
    void anAgreementIsNeverTheLastStepNorHasAnyoneTwice() {
        assertThatThrownBy(() -> workflow.start(ApprovalEvent.of("a2", 0, Instant.EPOCH, new EventPayload.Submitted(1, "t",
                drafter, "GENERAL", List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(finance))), Instant.EPOCH))))
                .isInstanceOf(InvalidEventException.class).hasMessageContaining("last step");
        assertThatThrownBy(() -> workflow.start(ApprovalEvent.of("a3", 0, Instant.EPOCH, new EventPayload.Submitted(1, "t",
                drafter, "GENERAL", List.of(LineStep.agreement(1, List.of(finance, lead)), new LineStep(2, lead)),
                Instant.EPOCH)))).isInstanceOf(InvalidEventException.class).hasMessageContaining("twice");
    }
}
