package com.erp.approvalprocessing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** 결재선 변경: which steps may change, what the change leaves behind and what it tells. */
class LineChangeTest extends WorkflowTestBase {

    private final Person legal = new Person(5, "legal", "TEAM_LEAD", "L");
    /** An executive (CFO): whom a line change may put last in anyone's place. */
    private final Person finance = new Person(6, "finance", "EXECUTIVE", "F");

    private Transition change(ApprovalState state, Person who, LineStep... steps) {
        return workflow.changeLine(state, "a1", new LineChange(List.of(steps), null), caller(who));
    }

    private static int status(Throwable t) {
        return ((ProblemException) t).status();
    }

    private Transition rest(ApprovalState state, Person who, LineStep... remaining) {
        return workflow.changeLine(state, "a1", new LineChange(null, "다시 짬", List.of(remaining)), caller(who));
    }

    /** A document worn by endless changes takes no more of those, but can still be decided and withdrawn. */
    @Test
    void aDocumentAtTheMostChangesIsStillDecidedButNotChangedAgain() {
        ApprovalState s = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        ApprovalState worn = new ApprovalState(s.approvalId(), s.title(), s.documentType(), s.drafter(), s.line(),
                s.progress(), Workflow.MAX_EVENTS, s.activatedAt(), s.cc(), s.receivers(), s.receivingDepartments());
        Throwable t = catchThrowable(() -> rest(worn, drafter, new LineStep(1, lead), new LineStep(2, finance)));
        assertThat(status(t)).isEqualTo(409);
        assertThat(t).hasMessageContaining("no more line changes");
        assertThat(status(catchThrowable(() -> workflow.decide(worn, "a1", new DecisionRequest("HOLD", "잠시"),
                caller(lead))))).isEqualTo(409);
        assertThat(status(catchThrowable(() -> workflow.decide(worn, "a1", new DecisionRequest("HOLD", null),
                caller(lead))))).as("its own checks first: a hold needs a reason").isEqualTo(400);
        // one change short of it, the line still changes
        ApprovalState almost = new ApprovalState(s.approvalId(), s.title(), s.documentType(), s.drafter(), s.line(),
                s.progress(), Workflow.MAX_EVENTS - 1, s.activatedAt(), s.cc(), s.receivers(), s.receivingDepartments());
        assertThat(rest(almost, drafter, new LineStep(1, lead), new LineStep(2, finance)).events()).isNotEmpty();

        ApprovalState approved = workflow.decide(worn, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(approved.progress().currentStep()).as("approving goes on").isEqualTo(2);
        assertThat(status(catchThrowable(() -> workflow.retract(approved, "a1", null, caller(lead))))).isEqualTo(409);
        assertThat(catchThrowable(() -> workflow.decide(approved, "a1", new DecisionRequest("RETURN", "다시"),
                caller(head)))).hasMessageContaining("no more sending it back");
        assertThat(status(catchThrowable(() -> workflow.mayChangeLine(worn, "a1", caller(drafter)))))
                .as("refused before the new people are looked up").isEqualTo(409);
    }

    @Test
    void stepsAreAddedAfterTheActiveOneWhichStaysAsItIs() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        // the rest: the lead (active, as is), a 합의 of legal, finance, then the head
        Transition t = rest(state, drafter, new LineStep(1, lead), LineStep.agreement(2, List.of(legal)),
                new LineStep(3, finance), new LineStep(4, head));

        assertThat(t.events()).singleElement().satisfies(e -> {
            EventPayload.LineChanged p = (EventPayload.LineChanged) e.payload();
            assertThat(p.steps()).containsExactly(2, 3, 4);
            assertThat(p.added()).containsExactly(legal, finance);
            assertThat(p.removed()).isEmpty();
            assertThat(p.line()).extracting(LineStep::step).containsExactly(1, 2, 3, 4);
            assertThat(p.progress().steps()).extracting(sp -> sp.status())
                    .containsExactly(StepStatus.PENDING, StepStatus.WAITING, StepStatus.WAITING, StepStatus.WAITING);
            assertThat(p.reason()).isEqualTo("다시 짬");
        });
        // the lead keeps the document; their inbox item is written again: step 1 of 4 now, not of 2
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(lead.id(), "a1", true));
        assertThat(t.state().stepCount()).isEqualTo(4);

