package com.erp.approvalprocessing.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.DecisionResult;
import com.erp.approvalprocessing.api.WithdrawalRequest;
import com.erp.approvalprocessing.api.WithdrawalResult;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;

/**
 * The rules of an approval line (bean {@code workflow}): steps act one after another; only the approver of
 * the active step decides it; approving moves to the next step or, at the last, approves the document;
 * rejecting (with a reason) ends it and skips the steps not reached; the drafter may withdraw it (회수) while it
 * is in progress, which ends it likewise. While an approver is away, the deputy they named (대결) decides their step
 * for them, unless the deputy drafted the document or is on its line themselves. Each change yields the events
 * that describe it, each with its own sequence number and the resulting progress.
 */
public class Workflow {

    private final Clock clock;
    private final ZoneId zone;
    private final Delegations delegations;

    /** @param zone the calendar a delegation's days are counted in */
    public Workflow(Clock clock, ZoneId zone, Delegations delegations) {
        this.clock = clock;
        this.zone = zone;
        this.delegations = delegations;
    }

    /** Without delegations (nobody has a deputy), in UTC's calendar. */
    public Workflow(Clock clock) {
        this(clock, ZoneOffset.UTC, Delegations.NONE);
    }

    /** Whether a submission starts along its line as it is; a leave document waits for {@code approval.leave-reserved}. */
    public boolean startsOnSubmission(ApprovalEvent submitted) {
        return !(submitted.payload() instanceof EventPayload.Submitted s && LeaveRules.FORM.equals(s.documentType()));
    }

