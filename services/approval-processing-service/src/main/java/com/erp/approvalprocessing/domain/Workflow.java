package com.erp.approvalprocessing.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.api.DecisionResult;
import com.erp.approvalprocessing.api.LineChangeResult;
import com.erp.approvalprocessing.api.RetractionRequest;
import com.erp.approvalprocessing.api.RetractionResult;
import com.erp.approvalprocessing.api.WithdrawalRequest;
import com.erp.approvalprocessing.api.WithdrawalResult;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.ApprovalLineRules;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineAuthority;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.Agreement;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.kafka.InvalidEventException;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;

/**
 * The rules of an approval line (bean {@code workflow}): steps act one after another; only the approver of
 * the active step decides it; approving moves to the next step or, at the last, approves the document;
 * rejecting (with a reason) ends it and skips the steps not reached; the drafter may withdraw it (회수) while it
 * is in progress, which ends it likewise. A 합의 (agreement) step is decided by its agreers in parallel, in any
 * order: it passes when the last of them agrees, and one who disagrees (with a reason) rejects the document. While
 * someone who must decide is away, the deputy they named (대결) decides for them, unless the deputy drafted the
 * document or is on its line themselves. An approver may put their step on hold (보류) and decide it later. Each change
 * yields the events that describe it, each with its own sequence number and the resulting progress.
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
     * The answer to a submission {@link #start} refused ({@code failure}, an {@link InvalidEventException}): the
     * document is rejected before anyone is asked ({@code approval.refused}, every step SKIPPED, final), so its
     * drafter learns why, may resubmit it, and a leave's reserved days are freed. The same event however often the
     * submission is delivered. What is no submission of a known document and drafter cannot be answered: {@code
     * failure} is thrown again (a dead letter), and so is a submission without a line (no document to show).
     */
    public ApprovalEvent refusal(ApprovalEvent event, Exception failure) throws Exception {
        EventPayload.Submitted s = event == null ? null
                : event.payload() instanceof EventPayload.LeaveReserved r ? r.submission()
                : event.payload() instanceof EventPayload.Submitted plain ? plain : null;
        if (!(failure instanceof InvalidEventException) || s == null || event.approvalId() == null || s.drafter() == null
                || s.line() == null || s.line().isEmpty()) {
            throw failure;
        }
        String id = UUID.nameUUIDFromBytes((event.approvalId() + "/refused").getBytes(StandardCharsets.UTF_8)).toString();
        EventPayload.Refused refused = new EventPayload.Refused(s.drafterId(), s.title(), s.drafter(), failure.getMessage(),
                Progress.rejectedBeforeAnyone(s.line()));
        return new ApprovalEvent(id, com.erp.routes.common.events.EventType.REFUSED.id(), ApprovalEvent.SCHEMA_VERSION,
                clock.instant(), event.approvalId(), ApprovalEvent.FINAL_SEQUENCE, refused);
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
        ApprovalLineRules.ccViolation(s.drafter().id(), ApprovalLineRules.people(s.line()), s.cc()).ifPresent(reason -> {
            throw new InvalidEventException("submission " + submitted.approvalId() + ": " + reason);
        });
        ApprovalLineRules.receiversViolation(s.drafter().id(), ApprovalLineRules.people(s.line()), s.cc(), s.receivers())
                .ifPresent(reason -> {
                    throw new InvalidEventException("submission " + submitted.approvalId() + ": " + reason);
                });
        ApprovalLineRules.receivingDepartmentsViolation(s.receivingDepartments()).ifPresent(reason -> {
            throw new InvalidEventException("submission " + submitted.approvalId() + ": " + reason);
        });
        Instant now = clock.instant();
        List<StepProgress> steps = new ArrayList<>();
        for (LineStep step : s.line()) {
            steps.add(step.step() == 1 ? pending(step) : waiting(step));
        }
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, 1, steps);
        ApprovalState state = new ApprovalState(submitted.approvalId(), s.title(), s.documentType(), s.drafter(),
                s.line(), progress, 1, now, s.cc() == null ? List.of() : List.copyOf(s.cc()),
                s.receivers() == null ? null : List.copyOf(s.receivers()),
                s.receivingDepartments() == null ? null : List.copyOf(s.receivingDepartments()),
                s.drafterLine() == null || s.drafterLine().isEmpty() ? null : List.copyOf(s.drafterLine()));
        // the first activation tells the people in cc that the document is on its way
        ApprovalEvent activated = activated(state, 1, 1, now, state.ccOrNull());
        List<Transition.InboxChange> inbox = new ArrayList<>();
        state.step(1).people().forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), true)));
        return new Transition(state, 0, List.copyOf(inbox), List.of(activated));
    }

    /**
     * The most events a document's changes may have produced (its state's version: one or two a change) before the
     * changes that can be made again and again (a line change, sending back, a hold, taking an approval back) are
     * refused: each adds to the document's history in approval-request, which a document store bounds (MongoDB, 16 MB
     * a document), so an endless back and forth would at last stop recording the document. Approving, rejecting and
     * withdrawing stay open.
     */
    public static final long MAX_EVENTS = 1000;

    private static void mayChangeAgain(ApprovalState state, String what) {
        if (state.version() >= MAX_EVENTS) {
            throw ProblemException.conflict("This document's changes have made " + state.version() + " events, the "
                    + "most one takes: it can still be approved, rejected or withdrawn, but no more " + what + ".");
        }
    }

    /** A decision by {@code caller} on the document's active step. */
    public Transition decide(ApprovalState state, String approvalId, DecisionRequest request, Caller caller) {
        if (state == null) {
            throw ProblemException.notFound("No document " + approvalId + " is waiting for decisions.");
        }
        boolean finalAuthority = "APPROVE_FINAL".equals(request.decision());
        Long forWhom = request.onBehalfOf() == null || request.onBehalfOf() == caller.id() ? null : request.onBehalfOf();
        Person own = forWhom != null ? null
                : pendingPeople(state).stream().filter(p -> p.id() == caller.id()).findFirst().orElse(null);
        // a deputy deciding for someone who must decide now (대결); null when the caller decides as themselves
        Person absent = own != null ? null : deputyFor(state, caller, forWhom);
        if (own == null && absent == null) {
            throw notTheirs(state, caller);
        }
        if (absent != null) {
            if (state.drafter().id() == caller.id()) {
                throw ProblemException.forbidden("You drafted this document; you cannot decide it, not even for "
                        + absent.name() + ".");
            }
            if (state.isOnLine(caller.id())) {
                throw ProblemException.unprocessable("You are on this document's approval line yourself, so you cannot "
                        + "also decide for " + absent.name() + "; it waits for " + absent.name() + ".");
            }
            if (finalAuthority) {
                throw ProblemException.unprocessable("A deputy approves or rejects; 전결 (final authority) stays "
                        + absent.name() + "'s own.");
            }
        }
        int current = state.progress().currentStep();
        LineStep active = state.step(current);
        if (finalAuthority) {
            finalAuthorityRefusal(state, active, caller.id(), caller.position(), caller.department()).ifPresent(why -> {
                throw ProblemException.unprocessable(why);
            });
        }
        boolean approve = finalAuthority || "APPROVE".equals(request.decision());
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if ("RETURN".equals(request.decision())) {
            return returned(state, absent == null ? own : caller.person(), absent, comment);
        }
        if ("HOLD".equals(request.decision())) {
            return held(state, absent == null ? own : caller.person(), absent, comment);
        }
        if (!approve && comment == null) {
            throw ProblemException.badRequest("A rejection needs a comment giving the reason.",
                    List.of(new FieldError("/comment", "is required to reject")));
        }
        Person decider = absent != null ? absent : own;
        Person actor = absent == null ? own : caller.person();
        return active.isAgreement()
                ? agreementDecision(state, decider, actor, absent, approve, comment)
                : approvalDecision(state, actor, absent, approve, finalAuthority, comment);
    }

    private Transition approvalDecision(ApprovalState state, Person actor, Person absent, boolean approve,
                                        boolean finalAuthority, String comment) {
        Instant now = clock.instant();
        int current = state.progress().currentStep();
        LineStep active = state.step(current);
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        steps.set(current - 1, new StepProgress(current, approve ? StepStatus.APPROVED : StepStatus.REJECTED, now, comment,
                absent == null ? null : actor));
        List<Transition.InboxChange> inbox = new ArrayList<>();
        inbox.add(new Transition.InboxChange(active.approver().id(), state.approvalId(), false));
        long seq = state.version();
        if (approve && current < state.stepCount() && !finalAuthority) {
            return advance(state, steps, inbox, now, decided(state, current, actor, EventPayload.Decision.APPROVED,
                    comment, absent));
        }
        if (approve) {
            // 전결: the steps after this one are never asked
            skipFrom(state, steps, current);
            Progress progress = new Progress(Progress.Status.APPROVED, null, List.copyOf(steps));
            ApprovalState next = withProgress(state, progress, seq + 2, now);
            return new Transition(next, state.version(), List.copyOf(inbox), List.of(
                    ApprovalEvent.of(state.approvalId(), seq + 1, now, decided(state, current, actor,
                            finalAuthority ? EventPayload.Decision.APPROVED_FINAL : EventPayload.Decision.APPROVED,
                            comment, absent).apply(progress)),
                    ApprovalEvent.of(state.approvalId(), seq + 2, now, new EventPayload.Completed(state.drafter().id(),
                            state.title(), actor, progress, state.ccOrNull(), state.receiversOrNull(), absent,
                            state.receivingDepartmentsOrNull(), state.toldAheadAfter(current)))));
        }
        return reject(state, steps, inbox, now, current, actor, comment,
                decided(state, current, actor, EventPayload.Decision.REJECTED, comment, absent));
    }

    /** An agreer's part of a 합의 step (or their deputy's for them). */
    private Transition agreementDecision(ApprovalState state, Person agreer, Person actor, Person absent, boolean agree,
                                         String comment) {
        Instant now = clock.instant();
        int current = state.progress().currentStep();
        StepProgress step = state.progress().steps().get(current - 1);
        List<Agreement> agreements = new ArrayList<>();
        for (Agreement a : step.agreements()) {
            agreements.add(a.agreer().id() == agreer.id()
                    ? new Agreement(a.agreer(), agree ? StepStatus.APPROVED : StepStatus.REJECTED, now, comment,
                    absent == null ? null : actor)
                    : a);
        }
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        List<Transition.InboxChange> inbox = new ArrayList<>();
        inbox.add(new Transition.InboxChange(agreer.id(), state.approvalId(), false));
        DecidedEvent decided = decided(state, current, actor, agree ? EventPayload.Decision.AGREED
                : EventPayload.Decision.DISAGREED, comment, absent);
        if (!agree) {
            // one disagreement rejects the document: the agreers still to decide are not asked any more
            List<Agreement> closed = new ArrayList<>();
            for (Agreement a : agreements) {
                if (a.status() == StepStatus.PENDING) {
                    inbox.add(new Transition.InboxChange(a.agreer().id(), state.approvalId(), false));
                    closed.add(new Agreement(a.agreer(), StepStatus.SKIPPED, null, null, null));
                } else {
                    closed.add(a);
                }
            }
            steps.set(current - 1, new StepProgress(current, StepStatus.REJECTED, now, comment, null, List.copyOf(closed)));
            // whoever decides today for an agreer asked no more was asked too (not the one who disagreed)
            List<Person> askedNoMore = closed.stream().filter(a -> a.status() == StepStatus.SKIPPED)
                    .map(Agreement::agreer).toList();
            List<StandIn> standIns = standInsToday(state, askedNoMore).stream()
                    .filter(s -> s.deputy().id() != actor.id()).toList();
            return reject(state, steps, inbox, now, current, actor, comment, decided, standIns);
        }
        boolean last = agreements.stream().noneMatch(a -> a.status() == StepStatus.PENDING);
        if (last) {
            steps.set(current - 1, new StepProgress(current, StepStatus.APPROVED, now, null, null, List.copyOf(agreements)));
            return advance(state, steps, inbox, now, decided);
        }
        // others still to agree: the step stays active
        steps.set(current - 1, new StepProgress(current, StepStatus.PENDING, null, null, null, List.copyOf(agreements)));
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, current, List.copyOf(steps));
        long seq = state.version() + 1;
        ApprovalState next = withProgress(state, progress, seq, state.activatedAt());
        return new Transition(next, state.version(), List.copyOf(inbox),
                List.of(ApprovalEvent.of(state.approvalId(), seq, now, decided.apply(progress))));
    }

    /** The active step passed: the next one becomes active (there is one: a caller checked). */
    private Transition advance(ApprovalState state, List<StepProgress> steps, List<Transition.InboxChange> inbox,
                               Instant now, DecidedEvent decided) {
        int following = state.progress().currentStep() + 1;
        steps.set(following - 1, pending(state.step(following)));
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, following, List.copyOf(steps));
        long seq = state.version();
        // whoever was told ahead and is on the step now active is asked: no longer ahead
        ApprovalState next = withProgress(state, progress, seq + 2, now).toldAhead(List.of(), following);
        next.step(following).people().forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), true)));
        return new Transition(next, state.version(), List.copyOf(inbox), List.of(
                ApprovalEvent.of(state.approvalId(), seq + 1, now, decided.apply(progress)),
                activated(next, following, seq + 2, now, null)));
    }

    private Transition reject(ApprovalState state, List<StepProgress> steps, List<Transition.InboxChange> inbox,
                              Instant now, int current, Person actor, String reason, DecidedEvent decidedEvent) {
        return reject(state, steps, inbox, now, current, actor, reason, decidedEvent, List.of());
    }

    /** {@code standIns}: the deputies of a 합의's agreers asked no more, told it is rejected. */
    private Transition reject(ApprovalState state, List<StepProgress> steps, List<Transition.InboxChange> inbox,
                              Instant now, int current, Person actor, String reason, DecidedEvent decidedEvent,
                              List<StandIn> standIns) {
        skipFrom(state, steps, current);
        Progress progress = new Progress(Progress.Status.REJECTED, null, List.copyOf(steps));
        EventPayload.Decided decided = decidedEvent.apply(progress);
        long seq = state.version();
        ApprovalState next = withProgress(state, progress, seq + 2, now);
        return new Transition(next, state.version(), List.copyOf(inbox), List.of(
                ApprovalEvent.of(state.approvalId(), seq + 1, now, decided),
                ApprovalEvent.of(state.approvalId(), seq + 2, now, new EventPayload.Rejected(state.drafter().id(),
                        state.title(), current, actor, reason, progress, state.ccOrNull(), decided.onBehalfOf(),
                        state.toldAheadAfter(current), standIns.isEmpty() ? null : List.copyOf(standIns)))));
    }

    /** The Decided payload of a decision, once its progress is known. */
    private interface DecidedEvent {
        EventPayload.Decided apply(Progress progress);
    }

    private DecidedEvent decided(ApprovalState state, int step, Person actor, EventPayload.Decision decision,
                                 String comment, Person absent) {
        return decided(state, step, actor, decision, comment, absent, null);
    }

    /** {@code returnedTo}: on a RETURNED, the people of the step it goes back to. */
    private DecidedEvent decided(ApprovalState state, int step, Person actor, EventPayload.Decision decision,
                                 String comment, Person absent, List<Person> returnedTo) {
        List<StandIn> standIns = decision == EventPayload.Decision.HELD ? List.of() : ownDecision(state, actor, absent);
        return progress -> new EventPayload.Decided(state.drafter().id(), state.title(), step, state.stepCount(), actor,
                decision, comment, progress, absent, null, returnedTo, standIns.isEmpty() ? null : standIns);
    }

    /**
     * An approver who decides their step themselves while someone decides for them today (대결): that deputy, whose
     * inbox had it too, is told it needs nothing from them any more. Nobody when a deputy decided ({@code absent}),
     * nor a deputy who still decides the step for another of its people (a 합의's other agreer): it still waits for
     * them, and being told where they stand now would drop its request to them if that arrived later.
     */
    private List<StandIn> ownDecision(ApprovalState state, Person actor, Person absent) {
        if (absent != null) {
            return List.of();
        }
        Set<Long> stillAsked = standInsToday(state, pendingPeople(state).stream().filter(p -> p.id() != actor.id())
                .toList()).stream().map(s -> s.deputy().id()).collect(Collectors.toSet());
        return standInsToday(state, List.of(actor)).stream().filter(s -> !stillAsked.contains(s.deputy().id())).toList();
    }

    /**
     * Whether {@code approver}, on the active step, may approve it with final authority (전결) now: what their inbox
     * item offers; the decision itself checks again.
     */
    public static boolean mayApproveFinally(ApprovalState state, Person approver) {
        Integer current = state.progress().currentStep();
        return current != null && finalAuthorityRefusal(state, state.step(current), approver.id(),
                approver.position(), approver.department()).isEmpty();
    }

    /** Why someone of {@code position} in {@code department} may not approve with final authority at the active step. */
    private static Optional<String> finalAuthorityRefusal(ApprovalState state, LineStep active, long deciderId,
                                                          String position, String department) {
        if (active.isAgreement()) {
            return Optional.of("A 합의 (agreement) step is agreed (APPROVE) or disagreed (REJECT); 전결 is an approver's.");
        }
        for (int i = active.step(); i < state.stepCount(); i++) {
            if (state.line().get(i).isAgreement()) {
                return Optional.of("A 합의 (agreement) follows at step " + (i + 1) + "; 전결 would skip it, so approve "
                        + "this step (APPROVE).");
            }
        }
        return FinalAuthority.refusal(state.documentType(), position, active.step(), state.stepCount())
                .or(() -> LineAuthority.finalApprovalViolation(state.drafter(), state.drafterLine(),
                        LineAuthority.lastApprover(state.line()), deciderId, position, department));
    }

    /**
     * Why a caller who must not decide now is refused: someone who has nothing to do with the line learns nothing about
     * the document (403); someone on it, or standing in for someone on it (a deputy today, or who decided a step as
     * one), learns it is not theirs now (409): a deputy whose approver came back and decided a moment earlier.
     */
    private ProblemException notTheirs(ApprovalState state, Caller caller) {
        boolean onLine = state.isOnLine(caller.id());
        if (!onLine && !standsInOnLine(state, caller)) {
            return ProblemException.forbidden("You are not an approver of this document.");
        }
        if (state.progress().status() != Progress.Status.IN_PROGRESS) {
            return ProblemException.conflict("The document is already " + state.progress().status().name().toLowerCase()
                    + "; no more decisions can be made.");
        }
        LineStep active = state.step(state.progress().currentStep());
        if (!onLine) {
            return ProblemException.conflict("Step " + active.step() + " waits for "
                    + String.join(", ", pendingPeople(state).stream().map(Person::name).toList())
                    + ", for none of whom you decide today (decided already, or back from leave).");
        }
        if (active.people().stream().anyMatch(p -> p.id() == caller.id())) {
            return ProblemException.conflict("You have already decided your part of step " + active.step()
                    + " (합의); it waits for the others.");
        }
        return ProblemException.conflict("It is not your turn: step " + active.step() + " ("
                + String.join(", ", pendingPeople(state).stream().map(Person::name).toList()) + ") must decide first.");
    }

    /**
     * The drafter withdraws the document: allowed while it is in progress, whatever step it is at (the step's
     * approvers have not all acted yet, or it would be at the next one). The step that had to act and those after it
     * are skipped, and it leaves the inboxes of those who still had to decide it. The reason is optional.
     */
    public Transition withdraw(ApprovalState state, String approvalId, WithdrawalRequest request, Caller caller) {
        requireDrafter(state, approvalId, caller,
                "Only the drafter can withdraw a document; an approver approves or rejects it.");
        if (state.progress().status() != Progress.Status.IN_PROGRESS) {
            throw alreadyFinished(state, "it can no longer be withdrawn.");
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Instant now = clock.instant();
        int current = state.progress().currentStep();
        List<Person> pending = pendingPeople(state);
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        List<Person> reached = new ArrayList<>();
        for (int i = 0; i < current; i++) {
            reached.addAll(state.step(i + 1).people());
        }
        // and the deputies it reached: who decides for someone it waits for today (they were asked too), and who
        // decided a step for someone
        standInsToday(state, pending).forEach(s -> addOnce(reached, s.deputy()));
        state.progress().steps().forEach(s -> {
            addOnce(reached, s.deputy());
            if (s.agreements() != null) {
                s.agreements().forEach(a -> addOnce(reached, a.deputy()));
            }
        });
        skipFrom(state, steps, current - 1);
        Progress progress = new Progress(Progress.Status.WITHDRAWN, null, List.copyOf(steps));
        long seq = state.version() + 1;
        ApprovalState next = withProgress(state, progress, seq, now);
        ApprovalEvent withdrawn = ApprovalEvent.of(state.approvalId(), seq, now, new EventPayload.Withdrawn(
                state.drafter().id(), state.title(), state.drafter(), current, List.copyOf(reached), reason, progress,
                state.ccOrNull(), state.toldAheadAfter(current)));
        return new Transition(next, state.version(),
                pending.stream().map(p -> new Transition.InboxChange(p.id(), state.approvalId(), false)).toList(),
                List.of(withdrawn));
    }

    /**
     * 결재선 변경: the drafter changes the steps nobody has decided yet: a later step, or the active one while nobody on
     * it has decided (no agreer of a 합의 step). Either the people of steps given by number ({@link LineChange#steps}:
     * each keeps its kind) or the whole line from the active step on ({@link LineChange#remaining}: steps added,
     * removed, moved, of either kind). The line as a whole must still be one (at most ten steps, the last an
     * approver's, nobody twice, not the drafter, nobody who is in cc or receives it), and its last approver keeps the
     * authority to decide it ({@link LineAuthority#changeViolation}). A step left with the people it
     * has is left as it is. When the active step changes, its people are asked anew: whoever it waited for loses it
     * from their inbox, its new people get it, and its waiting time (독촉) starts again.
     */
    public Transition changeLine(ApprovalState state, String approvalId, LineChange change, Caller caller) {
        mayChangeLine(state, approvalId, caller);
        int current = state.progress().currentStep();
        if (change.remaining() != null && change.fromStep() != null && change.fromStep() != current) {
            // the rest of the line was drafted from another step: applied here it would land one step off
            throw ProblemException.conflict("The document is at step " + current + " now, not at step "
                    + change.fromStep() + " where this line change starts; look at its line again.");
        }
        List<LineStep> line = change.remaining() != null ? withRemaining(state, current, change.remaining())
                : withSteps(state, current, change.steps());
        // the steps that change: where the people or the kind differ; once a step is added or removed, every one
        // after it is another step
        List<Integer> changed = new ArrayList<>();
        int size = Math.max(line.size(), state.stepCount());
        for (int n = current; n <= size; n++) {
            boolean differs = n > line.size() || n > state.stepCount() || !sameStep(state.step(n), line.get(n - 1));
            if (differs && line.size() != state.stepCount()) {
                for (int m = n; m <= size; m++) {
                    changed.add(m);
                }
                break;
            }
            if (differs) {
                changed.add(n);
            }
        }
        if (changed.isEmpty()) {
            throw ProblemException.unprocessable("Nothing changes: the steps given have these people already.");
        }
        // who decided a step for someone (대결, 인수) took part already: on the line too, they would decide twice
        for (int n : changed) {
            if (n > line.size()) {
                continue;
            }
            for (Person p : line.get(n - 1).people()) {
                Optional<String> decidedFor = decidedAsDeputy(state, p.id());
                if (decidedFor.isPresent()) {
                    throw ProblemException.unprocessable(p.name() + " decided " + decidedFor.get()
                            + " as a deputy; they cannot also be on the line.");
                }
            }
        }
        Collections.sort(changed);
        List<Person> everyone = ApprovalLineRules.people(line);
        ApprovalLineRules.stepsViolation(state.drafter().id(), line)
                .or(() -> ApprovalLineRules.ccViolation(state.drafter().id(), everyone, state.cc()))
                .or(() -> ApprovalLineRules.receiversViolation(state.drafter().id(), everyone, state.cc(), state.receivers()))
                // 결재권한: who decides for the company is not traded for someone with less authority
                .or(() -> LineAuthority.changeViolation(LineAuthority.lastApprover(state.line()),
                        LineAuthority.lastApprover(line), change.drafterLine()))
                .ifPresent(reason -> {
                    throw ProblemException.unprocessable(reason);
                });
        Instant now = clock.instant();
        boolean activeChanged = changed.contains(current);
        // the steps decided stay as they are, and so does the active one unless it changed; the later ones wait
        List<StepProgress> steps = new ArrayList<>(state.progress().steps().subList(0, current - 1));
        steps.add(activeChanged ? pending(line.get(current - 1)) : state.progress().steps().get(current - 1));
        for (int n = current + 1; n <= line.size(); n++) {
            steps.add(changed.contains(n) ? waiting(line.get(n - 1)) : state.progress().steps().get(n - 1));
        }
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, current, List.copyOf(steps));
        long seq = state.version();
        // the org-chart line the change was judged against is also the one 전결 goes by from now on (a reorganisation
        // since the submission: the new lead a change puts last may use it too); none now (empty: judged by the
        // department rule) ends the old one too, so that 전결 goes by that rule as well
        List<Person> had = state.drafterLine() == null ? List.of() : state.drafterLine();
        List<Person> drafterLine = change.drafterLine() == null || change.drafterLine().equals(had) ? null
                : List.copyOf(change.drafterLine());
        ApprovalState next = new ApprovalState(state.approvalId(), state.title(), state.documentType(), state.drafter(),
                List.copyOf(line), progress, seq + (activeChanged ? 2 : 1), activeChanged ? now : state.activatedAt(),
                state.cc(), state.receivers(), state.receivingDepartments(),
                drafterLine == null ? state.drafterLine() : drafterLine, state.toldAhead());
        Set<Long> before = ApprovalLineRules.people(state.line()).stream().map(Person::id)
                .collect(Collectors.toSet());
        Set<Long> after = everyone.stream().map(Person::id).collect(Collectors.toSet());
        List<Person> removed = ApprovalLineRules.people(state.line()).stream().filter(p -> !after.contains(p.id())).toList();
        List<Person> added = everyone.stream().filter(p -> !before.contains(p.id())).toList();
        // whoever the active step waited for and no longer does (on a later step now, or off the line)
        Set<Long> activeNow = next.step(current).people().stream().map(Person::id).collect(Collectors.toSet());
        List<Person> released = activeChanged ? new ArrayList<>(pendingPeople(state).stream()
                .filter(p -> !activeNow.contains(p.id())).toList()) : new ArrayList<>();
        if (activeChanged) {
            // and whoever decided for one of them today (asked too, 대결), unless they still do for someone who stays
            Set<Long> stillDeputies = standInsToday(next, next.step(current).people()).stream()
                    .map(x -> x.deputy().id()).collect(Collectors.toSet());
            standInsToday(state, List.copyOf(released)).stream().map(StandIn::deputy)
                    .filter(d -> !stillDeputies.contains(d.id()) && !next.isOnLine(d.id()))
                    .forEach(d -> addOnce(released, d));
        }
        // who is told it will come to them (on a step not reached: the active step's new people are asked now), kept
        // with those told so before, while they are still on such a step: told if it ends before it reaches them
        ApprovalState stored = next.toldAhead(java.util.stream.Stream.concat(added.stream(), released.stream()).toList(),
                current);
        List<ApprovalEvent> events = new ArrayList<>();
        events.add(ApprovalEvent.of(state.approvalId(), seq + 1, now, new EventPayload.LineChanged(state.drafter().id(),
                state.title(), state.drafter(), List.copyOf(changed), next.line(), removed, added, change.reason(),
                progress, released.isEmpty() ? null : List.copyOf(released), drafterLine)));
        List<Transition.InboxChange> inbox = new ArrayList<>();
        if (activeChanged) {
            pendingPeople(state).forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), false)));
            next.step(current).people().forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), true)));
            events.add(activated(next, current, seq + 2, now, null));
        } else if (line.size() != state.stepCount() || pendingPeople(state).stream()
                .anyMatch(p -> mayApproveFinally(state, p) != mayApproveFinally(next, p))) {
            // the active step's people keep it, but their inbox item says "step n of m" and whether 전결 is theirs
            // (a 합의 added after them, another last approver): written again as the line is now
            pendingPeople(state).forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), true)));
        }
        return new Transition(stored, state.version(), List.copyOf(inbox), List.copyOf(events));
    }

    /**
     * What only the drafter may do while the document is in progress: 404 without it, 403 for anyone else, 409 once
     * finished or worn ({@link #MAX_EVENTS}). Checked before the new people are looked up, and again against the
     * document as the change finds it.
     */
    public void mayChangeLine(ApprovalState state, String approvalId, Caller caller) {
        requireDrafter(state, approvalId, caller, "Only the drafter can change a document's approval line.");
        if (state.progress().status() != Progress.Status.IN_PROGRESS) {
            throw alreadyFinished(state, "its approval line can no longer change.");
        }
        mayChangeAgain(state, "line changes");
    }

    /** The step (and for whom) this person decided as a deputy, if they did: "step 1 for lead". */
    private static Optional<String> decidedAsDeputy(ApprovalState state, long id) {
        for (StepProgress step : state.progress().steps()) {
            if (step.deputy() != null && step.deputy().id() == id) {
                return Optional.of("step " + step.step() + " for " + state.step(step.step()).approver().name());
            }
            for (Agreement a : step.agreements() == null ? List.<Agreement>of() : step.agreements()) {
                if (a.deputy() != null && a.deputy().id() == id) {
                    return Optional.of("step " + step.step() + " for " + a.agreer().name());
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a step's new people are its people already (a 합의 step's agreers in any order). */
    /** The same kind of step with the same people. */
    private static boolean sameStep(LineStep old, LineStep wanted) {
        return old.isAgreement() == wanted.isAgreement() && samePeople(old, wanted);
    }

    /** The line with the people of the steps given by number: each a step not decided yet, of the same kind. */
    private static List<LineStep> withSteps(ApprovalState state, int current, List<LineStep> wantedSteps) {
        List<LineStep> line = new ArrayList<>(state.line());
        Set<Integer> given = new HashSet<>();
        for (LineStep wanted : wantedSteps) {
            int n = wanted.step();
            if (!given.add(n)) {
                throw ProblemException.badRequest("Step " + n + " is given twice.",
                        List.of(new FieldError("/steps", "names step " + n + " twice")));
            }
            if (n < 1 || n > state.stepCount()) {
                throw ProblemException.unprocessable("The line has steps 1 to " + state.stepCount() + "; there is no step "
                        + n + " to change.");
            }
            if (n < current) {
                throw ProblemException.conflict("Step " + n + " has been decided; only the steps not decided yet (from step "
                        + current + ") can change.");
            }
            LineStep old = state.step(n);
            if (old.isAgreement() != wanted.isAgreement()) {
                throw ProblemException.unprocessable(old.isAgreement()
                        ? "Step " + n + " is a 합의 (agreement) step: give its agreerIds."
                        : "Step " + n + " is an approver's step: give its approverId.");
            }
            if (samePeople(old, wanted)) {
                continue;
            }
            if (n == current && partlyDecided(state, n)) {
                throw ProblemException.conflict("Step " + n + " (합의) has been decided in part already; its agreers stay. "
                        + "The steps after it can change.");
            }
            line.set(n - 1, wanted.renumbered(n));
        }
        return line;
    }

    /** The line with its rest, from the active step on, as given; a 합의 step decided in part stays first as it is. */
    private static List<LineStep> withRemaining(ApprovalState state, int current, List<LineStep> remaining) {
        if (partlyDecided(state, current) && !sameStep(state.step(current), remaining.get(0))) {
            throw ProblemException.conflict("Step " + current + " (합의) has been decided in part already; it stays the "
                    + "active step with its agreers: give it first as it is. The steps after it can change.");
        }
        List<LineStep> line = new ArrayList<>(state.line().subList(0, current - 1));
        for (int i = 0; i < remaining.size(); i++) {
            line.add(remaining.get(i).renumbered(current + i));
        }
        return line;
    }

    /** A 합의 step some of whose agreers have decided. */
    private static boolean partlyDecided(ApprovalState state, int n) {
        return state.step(n).isAgreement() && state.progress().steps().get(n - 1).agreements().stream()
                .anyMatch(a -> a.status() != StepStatus.PENDING);
    }

    private static boolean samePeople(LineStep old, LineStep wanted) {
        Set<Long> a = old.people().stream().map(Person::id).collect(Collectors.toSet());
        Set<Long> b = wanted.people().stream().map(Person::id).collect(Collectors.toSet());
        return a.equals(b) && old.people().size() == wanted.people().size();
    }

    /** The answer to the drafter who changed the line: the steps that changed and the line now. */
    public LineChangeResult lineChange(Transition transition) {
        EventPayload.LineChanged changed = (EventPayload.LineChanged) transition.events().get(0).payload();
        ApprovalState s = transition.state();
        return new LineChangeResult(s.approvalId(), changed.steps(), s.progress().currentStep(),
                s.progress().status().name(), s.line());
    }

    /**
     * 결재 취소: who approved the step before the active one takes the approval back, as long as nobody has decided
     * the active step (no agreer of a 합의 step either). Their step is active again, waiting for their decision; the
     * active step's people no longer have the document in their inbox. Who approved is the step's approver, or the
     * deputy who approved it for them (대결); an agreement (합의) is not taken back. The reason is optional.
     */
    public Transition retract(ApprovalState state, String approvalId, RetractionRequest request, Caller caller) {
        if (state == null) {
            throw notInProcessing(approvalId);
        }
        Integer active = state.progress().currentStep();
        int previous = active == null ? 0 : active - 1;
        StepProgress approved = previous < 1 ? null : state.progress().steps().get(previous - 1);
        Person approver = previous < 1 || state.step(previous).isAgreement() ? null : state.step(previous).approver();
        Person decidedBy = previous < 1 ? null : approvedBy(state, previous);
        boolean theirs = decidedBy != null && decidedBy.id() == caller.id();
        if (!theirs && !state.isOnLine(caller.id()) && !standsInOnLine(state, caller)) {
            throw ProblemException.forbidden("You are not an approver of this document.");
        }
        if (state.progress().status() != Progress.Status.IN_PROGRESS) {
            throw alreadyFinished(state, "an approval can no longer be taken back.");
        }
        if (previous < 1) {
            throw ProblemException.conflict("Nothing to take back: the document waits for its first step.");
        }
        if (approver == null) {
            throw ProblemException.unprocessable("Step " + previous + " is a 합의 (agreement) step; an agreement is not "
                    + "taken back.");
        }
        if (!theirs) {
            // the caller's own approval of an earlier step: the steps after it have been decided since
            for (int step = previous - 1; step >= 1; step--) {
                Person by = approvedBy(state, step);
                if (by != null && by.id() == caller.id()) {
                    throw ProblemException.conflict("Step " + (step + 1) + " has been decided since you approved step "
                            + step + "; your approval stands.");
                }
            }
            throw ProblemException.forbidden("Only " + decidedBy.name() + ", who approved step " + previous
                    + ", can take that approval back.");
        }
        if (approved.deputy() != null && !delegations.of(approver.id())
                .map(d -> d.delegatesTo(caller.id(), today())).orElse(false)) {
            // the approver is back: what their deputy approved for them stands
            throw ProblemException.forbidden("Your delegation from " + approver.name() + " is no longer in force; "
                    + approver.name() + " decides step " + previous + " now.");
        }
        LineStep next = state.step(active);
        StepProgress nextProgress = state.progress().steps().get(active - 1);
        if (nextProgress.hold() != null) {
            throw ProblemException.conflict("Step " + active + " is on hold (보류) by " + nextProgress.hold().by().name()
                    + ", who has acted on it; the approval of step " + previous + " can no longer be taken back.");
        }
        if (next.isAgreement() && nextProgress.agreements().stream().anyMatch(a -> a.status() != StepStatus.PENDING)) {
            throw ProblemException.conflict("Step " + active + " (합의) has been decided in part already; the approval "
                    + "of step " + previous + " can no longer be taken back.");
        }
        mayChangeAgain(state, "approvals taken back");
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        Person forWhom = approved.deputy() != null ? approver : null;
        // the next step no longer waits: for its people, and for whoever decides for one of them today (asked too)
        List<Person> released = new ArrayList<>(next.people());
        standInsToday(state, next.people()).forEach(s -> addOnce(released, s.deputy()));
        released.removeIf(p -> p.id() == caller.id());
        return stepBack(state, progress -> new EventPayload.Decided(state.drafter().id(), state.title(), previous,
                state.stepCount(), caller.person(), EventPayload.Decision.RETRACTED, reason, progress, forWhom,
                List.copyOf(released)));
    }

    /**
     * The active step goes back to the one before it, which is active again (its people asked anew, 합의 agreers
     * included); the active step waits as if never reached, and leaves its people's inboxes. The decided event
     * (made from the new progress), then the earlier step's activation.
     */
    private Transition stepBack(ApprovalState state, DecidedEvent decided) {
        int active = state.progress().currentStep();
        int previous = active - 1;
        Instant now = clock.instant();
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        steps.set(previous - 1, pending(state.step(previous)));
        steps.set(active - 1, waiting(state.step(active)));
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, previous, List.copyOf(steps));
        long seq = state.version();
        // the step left had asked its people: they are ahead of it now, and hear how it ends if it ends first
        ApprovalState back = withProgress(state, progress, seq + 2, now).toldAhead(state.step(active).people(), previous);
        List<Transition.InboxChange> inbox = new ArrayList<>();
        pendingPeople(state).forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), false)));
        state.step(previous).people().forEach(p -> inbox.add(new Transition.InboxChange(p.id(), state.approvalId(), true)));
        return new Transition(back, state.version(), List.copyOf(inbox), List.of(
                ApprovalEvent.of(state.approvalId(), seq + 1, now, decided.apply(progress)),
                activated(back, previous, seq + 2, now, null)));
    }

    /**
     * 전단계 반려: the approver of the active step (or their deputy) sends the document back to the step before, with
     * a reason; that step decides again. Not from a 합의 step (its agreers agree or disagree), not from the first.
     */
    private Transition returned(ApprovalState state, Person actor, Person absent, String comment) {
        int active = state.progress().currentStep();
        if (state.step(active).isAgreement()) {
            throw ProblemException.unprocessable("A 합의 (agreement) step is agreed (APPROVE) or disagreed (REJECT); it "
                    + "is not sent back.");
        }
        if (active == 1) {
            throw ProblemException.unprocessable("Step 1 has no step before it to send the document back to; reject it "
                    + "(REJECT) to send it back to its drafter.");
        }
        if (comment == null) {
            throw ProblemException.badRequest("Sending a document back needs a comment giving the reason.",
                    List.of(new FieldError("/comment", "is required to send back")));
        }
        mayChangeAgain(state, "sending it back");
        List<Person> before = state.step(active - 1).people();
        return stepBack(state, decided(state, active, actor, EventPayload.Decision.RETURNED, comment, absent, before));
    }

    /**
     * 보류: the approver of the active 결재 step (or their deputy) puts it on hold, with a reason (400 without), and
     * decides it later: the step stays theirs and active, and shows who held it, when and why; its drafter is told; it
     * is not reminded (독촉) or escalated meanwhile. Deciding the step ends the hold. Not on a 합의 step (422: its
     * agreers decide apart, so one agreer's hold would hold nobody else), not twice (409).
     */
    private Transition held(ApprovalState state, Person actor, Person absent, String reason) {
        int active = state.progress().currentStep();
        if (state.step(active).isAgreement()) {
            throw ProblemException.unprocessable("A 합의 (agreement) step is agreed (APPROVE) or disagreed (REJECT); its "
                    + "agreers decide apart, so it is not put on hold.");
        }
        if (reason == null) {
            throw ProblemException.badRequest("Putting a document on hold needs a comment giving the reason.",
                    List.of(new FieldError("/comment", "is required to put on hold")));
        }
        StepProgress step = state.progress().steps().get(active - 1);
        if (step.hold() != null) {
            throw ProblemException.conflict("Step " + active + " has been on hold since " + step.hold().at() + " ("
                    + step.hold().by().name() + ": " + step.hold().reason() + "); approve, reject or send it back.");
        }
        mayChangeAgain(state, "holds");
        Instant now = clock.instant();
        List<StepProgress> steps = new ArrayList<>(state.progress().steps());
        steps.set(active - 1, new StepProgress(active, StepStatus.PENDING, null, null, null, null,
                new Progress.Hold(now, reason, actor)));
        Progress progress = new Progress(Progress.Status.IN_PROGRESS, active, List.copyOf(steps));
        long seq = state.version() + 1;
        // still waiting since it was activated: the hold does not restart how long it has waited
        ApprovalState next = withProgress(state, progress, seq, state.activatedAt());
        // the approver's inbox item again, now showing the hold
        List<Transition.InboxChange> inbox = List.of(new Transition.InboxChange(state.step(active).approver().id(),
                state.approvalId(), true));
        return new Transition(next, state.version(), inbox, List.of(ApprovalEvent.of(state.approvalId(), seq, now,
                decided(state, active, actor, EventPayload.Decision.HELD, reason, absent).apply(progress))));
    }

    /** The answer to who took their approval back: the step that waits for them again. */
    public RetractionResult retraction(Transition transition) {
        ApprovalState s = transition.state();
        return new RetractionResult(s.approvalId(), s.progress().currentStep(), s.progress().status().name());
    }

    /** The answer to the drafter who withdrew. */
    public WithdrawalResult withdrawal(Transition transition) {
        EventPayload.Withdrawn withdrawn = (EventPayload.Withdrawn) transition.events().get(0).payload();
        return new WithdrawalResult(transition.state().approvalId(), withdrawn.step(),
                transition.state().progress().status().name());
    }

    /** The answer to the decider; the next approver is named when one person acts next (not on a 합의 step). */
    public DecisionResult result(Transition transition, DecisionRequest request) {
        ApprovalState s = transition.state();
        EventPayload.Decided decided = (EventPayload.Decided) transition.events().get(0).payload();
        LineStep next = s.progress().currentStep() == null ? null : s.step(s.progress().currentStep());
        return new DecisionResult(s.approvalId(), decided.step(), request.decision(), s.progress().status().name(),
                next == null || next.isAgreement() ? null : next.approver());
    }

    /** Who must still decide the active step: its approver, or its agreers who have not decided yet. */
    static List<Person> pendingPeople(ApprovalState state) {
        if (state.progress().status() != Progress.Status.IN_PROGRESS || state.progress().currentStep() == null) {
            return List.of();
        }
        int current = state.progress().currentStep();
        LineStep step = state.step(current);
        if (!step.isAgreement()) {
            return List.of(step.approver());
        }
        return state.progress().steps().get(current - 1).agreements().stream()
                .filter(a -> a.status() == StepStatus.PENDING).map(Agreement::agreer).toList();
    }

    private static StepProgress pending(LineStep step) {
        return new StepProgress(step.step(), StepStatus.PENDING, null, null, null, agreements(step, StepStatus.PENDING));
    }

    private static StepProgress waiting(LineStep step) {
        return new StepProgress(step.step(), StepStatus.WAITING, null, null, null, agreements(step, StepStatus.WAITING));
    }

    private static List<Agreement> agreements(LineStep step, StepStatus status) {
        return step.isAgreement()
                ? step.agreers().stream().map(a -> new Agreement(a, status, null, null, null)).toList()
                : null;
    }

    /** Marks the steps from index {@code from} on SKIPPED, keeping the agreers' parts already decided. */
    private static void skipFrom(ApprovalState state, List<StepProgress> steps, int from) {
        for (int i = from; i < steps.size(); i++) {
            StepProgress s = steps.get(i);
            if (s.status() == StepStatus.REJECTED) {
                continue;
            }
            List<Agreement> agreements = s.agreements() == null ? null : s.agreements().stream()
                    .map(a -> a.status() == StepStatus.PENDING || a.status() == StepStatus.WAITING
                            ? new Agreement(a.agreer(), StepStatus.SKIPPED, null, null, null) : a)
                    .toList();
            steps.set(i, new StepProgress(i + 1, StepStatus.SKIPPED, null, null, null, agreements));
        }
    }

    private static ApprovalState withProgress(ApprovalState s, Progress progress, long version, Instant activatedAt) {
        return new ApprovalState(s.approvalId(), s.title(), s.documentType(), s.drafter(), s.line(), progress, version,
                activatedAt, s.cc(), s.receivers(), s.receivingDepartments(), s.drafterLine(), s.toldAhead());
    }

    private ApprovalEvent activated(ApprovalState state, int step, long seq, Instant now, List<Person> cc) {
        LineStep active = state.step(step);
        // the deputies who decide for those people today are told too
        List<StandIn> standIns = standInsToday(state, active.people());
        return ApprovalEvent.of(state.approvalId(), seq, now, new EventPayload.StepActivated(state.drafter().id(),
                state.title(), state.drafter(), step, state.stepCount(), active.people(), state.progress(), cc,
                deputiesOf(standIns), active.isAgreement() ? Boolean.TRUE : null, standIns.isEmpty() ? null : standIns));
    }

    private static ProblemException notInProcessing(String approvalId) {
        return ProblemException.notFound("No document " + approvalId + " is in processing: it does not exist, it "
                + "was just submitted and is not active yet, or it was finished long ago.");
    }

    /** Who decided a 결재 step: the deputy who decided it for its approver (대결), else the approver; null on a 합의 step. */
    private static Person approvedBy(ApprovalState state, int step) {
        LineStep line = state.step(step);
        if (line.isAgreement()) {
            return null;
        }
        Person deputy = state.progress().steps().get(step - 1).deputy();
        return deputy != null ? deputy : line.approver();
    }

    /**
     * What only the drafter may do to a document in processing: 404 without it; 403 for anyone else, in words for
     * someone on its line ({@code toApprovers}), who sees the document; others learn nothing about it.
     */
    private static void requireDrafter(ApprovalState state, String approvalId, Caller caller, String toApprovers) {
        if (state == null) {
            throw notInProcessing(approvalId);
        }
        if (state.drafter().id() != caller.id()) {
            throw state.isOnLine(caller.id()) ? ProblemException.forbidden(toApprovers)
                    : ProblemException.forbidden("You are not the drafter of this document.");
        }
    }

    private static ProblemException alreadyFinished(ApprovalState state, String consequence) {
        return ProblemException.conflict("The document is already " + state.progress().status().name().toLowerCase()
                + "; " + consequence);
    }

    /**
     * The drafter asks whoever must still decide the active step for their decision now (독촉): a reminder of its
     * own (a new id each time), saying who asked. Only the drafter, only while the document is in progress.
     */
    public ReminderEvent requestedReminder(ApprovalState state, String approvalId, Caller caller, ReminderPolicy policy) {
        requireDrafter(state, approvalId, caller, "Only the drafter can send a reminder (독촉) about a document.");
        List<Person> waiting = pendingPeople(state);
        if (waiting.isEmpty()) {
            throw alreadyFinished(state, "nobody is left to remind.");
        }
        Instant now = clock.instant();
        List<StandIn> standIns = standInsToday(state, waiting);
        return new ReminderEvent(UUID.randomUUID().toString(), ReminderEvent.VERSION, now, state.approvalId(),
                state.title(), state.drafter(), state.progress().currentStep(), state.stepCount(), waiting,
                deputiesOf(standIns), state.activatedAt(), policy.workingHours(state.activatedAt(), now),
                state.drafter(), standIns.isEmpty() ? null : standIns).atSequence(state.version());
    }

    /** Who decides for which of these people today (대결), except deputies who could not decide this document. */
    private List<StandIn> standInsToday(ApprovalState state, List<Person> people) {
        LocalDate today = today();
        return people.stream()
                .map(p -> delegations.of(p.id()).filter(d -> d.covers(today)).map(d -> new StandIn(d.deputy(), p)))
                .flatMap(Optional::stream)
                .filter(s -> s.deputy().id() != state.drafter().id() && !state.isOnLine(s.deputy().id()))
                .toList();
    }

    private static void addOnce(List<Person> people, Person p) {
        if (p != null && people.stream().noneMatch(x -> x.id() == p.id())) {
            people.add(p);
        }
    }

    /** The deputies of these stand-ins, each once; null when there are none (the field is left out). */
    private static List<Person> deputiesOf(List<StandIn> standIns) {
        return standIns.isEmpty() ? null : standIns.stream().map(StandIn::deputy).distinct().toList();
    }

    /**
     * The reminder (독촉) of a document whose active step was due one at {@code due} (epoch milliseconds): to whoever
     * must still decide it, and their deputies today, and once it is overdue to its drafter too; null when nobody must
     * (it was decided meanwhile) or its approver put it on hold (보류). Its id is the same wherever it is made from the
     * same state and due time, so a reminder sent twice is told once.
     */
    public ReminderEvent reminder(ApprovalState state, long due, ReminderPolicy policy) {
        List<Person> waiting = pendingPeople(state);
        if (waiting.isEmpty() || state.progress().activeHold() != null) {
            return null;
        }
        Instant now = clock.instant();
        List<StandIn> standIns = standInsToday(state, waiting);
        String eventId = UUID.nameUUIDFromBytes((state.approvalId() + ":" + state.version() + ":reminder:" + due)
                .getBytes(StandardCharsets.UTF_8)).toString();
        long waited = policy.workingHours(state.activatedAt(), now);
        return new ReminderEvent(eventId, ReminderEvent.VERSION, now, state.approvalId(), state.title(), state.drafter(),
                state.progress().currentStep(), state.stepCount(), waiting, deputiesOf(standIns),
                state.activatedAt(), waited, null, standIns.isEmpty() ? null : standIns,
                policy.overdue(waited) ? Boolean.TRUE : null).atSequence(state.version());
    }

    /**
     * Someone who must decide now whose deputy the caller is today ({@code forWhom}, if the caller named them); null
     * if there is none.
     */
    private Person deputyFor(ApprovalState state, Caller caller, Long forWhom) {
        LocalDate today = today();
        for (Person p : pendingPeople(state)) {
            if (forWhom != null && p.id() != forWhom) {
                continue;
            }
            Optional<DelegationEvent> delegation = delegations.of(p.id());
            if (delegation.isPresent() && delegation.get().delegatesTo(caller.id(), today)) {
                return p;
            }
        }
        return null;
    }

    /** Whether the caller decides for someone on the line today (대결, 인수), or decided a step for someone. */
    private boolean standsInOnLine(ApprovalState state, Caller caller) {
        LocalDate today = today();
        boolean deputyToday = state.line().stream().flatMap(s -> s.people().stream())
                .anyMatch(p -> delegations.of(p.id()).map(d -> d.delegatesTo(caller.id(), today)).orElse(false));
        return deputyToday || decidedAsDeputy(state, caller.id()).isPresent();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