        // the document goes along the longer line: lead, the agreement, finance, the head
        ApprovalState s = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(s.progress().currentStep()).isEqualTo(2);
        s = workflow.decide(s, "a1", new DecisionRequest("APPROVE", null), caller(legal)).state();
        s = workflow.decide(s, "a1", new DecisionRequest("APPROVE", null), caller(finance)).state();
        Transition last = workflow.decide(s, "a1", new DecisionRequest("APPROVE", null), caller(head));
        assertThat(last.state().progress().status()).isEqualTo(com.erp.routes.common.events.Progress.Status.APPROVED);
    }

    @Test
    void stepsAreRemovedAndTheActiveOneReplacedWhoseOldApproverIsReleased() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, legal), new LineStep(3, head)));
        Transition t = rest(state, drafter, new LineStep(1, head));

        EventPayload.LineChanged p = (EventPayload.LineChanged) t.events().get(0).payload();
        assertThat(p.steps()).containsExactly(1, 2, 3);
        assertThat(p.removed()).containsExactly(lead, legal);
        assertThat(p.released()).containsExactly(lead);
        assertThat(p.line()).containsExactly(new LineStep(1, head));
        assertThat(p.progress().steps()).hasSize(1);
        assertThat(t.events().get(1).payload()).isInstanceOf(EventPayload.StepActivated.class);
        assertThat(t.inbox()).extracting(Transition.InboxChange::employeeId, Transition.InboxChange::add)
                .containsExactly(tuple(lead.id(), false), tuple(head.id(), true));
        // the head's approval ends it
        assertThat(workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(head)).state()
                .progress().status()).isEqualTo(com.erp.routes.common.events.Progress.Status.APPROVED);

        // the last step of a line removed: the step number of the change is the one that went
        ApprovalState three = started(List.of(new LineStep(1, lead), new LineStep(2, legal), new LineStep(3, head)));
        EventPayload.LineChanged shorter = (EventPayload.LineChanged) rest(three, drafter, new LineStep(1, lead),
                new LineStep(2, head)).events().get(0).payload();
        assertThat(shorter.steps()).containsExactly(2, 3);
        assertThat(shorter.removed()).containsExactly(legal);
    }

    @Test
    void aRestDraftedAtAStepTheDocumentHasLeftIsRefusedNotAppliedOneStepOff() {
        // drafted while the lead's step was active (replace the lead with legal), sent after the lead approved
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        ApprovalState moved = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        LineChange drafted = new LineChange(null, null, List.of(new LineStep(1, legal), new LineStep(2, head)), 1);
        Throwable refused = catchThrowable(() -> workflow.changeLine(moved, "a1", drafted, caller(drafter)));
        assertThat(status(refused)).isEqualTo(409);
        assertThat(refused).hasMessageContaining("step 2 now");
        // at the step it was drafted at, it applies
        Transition t = workflow.changeLine(state, "a1", drafted, caller(drafter));
        assertThat(((EventPayload.LineChanged) t.events().get(0).payload()).line())
                .containsExactly(new LineStep(1, legal), new LineStep(2, head));
    }

    @Test
    void theRestMustStillBeALineAndAPartlyAgreedStepStaysFirst() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        // unchanged
        assertThatThrownBy(() -> rest(state, drafter, new LineStep(1, lead), new LineStep(2, head)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422));
        // a 합의 last, someone twice, the drafter, more than ten steps
        assertThatThrownBy(() -> rest(state, drafter, new LineStep(1, lead), LineStep.agreement(2, List.of(legal))))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422));
        assertThatThrownBy(() -> rest(state, drafter, new LineStep(1, lead), new LineStep(2, lead)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422));
        assertThatThrownBy(() -> rest(state, drafter, new LineStep(1, drafter)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422));
        List<LineStep> eleven = java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new LineStep(i, new Person(100 + i, "p" + i, "STAFF", "D"))).toList();
        assertThatThrownBy(() -> rest(state, drafter, eleven.toArray(LineStep[]::new)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422));
        // only the drafter
        assertThatThrownBy(() -> rest(state, lead, new LineStep(1, finance)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(403));

        ApprovalState agreeing = started(List.of(LineStep.agreement(1, List.of(lead, legal)), new LineStep(2, head)));
        ApprovalState partly = workflow.decide(agreeing, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThatThrownBy(() -> rest(partly, drafter, new LineStep(1, head)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(409));
        // kept first as it is, the steps after it change
        Transition t = rest(partly, drafter, LineStep.agreement(1, List.of(lead, legal)), new LineStep(2, finance),
                new LineStep(3, head));
        assertThat(t.state().progress().steps().get(0).agreements()).extracting(a -> a.status())
                .contains(StepStatus.APPROVED);
        assertThat(((EventPayload.LineChanged) t.events().get(0).payload()).steps()).containsExactly(2, 3);
    }

    @Test
    void aLaterStepsNewPeopleWaitAndNobodyIsAskedAnew() {
        ApprovalState state = started(List.of(new LineStep(1, lead), LineStep.agreement(2, List.of(legal)),
                new LineStep(3, head)));
        Transition t = change(state, drafter, LineStep.agreement(2, List.of(deputy, legal)), new LineStep(3, finance));

        assertThat(t.events()).singleElement().satisfies(e -> {
            EventPayload.LineChanged p = (EventPayload.LineChanged) e.payload();
            assertThat(e.sequence()).isEqualTo(2);
            assertThat(p.steps()).containsExactly(2, 3);
            assertThat(p.removed()).containsExactly(head);
            assertThat(p.added()).containsExactly(deputy, finance);
            assertThat(p.progress().steps().get(1).agreements()).extracting(a -> a.agreer().id(), a -> a.status())
                    .containsExactly(tuple(deputy.id(), StepStatus.WAITING),
                            tuple(legal.id(), StepStatus.WAITING));
        });
        assertThat(t.inbox()).isEmpty();
        assertThat(t.state().version()).isEqualTo(2);
        assertThat(t.state().step(3).approver()).isEqualTo(finance);
    }

    @Test
    void theActiveStepsNewApproverIsAskedAndItsDeputyNamedTheOldOneReleased() {
        delegate(finance, deputy);
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        Transition t = change(state, drafter, new LineStep(1, finance));

        assertThat(t.events()).extracting(ApprovalEvent::sequence).containsExactly(2L, 3L);
        EventPayload.StepActivated asked = (EventPayload.StepActivated) t.events().get(1).payload();
        assertThat(asked.approvers()).containsExactly(finance);
        assertThat(asked.standIns()).containsExactly(new StandIn(deputy, finance));
        assertThat(t.inbox()).extracting(Transition.InboxChange::employeeId, Transition.InboxChange::add)
                .containsExactly(tuple(lead.id(), false),
                        tuple(finance.id(), true));
        // the new approver decides; the old one cannot
        Transition approved = workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(finance));
        assertThat(approved.state().progress().currentStep()).isEqualTo(2);
        assertThatThrownBy(() -> workflow.decide(t.state(), "a1", new DecisionRequest("APPROVE", null), caller(lead)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(403));
    }

    @Test
    void theDeputyOfTheActiveStepsOldApproverIsReleasedWithThem() {
        delegate(lead, deputy);
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        Transition t = change(state, drafter, new LineStep(1, finance));
        EventPayload.LineChanged changed = (EventPayload.LineChanged) t.events().get(0).payload();
        // the deputy was asked with the lead (대결): told it no longer waits for them either
        assertThat(changed.released()).containsExactly(lead, deputy);
        // one who still stands in for someone of the active step is not
        delegate(finance, deputy);
        Transition still = change(state, drafter, new LineStep(1, finance));
        assertThat(((EventPayload.LineChanged) still.events().get(0).payload()).released()).containsExactly(lead);
    }

    @Test
    void stepsDecidedOrPartlyAgreedStayAndOnlyTheDrafterChanges() {
        ApprovalState state = started(List.of(LineStep.agreement(1, List.of(lead, legal)), new LineStep(2, head)));
        ApprovalState agreed = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();

        assertThatThrownBy(() -> change(agreed, drafter, LineStep.agreement(1, List.of(finance, legal))))
                .satisfies(e -> assertThat(status(e)).isEqualTo(409)).hasMessageContaining("decided in part");
        // the step after it may
        assertThat(change(agreed, drafter, new LineStep(2, finance)).state().step(2).approver()).isEqualTo(finance);
        assertThatThrownBy(() -> change(state, lead, new LineStep(2, finance)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(403));

        ApprovalState approved = workflow.decide(started(List.of(new LineStep(1, lead), new LineStep(2, head))), "a1",
                new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThatThrownBy(() -> change(approved, drafter, new LineStep(1, finance)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(409)).hasMessageContaining("Step 1 has been decided");
    }

    @Test
    void whoDecidedAStepAsADeputyIsNotPutOnTheLine() {
        delegate(lead, deputy);
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head), new LineStep(3, legal)));
        ApprovalState decided = workflow.decide(state, "a1", new DecisionRequest("APPROVE", null), caller(deputy)).state();

        assertThatThrownBy(() -> change(decided, drafter, new LineStep(3, deputy)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("decided step 1 for lead");
        assertThat(change(decided, drafter, new LineStep(3, finance)).state().step(3).approver()).isEqualTo(finance);
    }

    @Test
    void whoTheActiveStepWaitedForAndNoLongerDoesIsReleased() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, legal), new LineStep(3, head)));
        // the first two swapped: the lead is on step 2 now, legal asked at step 1
        EventPayload.LineChanged swapped = (EventPayload.LineChanged) change(state, drafter, new LineStep(1, legal),
                new LineStep(2, lead)).events().get(0).payload();
        assertThat(swapped.released()).containsExactly(lead);
        assertThat(swapped.removed()).isEmpty();
        // a later step only: nobody released
        assertThat(((EventPayload.LineChanged) change(state, drafter, new LineStep(3, finance)).events().get(0)
                .payload()).released()).isNull();
    }

    /** The change as the route resolves it: with the drafter's org-chart line now. */
    private Transition changeWithLine(ApprovalState state, List<Person> drafterLine, LineStep... steps) {
        return workflow.changeLine(state, "a1", new LineChange(List.of(steps), null).withDrafterLine(drafterLine),
                caller(drafter));
    }

    /**
     * 결재권한: whoever decides the document for the company at its last step is replaced there only by someone of the
     * same or a higher position on the drafter's org-chart line now, or an executive; the drafter adds others before
     * them.
     */
    @Test
    void theLastStepKeepsTheAuthorityToDecideTheDocument() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head)));
        assertThatThrownBy(() -> change(state, drafter, new LineStep(2, legal)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("not by legal (TEAM_LEAD, L)");
        assertThatThrownBy(() -> rest(state, drafter, new LineStep(1, lead)))
                .as("the head's step removed").satisfies(e -> assertThat(status(e)).isEqualTo(422));
        assertThatThrownBy(() -> change(state, drafter, new LineStep(2, deputy)))
                .as("a lead of the department").satisfies(e -> assertThat(status(e)).isEqualTo(422));
        Person newHead = new Person(8, "new head", "DEPT_HEAD", "D");
        assertThat(changeWithLine(state, List.of(lead, newHead), new LineStep(2, newHead)).state().step(2).approver())
                .as("the department's new head, on the drafter's line now").isEqualTo(newHead);
        assertThat(rest(state, drafter, new LineStep(1, lead), new LineStep(2, legal), new LineStep(3, head)).state()
                .stepCount()).isEqualTo(3);

        // the line the change was judged against is the one 전결 goes by from now on, and processing says so once
        ApprovalState submittedWithLine = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH,
                new EventPayload.Submitted(1, "title", drafter, "GENERAL", List.of(new LineStep(1, lead),
                        new LineStep(2, head)), Instant.EPOCH, null, null, null, null, null, null, List.of(lead, head))))
                .state();
        Transition toNewHead = changeWithLine(submittedWithLine, List.of(lead, newHead), new LineStep(2, newHead));
        assertThat(toNewHead.state().drafterLine()).containsExactly(lead, newHead);
        assertThat(((EventPayload.LineChanged) toNewHead.events().get(0).payload()).drafterLine())
                .containsExactly(lead, newHead);
        Transition sameLine = changeWithLine(submittedWithLine, List.of(lead, head),
                new LineStep(2, new Person(11, "exec", "EXECUTIVE", "X")));
        assertThat(sameLine.state().drafterLine()).containsExactly(lead, head);
        assertThat(((EventPayload.LineChanged) sameLine.events().get(0).payload()).drafterLine())
                .as("the same as the document's: not said again").isNull();
        // judged with none (a reorganisation left the drafter without one: the department rule): 전결 goes by that
        // rule from now on too, not by the line at submission
        Transition noLine = changeWithLine(submittedWithLine, List.of(),
                new LineStep(2, new Person(11, "exec", "EXECUTIVE", "X")));
        assertThat(noLine.state().drafterLine()).isEmpty();
        assertThat(((EventPayload.LineChanged) noLine.events().get(0).payload()).drafterLine()).isEmpty();
        assertThat(((EventPayload.LineChanged) changeWithLine(started(List.of(new LineStep(1, lead),
                new LineStep(2, head))), List.of(), new LineStep(2, new Person(11, "exec", "EXECUTIVE", "X")))
                .events().get(0).payload()).drafterLine()).as("a document that had none: nothing to say").isNull();

        // a lead who decides last (a small expense): their replacement is the drafter's own lead or head, not another
        // team's lead of the same department
        ApprovalState small = started(List.of(new LineStep(1, lead)));
        Person otherTeamsLead = new Person(10, "other team's lead", "TEAM_LEAD", "D");
        assertThatThrownBy(() -> changeWithLine(small, List.of(lead, head), new LineStep(1, otherTeamsLead)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("only by lead (TEAM_LEAD, D) "
                        + "or head (DEPT_HEAD, D)");
        assertThat(changeWithLine(small, List.of(lead, head), new LineStep(1, head)).state().step(1).approver())
                .isEqualTo(head);

        // a line that ended with a colleague (named by a drafter the org chart gives no line) had none to keep
        ApprovalState toColleague = started(List.of(new LineStep(1, new Person(9, "colleague", "STAFF", "D"))));
        assertThat(change(toColleague, drafter, new LineStep(1, legal)).state().step(1).approver()).isEqualTo(legal);
    }

    /** The active step's inbox item says whether 전결 is its approver's: a 합의 put after them writes it again. */
    @Test
    void aChangeThatTakesTheActiveApproversFinalAuthorityRewritesTheirInboxItem() {
        ApprovalState state = started(List.of(new LineStep(1, head), new LineStep(2, legal), new LineStep(3, lead)));
        assertThat(Workflow.mayApproveFinally(state, head)).isTrue();
        Transition t = rest(state, drafter, new LineStep(1, head), LineStep.agreement(2, List.of(legal)), new LineStep(3, lead));
        assertThat(Workflow.mayApproveFinally(t.state(), head)).isFalse();
        assertThat(t.inbox()).containsExactly(new Transition.InboxChange(head.id(), "a1", true));
    }

    @Test
    void theLineStaysALineWithItsCcAndReceivers() {
        ApprovalState state = workflow.start(ApprovalEvent.of("a1", 0, Instant.EPOCH, new EventPayload.Submitted(1,
                "title", drafter, "GENERAL", List.of(new LineStep(1, lead), new LineStep(2, head)), Instant.EPOCH,
                List.of(legal), null, null, List.of(finance)))).state();

        assertThatThrownBy(() -> change(state, drafter, new LineStep(2, legal)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("leave them out of ccIds");
        assertThatThrownBy(() -> change(state, drafter, new LineStep(2, finance)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("receiverIds");
        assertThatThrownBy(() -> change(state, drafter, LineStep.agreement(2, List.of(deputy))))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("give its approverId");
        assertThatThrownBy(() -> change(state, drafter, new LineStep(2, lead)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("twice");
        // the two swapped: a line still, but the lead would decide last in the head's place (결재권한)
        assertThatThrownBy(() -> change(state, drafter, new LineStep(1, head), new LineStep(2, lead)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(422)).hasMessageContaining("head (DEPT_HEAD, D) can be "
                        + "replaced there only by someone of the same or a higher position in D");
        // withdrawn: nothing changes any more
        ApprovalState withdrawn = workflow.withdraw(state, "a1", null, caller(drafter)).state();
        assertThatThrownBy(() -> change(withdrawn, drafter, new LineStep(2, deputy)))
                .satisfies(e -> assertThat(status(e)).isEqualTo(409));
    }

    private final Person executive = new Person(4, "exec", "EXECUTIVE", "D");

    /** lead, head, executive; then, at the lead's step, legal put before the executive (told it will come to them). */
    private ApprovalState legalPutOnStepThree() {
        ApprovalState state = started(List.of(new LineStep(1, lead), new LineStep(2, head), new LineStep(3, executive)));
        return rest(state, drafter, new LineStep(1, lead), new LineStep(2, head), new LineStep(3, legal),
                new LineStep(4, executive)).state();
    }

    /**
     * Who a change told it would come to them, on a step not reached, is told again if the document ends before it
     * does (withdrawn, rejected, approved with 전결); not once it reached them, nor once another change took them off.
     */
    @Test
    void whoWasToldItWouldComeToThemIsToldWhenItEndsBeforeItDoes() {
        ApprovalState changed = legalPutOnStepThree();
        assertThat(changed.toldAhead()).containsExactly(legal);

        EventPayload.Withdrawn withdrawn = (EventPayload.Withdrawn) workflow.withdraw(changed, "a1", null, caller(drafter))
                .events().get(0).payload();
        assertThat(withdrawn.toldAhead()).containsExactly(legal);
        EventPayload.Rejected rejected = (EventPayload.Rejected) workflow.decide(changed, "a1",
                new DecisionRequest("REJECT", "다시"), caller(lead)).events().get(1).payload();
        assertThat(rejected.toldAhead()).containsExactly(legal);
        ApprovalState atHead = workflow.decide(changed, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        assertThat(atHead.toldAhead()).as("kept while it has not reached them").containsExactly(legal);
        EventPayload.Completed completed = (EventPayload.Completed) workflow.decide(atHead, "a1",
                new DecisionRequest("APPROVE_FINAL", "전결"), caller(head)).events().get(1).payload();
        assertThat(completed.toldAhead()).containsExactly(legal);

        // reached: asked, and told of the end as everyone it reached
        ApprovalState atLegal = workflow.decide(atHead, "a1", new DecisionRequest("APPROVE", null), caller(head)).state();
        EventPayload.Withdrawn afterReaching = (EventPayload.Withdrawn) workflow.withdraw(atLegal, "a1", null,
                caller(drafter)).events().get(0).payload();
        assertThat(afterReaching.toldAhead()).isNull();
        assertThat(afterReaching.approvers()).contains(legal);
        // taken off again (told so by that change): nothing more
        ApprovalState off = rest(changed, drafter, new LineStep(1, lead), new LineStep(2, head),
                new LineStep(3, executive)).state();
        assertThat(off.toldAhead()).isNull();
        assertThat(((EventPayload.Withdrawn) workflow.withdraw(off, "a1", null, caller(drafter)).events().get(0)
                .payload()).toldAhead()).isNull();
        // a change that tells nobody ahead leaves those told before
        ApprovalState again = change(changed, drafter, new LineStep(1, deputy)).state();
        assertThat(again.toldAhead()).containsExactly(legal);
    }

    /**
     * Asked, then sent back (전단계 반려, 결재 취소): ahead of the document again, and told how it ends if it ends
     * before it comes back to them; once asked, no longer ahead.
     */
    @Test
    void whoWasAskedAndSentBackHearsHowItEndsBeforeItComesBack() {
        ApprovalState changed = legalPutOnStepThree();
        ApprovalState atHead = workflow.decide(changed, "a1", new DecisionRequest("APPROVE", null), caller(lead)).state();
        ApprovalState atLegal = workflow.decide(atHead, "a1", new DecisionRequest("APPROVE", null), caller(head)).state();
        assertThat(atLegal.toldAhead()).as("asked now").isNull();

        ApprovalState sentBack = workflow.decide(atLegal, "a1", new DecisionRequest("RETURN", "근거 보완"), caller(legal))
                .state();
        assertThat(sentBack.progress().currentStep()).isEqualTo(2);
        assertThat(sentBack.toldAhead()).containsExactly(legal);
        EventPayload.Rejected rejected = (EventPayload.Rejected) workflow.decide(sentBack, "a1",
                new DecisionRequest("REJECT", "반려"), caller(head)).events().get(1).payload();
        assertThat(rejected.toldAhead()).containsExactly(legal);

        // the lead takes back their approval: the head, asked, is ahead again
        ApprovalState retracted = workflow.retract(atHead, "a1", new com.erp.approvalprocessing.api.RetractionRequest(null),
                caller(lead)).state();
        assertThat(retracted.progress().currentStep()).isEqualTo(1);
        assertThat(retracted.toldAhead()).containsExactlyInAnyOrder(legal, head);
        EventPayload.Withdrawn withdrawn = (EventPayload.Withdrawn) workflow.withdraw(retracted, "a1", null,
                caller(drafter)).events().get(0).payload();
        assertThat(withdrawn.toldAhead()).containsExactlyInAnyOrder(legal, head);
        assertThat(withdrawn.approvers()).doesNotContain(head, legal);
    }
}