    /**
     * A submitted document: its first step becomes active. {@code event} is the submission, or for a leave document
     * the leave ledger's reservation, which carries it (a leave document cannot start without one, so the gRPC path
     * is no way around the ledger).
     */
    public Transition start(ApprovalEvent event) {
        EventPayload.Submitted s;
        if (event.payload() instanceof EventPayload.LeaveReserved r && r.submission() != null) {
            s = r.submission();
        } else if (event.payload() instanceof EventPayload.Submitted plain) {
            if (!startsOnSubmission(event)) {
                throw new InvalidEventException("leave document " + event.approvalId()
                        + " starts when its days are reserved (approval.leave-reserved), not on its submission");
            }
            s = plain;
        } else {
            throw new InvalidEventException("not a submission: " + event.type());
        }
        ApprovalEvent submitted = event;
        if (submitted.approvalId() == null) {
            throw new InvalidEventException("a submission without a document id");
        }
        if (s.line() == null || s.line().isEmpty() || s.drafter() == null) {
            throw new InvalidEventException("submission " + submitted.approvalId() + " has no drafter or no approval line");
        }
        ApprovalLineRules.stepsViolation(s.drafter().id(), s.line()).ifPresent(reason -> {
            throw new InvalidEventException("submission " + submitted.approvalId() + ": " + reason);
        });
        ApprovalLineRules.ccViolation(s.drafter().id(), s.line().stream().map(LineStep::approver).toList(), s.cc())
                .ifPresent(reason -> {
                    throw new InvalidEventException("submission " + submitted.approvalId() + ": " + reason);
                });
        Instant now = clock.instant();
        List<StepProgress> steps = new ArrayList<>();
        for (LineStep step : s.line()) {
            steps.add(new StepProgress(step.step(), step.step() == 1 ? StepStatus.PENDING : StepStatus.WAITING, null, null));
        }
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, 1, steps);
        ApprovalState state = new ApprovalState(submitted.approvalId(), s.title(), s.documentType(), s.drafter(),
                s.line(), progress, 1, now, s.cc() == null ? List.of() : List.copyOf(s.cc()));
        // the first activation tells the people in cc that the document is on its way
        ApprovalEvent activated = activated(state, 1, 1, now, state.ccOrNull());
        return new Transition(state, 0, List.of(new Transition.InboxChange(state.step(1).approver().id(),
                state.approvalId(), true)), List.of(activated));
    }

    /** A decision by {@code caller} on the document's active step. */
    public Transition decide(ApprovalState state, String approvalId, DecisionRequest request, Caller caller) {
        if (state == null) {
            throw ProblemException.notFound("No document " + approvalId + " is waiting for decisions.");
        }
        boolean finalAuthority = "APPROVE_FINAL".equals(request.decision());
        // a deputy deciding the active step for its approver (대결); null when the caller decides their own step
        Person absent = deputyFor(state, caller);
        if (absent == null) {
            // someone off the line learns nothing about the document, not even that it is finished
            if (!state.isOnLine(caller.id())) {
                throw ProblemException.forbidden("You are not an approver of this document.");
            }
            if (state.progress().status() != Progress.Status.IN_PROGRESS) {
                throw ProblemException.conflict("The document is already " + state.progress().status().name().toLowerCase()
                        + "; no more decisions can be made.");
            }
            LineStep active = state.step(state.progress().currentStep());
            if (active.approver().id() != caller.id()) {
                throw ProblemException.conflict("It is not your turn: step " + active.step() + " ("
                        + active.approver().name() + ") must decide first.");
            }
        } else if (state.drafter().id() == caller.id()) {
            throw ProblemException.forbidden("You drafted this document; you cannot decide it, not even for "
                    + absent.name() + ".");
        } else if (state.isOnLine(caller.id())) {
            throw ProblemException.unprocessable("You are on this document's approval line yourself, so you cannot also "
                    + "decide " + absent.name() + "'s step; it waits for " + absent.name() + ".");
        } else if (finalAuthority) {
            throw ProblemException.unprocessable("A deputy approves or rejects; 전결 (final authority) stays "
                    + absent.name() + "'s own.");
        }
        int current = state.progress().currentStep();
        boolean approve = finalAuthority || "APPROVE".equals(request.decision());
        if (finalAuthority) {
            FinalAuthority.refusal(state.documentType(), caller.position(), current, state.stepCount()).ifPresent(why -> {
                throw ProblemException.unprocessable(why);
            });
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (!approve && comment == null) {
            throw ProblemException.badRequest("A rejection needs a comment giving the reason.",
                    List.of(new FieldError("/comment", "is required to reject")));
        }

        Instant now = clock.instant();
        LineStep active = state.step(current);
        Person actor = absent == null ? active.approver() : caller.person();
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        steps.set(current - 1, new StepProgress(current, approve ? StepStatus.APPROVED : StepStatus.REJECTED, now, comment,
                absent == null ? null : actor));
        List<Transition.InboxChange> inbox = new ArrayList<>();
        inbox.add(new Transition.InboxChange(active.approver().id(), state.approvalId(), false));
        List<ApprovalEvent> events = new ArrayList<>();
        long seq = state.version();
        ApprovalState next;

        if (approve && current < state.stepCount() && !finalAuthority) {
            int following = current + 1;
            steps.set(following - 1, new StepProgress(following, StepStatus.PENDING, null, null));
            Progress progress = new Progress(Progress.Status.IN_PROGRESS, following, List.copyOf(steps));
            next = withProgress(state, progress, seq + 2, now);
            events.add(ApprovalEvent.of(state.approvalId(), seq + 1, now, new EventPayload.Decided(state.drafter().id(),
                    state.title(), current, state.stepCount(), actor, EventPayload.Decision.APPROVED, comment, progress, absent)));
            events.add(activated(next, following, seq + 2, now, null));
            inbox.add(new Transition.InboxChange(next.step(following).approver().id(), state.approvalId(), true));
        } else if (approve) {
            // 전결: the steps after this one are never asked
            for (int i = current; i < steps.size(); i++) {
                steps.set(i, new StepProgress(i + 1, StepStatus.SKIPPED, null, null));
            }
            Progress progress = new Progress(Progress.Status.APPROVED, null, List.copyOf(steps));
            next = withProgress(state, progress, seq + 2, now);
            events.add(ApprovalEvent.of(state.approvalId(), seq + 1, now, new EventPayload.Decided(state.drafter().id(),
                    state.title(), current, state.stepCount(), actor,
                    finalAuthority ? EventPayload.Decision.APPROVED_FINAL : EventPayload.Decision.APPROVED, comment, progress,
                    absent)));
            events.add(ApprovalEvent.of(state.approvalId(), seq + 2, now, new EventPayload.Completed(state.drafter().id(),
                    state.title(), actor, progress, state.ccOrNull())));
        } else {
            for (int i = current; i < steps.size(); i++) {
                steps.set(i, new StepProgress(i + 1, StepStatus.SKIPPED, null, null));
            }
            Progress progress = new Progress(Progress.Status.REJECTED, null, List.copyOf(steps));
            next = withProgress(state, progress, seq + 2, now);
            events.add(ApprovalEvent.of(state.approvalId(), seq + 1, now, new EventPayload.Decided(state.drafter().id(),
                    state.title(), current, state.stepCount(), actor, EventPayload.Decision.REJECTED, comment, progress, absent)));
            events.add(ApprovalEvent.of(state.approvalId(), seq + 2, now, new EventPayload.Rejected(state.drafter().id(),
                    state.title(), current, actor, comment, progress, state.ccOrNull())));
        }
        return new Transition(next, state.version(), List.copyOf(inbox), List.copyOf(events));
    }

    /**
     * The drafter withdraws the document: allowed while it is in progress, whatever step it is at (the step's
     * approver has not acted yet, or it would be at the next one). The step that had to act and those after it are
     * skipped, and it leaves that approver's inbox. The reason is optional.
     */
    public Transition withdraw(ApprovalState state, String approvalId, WithdrawalRequest request, Caller caller) {
        if (state == null) {
            throw ProblemException.notFound("No document " + approvalId + " is in processing: it does not exist, it "
                    + "was just submitted and is not active yet, or it was finished long ago.");
        }
        // approvers see the document but may not withdraw it; others learn nothing about it
        if (state.drafter().id() != caller.id()) {
            throw state.isOnLine(caller.id())
                    ? ProblemException.forbidden("Only the drafter can withdraw a document; an approver approves or rejects it.")
                    : ProblemException.forbidden("You are not the drafter of this document.");
        }
        if (state.progress().status() != Progress.Status.IN_PROGRESS) {
            throw ProblemException.conflict("The document is already " + state.progress().status().name().toLowerCase()
                    + "; it can no longer be withdrawn.");
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Instant now = clock.instant();
        int current = state.progress().currentStep();
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        List<Person> reached = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (i + 1 >= current) {
                steps.set(i, new StepProgress(i + 1, StepStatus.SKIPPED, null, null));
            }
            if (i + 1 <= current) {
                reached.add(state.step(i + 1).approver());
            }
        }
        Progress progress = new Progress(Progress.Status.WITHDRAWN, null, List.copyOf(steps));
        long seq = state.version() + 1;
        ApprovalState next = withProgress(state, progress, seq, now);
        ApprovalEvent withdrawn = ApprovalEvent.of(state.approvalId(), seq, now, new EventPayload.Withdrawn(
                state.drafter().id(), state.title(), state.drafter(), current, List.copyOf(reached), reason, progress,
                state.ccOrNull()));
        return new Transition(next, state.version(),
                List.of(new Transition.InboxChange(state.step(current).approver().id(), state.approvalId(), false)),
                List.of(withdrawn));
    }

    /** The answer to the drafter who withdrew. */
    public WithdrawalResult withdrawal(Transition transition) {
        EventPayload.Withdrawn withdrawn = (EventPayload.Withdrawn) transition.events().get(0).payload();
        return new WithdrawalResult(transition.state().approvalId(), withdrawn.step(),
                transition.state().progress().status().name());
    }

    /** The answer to the decider. */
    public DecisionResult result(Transition transition, DecisionRequest request) {
        ApprovalState s = transition.state();
        EventPayload.Decided decided = (EventPayload.Decided) transition.events().get(0).payload();
        Person next = s.progress().currentStep() == null ? null : s.step(s.progress().currentStep()).approver();
        return new DecisionResult(s.approvalId(), decided.step(), request.decision(), s.progress().status().name(), next);
    }

    private static ApprovalState withProgress(ApprovalState s, Progress progress, long version, Instant activatedAt) {
        return new ApprovalState(s.approvalId(), s.title(), s.documentType(), s.drafter(), s.line(), progress, version,
                activatedAt, s.cc());
    }

    private ApprovalEvent activated(ApprovalState state, int step, long seq, Instant now, List<Person> cc) {
        Person approver = state.step(step).approver();
        // the deputy who decides for the approver today is told too, unless they could not decide this document
        List<Person> deputies = delegations.of(approver.id())
                .filter(d -> d.covers(today()))
                .map(DelegationEvent::deputy)
                .filter(d -> d.id() != state.drafter().id() && !state.isOnLine(d.id()))
                .map(List::of).orElse(null);
        return ApprovalEvent.of(state.approvalId(), seq, now, new EventPayload.StepActivated(state.drafter().id(),
                state.title(), state.drafter(), step, state.stepCount(), List.of(approver), state.progress(), cc,
                deputies));
    }

    /**
     * The approver of the document's active step when the caller is their deputy today and not that approver
     * themselves; null otherwise (the caller acts, if at all, as themselves).
     */
    private Person deputyFor(ApprovalState state, Caller caller) {
        if (state.progress().status() != Progress.Status.IN_PROGRESS || state.progress().currentStep() == null) {
            return null;
        }
        Person approver = state.step(state.progress().currentStep()).approver();
        if (approver.id() == caller.id()) {
            return null;
        }
        Optional<DelegationEvent> delegation = delegations.of(approver.id());
        return delegation.isPresent() && delegation.get().delegatesTo(caller.id(), today()) ? approver : null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
