package com.erp.approvalprocessing.domain;

import static com.erp.routes.testing.Problems.statusOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** 대결: the deputy an approver named decides that approver's active step while the delegation is in force. */
class DeputyDecisionTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    // 2026-11-21 08:00 in Seoul, still the 20th in UTC: the company's calendar decides which day it is
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T23:00:00Z"), SEOUL);
    private final Map<Long, DelegationEvent> delegations = new HashMap<>();
    private final Workflow workflow = new Workflow(clock, SEOUL, id -> Optional.ofNullable(delegations.get(id)));

    private final Person drafter = new Person(1, "drafter", "STAFF", "D");
    private final Person lead = new Person(2, "lead", "TEAM_LEAD", "D");
    private final Person head = new Person(3, "head", "DEPT_HEAD", "D");
    private final Person deputy = new Person(7, "deputy", "TEAM_LEAD", "D");
    private final Person other = new Person(8, "other", "STAFF", "D");

    private void delegate(Person approver, Person to, String start, String end) {
        delegations.put(approver.id(), new DelegationEvent("e", 1, Instant.EPOCH, approver, to, start, end, "휴가"));
    }

    private Transition started(Person... line) {
        List<LineStep> steps = new java.util.ArrayList<>();
        for (int i = 0; i < line.length; i++) {
            steps.add(new LineStep(i + 1, line[i]));
        }
        return workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "title", drafter, "GENERAL", steps, Instant.EPOCH)));
    }

    private static Caller caller(Person p) {
        return new Caller(p.id(), p.name(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE"));
    }

    @Test
    void theDeputyApprovesTheAbsentApproversStepAndTheEventsSaySo() {
        delegate(lead, deputy, "2026-11-21", "2026-11-25");
        ApprovalState state = started(lead, head).state();

        Transition t = workflow.decide(state, "a1", new DecisionRequest("APPROVE", "대결합니다"), caller(deputy));

        EventPayload.Decided decided = (EventPayload.Decided) t.events().get(0).payload();
        assertThat(decided.actor()).isEqualTo(deputy);
        assertThat(decided.onBehalfOf()).isEqualTo(lead);
        assertThat(decided.decision()).isEqualTo(EventPayload.Decision.APPROVED);
        Progress.StepProgress first = t.state().progress().steps().get(0);
        assertThat(first.status()).isEqualTo(StepStatus.APPROVED);
        assertThat(first.deputy()).isEqualTo(deputy);
        assertThat(t.state().progress().currentStep()).isEqualTo(2);
        // the step leaves the approver's inbox (where the deputy saw it) and the next approver gets it
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(2, "a1", false), new Transition.InboxChange(3, "a1", true));
        assertThat(t.events()).extracting(ApprovalEvent::eventType).containsExactly(EventType.DECIDED, EventType.STEP_ACTIVATED);
    }

    /** The approver, named away, decides their step themselves: the deputy, who had it in their inbox, is named to be told. */
    @Test
    void anApproverWhoDecidesThemselvesWhileADeputyStandsInNamesTheDeputy() {
        delegate(lead, deputy, "2026-11-21", "2026-11-25");
        delegate(head, deputy, "2026-11-21", "2026-11-25");
        ApprovalState state = started(lead, head, other).state();

        Transition approved = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(lead));
        EventPayload.Decided decided = (EventPayload.Decided) approved.events().get(0).payload();
        assertThat(decided.onBehalfOf()).isNull();
        assertThat(decided.standIns()).containsExactly(new StandIn(deputy, lead));

        // on hold the step stays the deputy's to decide too: nobody told
        Transition held = workflow.decide(approved.state(), "a1", new DecisionRequest("HOLD", "확인 중"), caller(head));
        assertThat(((EventPayload.Decided) held.events().get(0).payload()).standIns()).isNull();
        // sent back, rejected: the deputy is named alike
        Transition returned = workflow.decide(approved.state(), "a1", new DecisionRequest("RETURN", "보완"), caller(head));
        assertThat(((EventPayload.Decided) returned.events().get(0).payload()).standIns())
                .containsExactly(new StandIn(deputy, head));
        Transition rejected = workflow.decide(approved.state(), "a1", new DecisionRequest("REJECT", "예산"), caller(head));
        assertThat(((EventPayload.Decided) rejected.events().get(0).payload()).standIns())
                .containsExactly(new StandIn(deputy, head));

        // the deputy deciding for them: the approver is told (onBehalfOf), nobody as a stand-in
        Transition byDeputy = workflow.decide(approved.state(), "a1", new DecisionRequest("APPROVE", null), caller(deputy));
        assertThat(((EventPayload.Decided) byDeputy.events().get(0).payload()).onBehalfOf()).isEqualTo(head);
        assertThat(((EventPayload.Decided) byDeputy.events().get(0).payload()).standIns()).isNull();
    }

    @Test
    void aDelegationNotInForceTodayOrADeputyOnTheLineNamesNobody() {
        delegate(lead, deputy, "2026-11-01", "2026-11-20"); // ended yesterday in Seoul
        Transition t = workflow.decide(started(lead, head).state(), "a1", new DecisionRequest("APPROVE", null),
                caller(lead));
        assertThat(((EventPayload.Decided) t.events().get(0).payload()).standIns()).isNull();

        delegate(lead, head, "2026-11-21", "2026-11-25"); // the deputy is on the line: it reaches them as its approver
        Transition onLine = workflow.decide(started(lead, head).state(), "a1", new DecisionRequest("APPROVE", null),
                caller(lead));
        assertThat(((EventPayload.Decided) onLine.events().get(0).payload()).standIns()).isNull();
    }

    @Test
    void theDeputyRejectsWithAReasonLikeTheApproverWould() {
        delegate(head, deputy, "2026-11-01", "2026-11-21");
        ApprovalState atHead = workflow.decide(started(lead, head).state(), "a1", new DecisionRequest("APPROVE", null),
                caller(lead)).state();

        assertThat(statusOf(() -> workflow.decide(atHead, "a1", new DecisionRequest("REJECT", " "), caller(deputy))))
                .isEqualTo(400);
        Transition t = workflow.decide(atHead, "a1", new DecisionRequest("REJECT", "예산 초과"), caller(deputy));
        assertThat(t.state().progress().status()).isEqualTo(Progress.Status.REJECTED);
        EventPayload.Rejected rejected = (EventPayload.Rejected) t.events().get(1).payload();
        assertThat(rejected.actor()).isEqualTo(deputy);
        assertThat(rejected.onBehalfOf()).isEqualTo(head);
        assertThat(((EventPayload.Decided) t.events().get(0).payload()).onBehalfOf()).isEqualTo(head);
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(3, "a1", false));
    }

    @Test
    void theDeputyApprovingTheLastStepCompletesTheDocumentForTheApprover() {
        delegate(head, deputy, "2026-11-21", "2026-11-21");
        ApprovalState atHead = workflow.decide(started(lead, head).state(), "a1", new DecisionRequest("APPROVE", null),
                caller(lead)).state();
        Transition t = workflow.decide(atHead, "a1", new DecisionRequest("APPROVE", null), caller(deputy));
        EventPayload.Completed completed = (EventPayload.Completed) t.events().get(1).payload();
        assertThat(completed.finalApprover()).isEqualTo(deputy);
        assertThat(completed.onBehalfOf()).isEqualTo(head);
        // the head approving it themselves: nobody on whose behalf
        Transition own = workflow.decide(atHead, "a1", new DecisionRequest("APPROVE", null), caller(head));
        assertThat(((EventPayload.Completed) own.events().get(1).payload()).onBehalfOf()).isNull();
    }

    @Test
    void aDeputyWhoseApproverDecidedAMomentEarlierIsToldItIsDoneNotThatTheyHaveNoRight() {
        delegate(lead, deputy, "2026-11-21", "2026-11-21");
        ApprovalState state = started(lead, head).state();
        DecisionRequest approve = new DecisionRequest("APPROVE", null);
        // the lead came back and approved; the deputy's click arrives a second later
        ApprovalState decided = workflow.decide(state, "a1", approve, caller(lead)).state();
        Throwable late = org.assertj.core.api.Assertions.catchThrowable(() -> workflow.decide(decided, "a1", approve, caller(deputy)));
        assertThat(((ProblemException) late).status()).isEqualTo(409);
        assertThat(late).hasMessageContaining("waits for head");
        // who decided a step for someone learns the document is finished, after the delegation too
        ApprovalState viaDeputy = workflow.decide(state, "a1", approve, caller(deputy)).state();
        ApprovalState finished = workflow.decide(viaDeputy, "a1", approve, caller(head)).state();
        delegations.clear();
        assertThat(statusOf(() -> workflow.decide(finished, "a1", approve, caller(deputy)))).isEqualTo(409);
        assertThat(statusOf(() -> workflow.decide(finished, "a1", approve, caller(other)))).isEqualTo(403);
    }

    @Test
    void onlyWhileTheDelegationIsInForceAndOnlyForTheActiveStep() {
        ApprovalState state = started(lead, head).state();
        DecisionRequest approve = new DecisionRequest("APPROVE", null);

        // no delegation, one that starts tomorrow (in Seoul), one that ended yesterday: the deputy is nobody here
        assertThat(statusOf(() -> workflow.decide(state, "a1", approve, caller(deputy)))).isEqualTo(403);
        delegate(lead, deputy, "2026-11-22", "2026-11-30");
        assertThat(statusOf(() -> workflow.decide(state, "a1", approve, caller(deputy)))).isEqualTo(403);
        delegate(lead, deputy, "2026-11-10", "2026-11-20");
        assertThat(statusOf(() -> workflow.decide(state, "a1", approve, caller(deputy)))).isEqualTo(403);
        // the head's deputy cannot decide the lead's step, which is the active one: not theirs now (409), as for
        // the head, not "nothing to do with it" (403)
        delegations.clear();
        delegate(head, deputy, "2026-11-21", "2026-11-21");
        assertThat(statusOf(() -> workflow.decide(state, "a1", approve, caller(deputy)))).isEqualTo(409);
        // someone the lead did not name cannot either
        delegate(lead, deputy, "2026-11-21", "2026-11-21");
        assertThat(statusOf(() -> workflow.decide(state, "a1", approve, caller(other)))).isEqualTo(403);
        // and the approver still decides their own step while away
        Transition own = workflow.decide(state, "a1", approve, caller(lead));
        assertThat(((EventPayload.Decided) own.events().get(0).payload()).onBehalfOf()).isNull();
        assertThat(own.state().progress().steps().get(0).deputy()).isNull();
    }

    @Test
    void theDeputiesADocumentReachedAreToldWhenItIsWithdrawnOrNoLongerWaitsForThem() {
        Person third = new Person(9, "third", "EXECUTIVE", "D");
        Person deputyOfHead = new Person(10, "deputy of head", "TEAM_LEAD", "D");
        delegate(lead, deputy, "2026-11-21", "2026-11-21");
        ApprovalState state = started(lead, head, third).state();
        ApprovalState leadDone = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(deputy)).state();
        delegations.put(head.id(), new DelegationEvent("e2", 1, Instant.EPOCH, head, deputyOfHead, "2026-11-21",
                "2026-11-21", "출장"));

        // withdrawn at the head's step: the deputy who approved the lead's step, and the head's deputy (asked today)
        EventPayload.Withdrawn w = (EventPayload.Withdrawn) workflow.withdraw(leadDone, "a1", null, caller(drafter))
                .events().get(0).payload();
        assertThat(w.approvers()).extracting(Person::id)
                .containsExactlyInAnyOrder(lead.id(), head.id(), deputy.id(), deputyOfHead.id());

        // the lead's approval taken back (by its deputy): the head's step, and the head's deputy, no longer asked
        EventPayload.Decided retracted = (EventPayload.Decided) workflow.retract(leadDone, "a1", null, caller(deputy))
                .events().get(0).payload();
        assertThat(retracted.released()).extracting(Person::id).containsExactly(head.id(), deputyOfHead.id());
    }

    @Test
    void aDeputyWhoDraftedTheDocumentOrIsOnItsLineCannotDecideForItsApproverNorUseFinalAuthority() {
        delegate(lead, drafter, "2026-11-21", "2026-11-21");
        ApprovalState state = started(lead, head).state();
        assertThatThrownBy(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(drafter)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("drafted");
        assertThat(statusOf(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(drafter))))
                .isEqualTo(403);

        // the head decides the lead's step and then their own: two signatures by one person
        delegate(lead, head, "2026-11-21", "2026-11-21");
        assertThat(statusOf(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(head))))
                .isEqualTo(422);

        delegate(lead, new Person(9, "exec", "EXECUTIVE", "D"), "2026-11-21", "2026-11-21");
        assertThatThrownBy(() -> workflow.decide(state, "a1", new DecisionRequest("APPROVE_FINAL", null),
                caller(new Person(9, "exec", "EXECUTIVE", "D"))))
                .isInstanceOf(ProblemException.class).hasMessageContaining("전결");
    }

    @Test
    void anActivatedStepNamesTheDeputyWhoDecidesItToday() {
        delegate(lead, deputy, "2026-11-21", "2026-11-21");
        EventPayload.StepActivated first = (EventPayload.StepActivated) started(lead, head).events().get(0).payload();
        assertThat(first.approvers()).containsExactly(lead);
        assertThat(first.deputies()).containsExactly(deputy);

        // not one who starts tomorrow, nor one who is on the line (they could not decide for the approver)
        delegate(lead, deputy, "2026-11-22", "2026-11-23");
        assertThat(((EventPayload.StepActivated) started(lead, head).events().get(0).payload()).deputies()).isNull();
        delegate(lead, head, "2026-11-21", "2026-11-23");
        assertThat(((EventPayload.StepActivated) started(lead, head).events().get(0).payload()).deputies()).isNull();
    }
}
