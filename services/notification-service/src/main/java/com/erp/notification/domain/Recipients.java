package com.erp.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import com.erp.notification.api.Notification;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.QuestEvent;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.events.StandIn;
import com.erp.routes.common.kafka.InvalidEventException;

/**
 * Who is told what about an approval event (bean {@code recipients}): the approvers of a step that becomes
 * active ("you have a document to approve") and the deputies deciding for them today (대결), an approver whose step
 * their deputy decided, the drafter about every decision and the final result, the agreers a disagreement left
 * undecided (합의) and their deputies today, and the approvers a document had reached when its drafter withdraws it, and the people of later steps it told of itself
 * (a line change, or a step sent back: {@code toldAhead}) when it ends before it reaches them; the people in cc (참조) when it starts along its
 * line and how it ends; the receivers (수신) when it is approved, and the heads of the departments it is sent to
 * (수신처: who heads each now, {@link #headOf}); the drafter of a leave document that asks for more
 * days than are left; those who must decide a step that waited too long (독촉), and its drafter when they left or once
 * it is overdue, and the superiors of whoever it waits on once it escalates; who is taken off or put on a line in progress (결재선 변경); the drafter when a receiver acknowledges
 * the document (접수), and the head of a receiving department when someone else of it did. A
 * notification's id is the event id and the recipient, so a redelivered event notifies nobody twice. What tells
 * someone where they stand on a document (asked, no longer waited for, off the line, withdrawn) carries the event's
 * sequence, so that a stale one arriving late from another topic is not told after a newer one; so does a reminder,
 * with the state it was made from, and a decision records where its maker stands. Nobody who left is told anything.
 */
public final class Recipients {

    /** Where someone stands once the document can change no more (a cancelled leave): after any state's version. */
    static final long FINAL_STANDING = 1L << 52; // exact as a Lua number (a double), which the store compares

    private final LongPredicate departed;
    private final Supplier<Map<Long, Person>> departmentHeads;

    /** Knowing nobody who left. */
    public Recipients() {
        this(id -> false, () -> null);
    }

    /**
     * @param departed whether someone left (퇴사): a reminder of a step waiting on them goes to the drafter instead
     * @param departmentHeads each department's head now, by id, from the org chart employee-service publishes; null
     *                        while none with heads is known (then the head a document kept from its submission)
     */
    public Recipients(LongPredicate departed, Supplier<Map<Long, Person>> departmentHeads) {
        this.departed = departed;
        this.departmentHeads = departmentHeads;
    }

    /**
     * Who heads a receiving department (수신처) now: a head who moved away since the document was submitted no longer
     * belongs to it (and cannot read it), the one who came can. Null when it has none.
     */
    private Person headOf(ReceivingDepartment department) {
        Map<Long, Person> heads = departmentHeads.get();
        return heads == null ? department.head() : heads.get(department.id());
    }

    /**
     * The notifications of a document's event, for the people still with the company; whoever made a decision (and
     * whom a deputy made it for) stands at its state from then on, so a reminder made before it that arrives late does
     * not ask them for it again.
     */
    public List<Delivery> notificationsFor(ApprovalEvent event) {
        List<Delivery> told = new ArrayList<>(toldOf(event));
        if (event.payload() instanceof EventPayload.Decided p) {
            told.add(Delivery.standingOnly(p.actor().id(), event.eventId() + ":decided:" + p.actor().id(),
                    event.approvalId(), event.sequence()));
            if (p.onBehalfOf() != null) {
                told.add(Delivery.standingOnly(p.onBehalfOf().id(), event.eventId() + ":decided:" + p.onBehalfOf().id(),
                        event.approvalId(), event.sequence()));
            }
        }
        return present(told);
    }

    /** Nobody who left (퇴사) is told anything: they can no longer sign in to read it, and their inbox lapses. */
    private List<Delivery> present(List<Delivery> told) {
        return told.stream().filter(d -> !departed.test(d.userId())).toList();
    }

    private List<Delivery> toldOf(ApprovalEvent event) {
        identified(event.eventId());
        EventPayload payload = event.payload();
        if (payload instanceof EventPayload.StepActivated p) {
            List<Delivery> told = new ArrayList<>();
            String asked = p.asksAgreement() ? "You are asked to agree (합의) to '%s' from %s (step %d of %d)."
                    : "You have a document to approve: '%s' from %s (step %d of %d).";
            p.approvers().forEach(a -> told.add(standing(event, a.id(), "APPROVAL_REQUESTED", p.drafter(), String.format(
                    asked, p.title(), p.drafter().name(), p.step(), p.stepCount()))));
            all(p.deputies()).forEach(d -> told.add(standing(event, d.id(), "APPROVAL_REQUESTED", p.drafter(), String.format(
                    succeeds(d, p.standIns())
                            ? "You decide for %s, who left (퇴사), whose decisions you took over (인수): '%s' from %s waits (step %d of %d)."
                            : "You decide for %s while they are away (대결): '%s' from %s waits (step %d of %d).",
                    forWhom(d, p.standIns(), p.approvers()), p.title(), p.drafter().name(), p.step(), p.stepCount()))));
            // an id of its own: someone in cc who is also asked (a deputy, say) gets both, not the first one only
            all(p.cc()).forEach(c -> told.add(new Delivery(c.id(), new Notification(event.eventId() + ":cc:" + c.id(),
                    "CC_RECEIVED", event.approvalId(), p.title(), String.format(
                    "%s put you in cc of '%s'; you will be told how it ends.", p.drafter().name(), p.title()),
                    p.drafter(), event.occurredAt(), null))));
            return told;
        }
        if (payload instanceof EventPayload.Decided p && p.decision() == EventPayload.Decision.RETRACTED) {
            return retracted(event, p);
        }
        if (payload instanceof EventPayload.Decided p && p.decision() == EventPayload.Decision.RETURNED) {
            return returned(event, p);
        }
        if (payload instanceof EventPayload.Decided p && p.decision() == EventPayload.Decision.HELD) {
            return held(event, p);
        }
        if (payload instanceof EventPayload.Decided p) {
            boolean approved = p.decision() != EventPayload.Decision.REJECTED && p.decision() != EventPayload.Decision.DISAGREED;
            String message = switch (p.decision()) {
                case APPROVED -> String.format("%s approved step %d of %d of '%s'.", p.actor().name(), p.step(),
                        p.stepCount(), p.title());
                case APPROVED_FINAL -> String.format("%s approved '%s' with final authority (전결) at step %d of %d; "
                        + "the later steps are skipped.", p.actor().name(), p.title(), p.step(), p.stepCount());
                case REJECTED -> String.format("%s rejected '%s' at step %d: %s", p.actor().name(), p.title(), p.step(),
                        p.comment());
                case AGREED -> String.format("%s agreed (합의) to '%s' at step %d of %d.", p.actor().name(), p.title(),
                        p.step(), p.stepCount());
                case DISAGREED -> String.format("%s disagreed (합의) with '%s' at step %d: %s", p.actor().name(), p.title(),
                        p.step(), p.comment());
                case RETRACTED, RETURNED, HELD -> throw new IllegalStateException("told by retracted(), returned() or held()");
            };
            String by = p.onBehalfOf() == null ? "" : String.format(" (대결, for %s)", p.onBehalfOf().name());
            List<Delivery> told = new ArrayList<>();
            told.add(delivery(event, p.drafterId(), approved ? "STEP_APPROVED" : "STEP_REJECTED", p.actor(), message + by));
            if (p.onBehalfOf() != null) {
                told.add(delivery(event, p.onBehalfOf().id(), "DECIDED_FOR_YOU", p.actor(), String.format(
                        "%s %s '%s' for you at step %d while you are away%s", p.actor().name(),
                        switch (p.decision()) {
                            case AGREED -> "agreed to";
                            case DISAGREED -> "disagreed with";
                            case REJECTED -> "rejected";
                            default -> "approved";
                        }, p.title(), p.step(),
                        p.comment() == null ? "." : ": " + p.comment())));
            }
            toldTheirDeputy(event, p, told);
            return told;
        }
        if (payload instanceof EventPayload.Completed p) {
            List<Delivery> told = new ArrayList<>(toDrafterAndCc(event, p.drafterId(), p.cc(), "APPROVAL_COMPLETED",
                    p.finalApprover(), String.format("'%s' is approved.", p.title())));
            all(p.receivers()).forEach(r -> told.add(delivery(event, r.id(), "DOCUMENT_RECEIVED", p.finalApprover(),
                    String.format("'%s' is approved and sent to you (수신); acknowledge it (접수) once you have it in hand.",
                            p.title()))));
            // told by a line change that it would come to them, or asked and sent back since: 전결 ended it first
            all(p.toldAhead()).forEach(a -> told.add(delivery(event, a.id(), "APPROVAL_COMPLETED", p.finalApprover(),
                    String.format("'%s' is approved with final authority (전결) before your step; it needs nothing more "
                            + "from you.", p.title()))));
            // 수신처: the head of each department it is sent to, unless told already (drafter, cc, receiver)
            java.util.Set<Long> toldAlready = new java.util.HashSet<>();
            told.forEach(d -> toldAlready.add(d.userId()));
            for (ReceivingDepartment d : all(p.receivingDepartments())) {
                Person head = headOf(d);
                if (head != null && toldAlready.add(head.id())) {
                    told.add(delivery(event, head.id(), "DOCUMENT_RECEIVED", p.finalApprover(), String.format(
                            "'%s' is approved and sent to %s (수신처); someone of it acknowledges it (접수) for the "
                                    + "department.", p.title(), d.name())));
                }
            }
            // where they stand: not told once they heard of the leave's cancellation, which can arrive first
            return told.stream().map(t -> t.standingAt(event.sequence())).toList();
        }
        if (payload instanceof EventPayload.Rejected p) {
            List<Delivery> told = new ArrayList<>(toDrafterAndCc(event, p.drafterId(), p.cc(), "APPROVAL_REJECTED",
                    p.actor(), String.format("'%s' is rejected: %s", p.title(), p.reason())));
            // a 합의 disagreed: its agreers still to decide, asked with the others, are asked no more
            if (p.progress() != null && p.step() >= 1 && p.step() <= p.progress().steps().size()) {
                all(p.progress().steps().get(p.step() - 1).agreements()).stream()
                        .filter(a -> a.status() == Progress.StepStatus.SKIPPED)
                        .forEach(a -> told.add(standing(event, a.agreer().id(), "APPROVAL_REJECTED", p.actor(),
                                String.format("'%s' is rejected: %s disagreed at its 합의; it needs nothing from you "
                                        + "any more.", p.title(), p.actor().name()))));
            }
            // and whoever decides for one of them today (대결), asked too: once, naming each they stand in for
            Map<Long, List<StandIn>> byDeputy = new java.util.LinkedHashMap<>();
            all(p.standIns()).forEach(s -> byDeputy.computeIfAbsent(s.deputy().id(), id -> new ArrayList<>()).add(s));
            // (an id of its own: a deputy also in cc is told as cc too, and keeps both)
            byDeputy.forEach((deputy, theirs) -> told.add(new Delivery(deputy, new Notification(
                    event.eventId() + ":for:" + deputy, "APPROVAL_REJECTED", event.approvalId(), p.title(), String.format(
                    "'%s' is rejected: %s disagreed at its 합의; it needs nothing from you for %s any more.", p.title(),
                    p.actor().name(), theirs.stream().map(s -> s.approver().name())
                            .collect(java.util.stream.Collectors.joining(", "))), p.actor(), event.occurredAt(), null))
                    .standingAt(event.sequence())));
            // on a later step and told of it (a line change; asked, then sent back): it ends first
            all(p.toldAhead()).forEach(a -> told.add(standing(event, a.id(), "APPROVAL_REJECTED", p.actor(), String.format(
                    "'%s' is rejected at step %d, before your step; it needs nothing more from you.", p.title(),
                    p.step()))));
            return told;
        }
        if (payload instanceof EventPayload.Withdrawn p) {
            String message = p.reason() == null
                    ? String.format("%s withdrew '%s'; it needs nothing more from you.", p.drafter().name(), p.title())
                    : String.format("%s withdrew '%s'; it needs nothing more from you. Reason: %s", p.drafter().name(),
                    p.title(), p.reason());
            List<Delivery> told = new ArrayList<>();
            p.approvers().forEach(a -> told.add(standing(event, a.id(), "APPROVAL_WITHDRAWN", p.drafter(), message)));
            // on a later step and told of it (a line change; asked, then sent back)
            all(p.toldAhead()).forEach(a -> told.add(standing(event, a.id(), "APPROVAL_WITHDRAWN", p.drafter(), message)));
            all(p.cc()).forEach(c -> told.add(delivery(event, c.id(), "APPROVAL_WITHDRAWN", p.drafter(),
                    p.reason() == null ? String.format("%s withdrew '%s'.", p.drafter().name(), p.title())
                            : String.format("%s withdrew '%s'. Reason: %s", p.drafter().name(), p.title(), p.reason()))));
            return told;
        }
        if (payload instanceof EventPayload.Commented p) {
            String text = p.text().codePointCount(0, p.text().length()) > 200
                    ? p.text().substring(0, p.text().offsetByCodePoints(0, 200)) + "…" : p.text();
            // the audience, and the heads now of the receiving departments nobody acknowledged it for yet
            Map<Long, Person> audience = new java.util.LinkedHashMap<>();
            all(p.audience()).forEach(a -> audience.putIfAbsent(a.id(), a));
            all(p.departments()).stream().map(this::headOf)
                    .filter(h -> h != null && h.id() != p.author().id()).forEach(h -> audience.putIfAbsent(h.id(), h));
            return audience.values().stream().map(a -> delivery(event, a.id(), "COMMENT_ADDED", p.author(),
                    String.format("%s commented on '%s': %s", p.author().name(), p.title(), text))).toList();
        }
        if (payload instanceof EventPayload.LineChanged p) {
            return lineChanged(event, p);
        }
        if (payload instanceof EventPayload.Received p) {
            return received(event, p);
        }
        if (payload instanceof EventPayload.LeaveCancelled p) {
            return leaveCancelled(event, p);
        }
        if (payload instanceof EventPayload.LeaveRefused p) {
            return List.of(delivery(event, p.drafterId(), "LEAVE_REFUSED", null,
                    String.format("'%s' is rejected before it reached anyone: %s", p.title(), p.reason())));
        }
        if (payload instanceof EventPayload.Refused p) {
            return List.of(delivery(event, p.drafterId(), "APPROVAL_REJECTED", null,
                    String.format("'%s' is rejected before it reached anyone: it could not start along its line (%s)",
                            p.title(), p.reason())));
        }
        return List.of();
    }

    /**
     * 결재선 변경: who is off the line learns they need do nothing more; who is new on a step not reached yet, that it
     * will come to them (the new people of the active step are told by its activation, which follows).
     */
    private List<Delivery> lineChanged(ApprovalEvent event, EventPayload.LineChanged p) {
        String why = p.reason() == null ? "." : ". Reason: " + p.reason();
        List<Delivery> told = new ArrayList<>();
        all(p.removed()).forEach(r -> told.add(standing(event, r.id(), "LINE_CHANGED", p.drafter(), String.format(
                "%s took you off the approval line of '%s'; it needs nothing from you any more%s", p.drafter().name(),
                p.title(), why))));
        Integer current = p.progress().currentStep();
        // whom the active step waited for, now on a later step: it does not wait for them any more, yet; and who
        // decided for one of them while away (대결, not on the line): nor for them
        for (Person r : all(p.released())) {
            if (all(p.removed()).stream().anyMatch(x -> x.id() == r.id())) {
                continue; // told they are off it
            }
            int step = stepOf(p, r);
            told.add(standing(event, r.id(), "LINE_CHANGED", p.drafter(), step == 0
                    ? String.format("%s changed the approval line of '%s': it no longer waits for a decision you "
                    + "would make for someone away (대결)%s", p.drafter().name(), p.title(), why)
                    : String.format("%s moved you to step %d of %d of '%s'; you will be asked when it reaches you%s",
                    p.drafter().name(), step, p.line().size(), p.title(), why)));
        }
        for (Person a : all(p.added())) {
            int step = stepOf(p, a);
            if (current == null || step != current) {
                told.add(standing(event, a.id(), "LINE_CHANGED", p.drafter(), String.format(
                        "%s put you on the approval line of '%s' at step %d of %d; you will be asked when it reaches you%s",
                        p.drafter().name(), p.title(), step, p.line().size(), why)));
            }
        }
        return told;
    }

    /** The step of the changed line this person is on (0 if none). */
    private static int stepOf(EventPayload.LineChanged p, Person person) {
        return p.line().stream().filter(s -> s.people().stream().anyMatch(x -> x.id() == person.id()))
                .mapToInt(LineStep::step).findFirst().orElse(0);
    }

    /**
     * 결재 취소: the drafter learns the step waits for its approver again; the next step's people, that it no longer
     * waits for them (the step's activation, which follows, tells its approver).
     */
    private List<Delivery> retracted(ApprovalEvent event, EventPayload.Decided p) {
        String why = p.comment() == null ? "." : ". Reason: " + p.comment();
        String by = p.onBehalfOf() == null ? "" : String.format(" (대결, for %s)", p.onBehalfOf().name());
        List<Delivery> told = new ArrayList<>();
        told.add(delivery(event, p.drafterId(), "APPROVAL_RETRACTED", p.actor(), String.format(
                "%s took back their approval of step %d of '%s'%s; the step waits for a decision again%s",
                p.actor().name(), p.step(), p.title(), by, why)));
        if (p.onBehalfOf() != null) {
            // stands with the step's activation (one later, another topic), which asks them again: read first, it
            // must not make this older news than it
            told.add(delivery(event, p.onBehalfOf().id(), "APPROVAL_RETRACTED", p.actor(), String.format(
                    "%s took back the approval of step %d of '%s' they made for you while you are away (대결); "
                            + "it waits for a decision again%s", p.actor().name(), p.step(), p.title(), why))
                    .standingAt(event.sequence() + 1));
        }
        all(p.released()).forEach(r -> told.add(standing(event, r.id(), "APPROVAL_RETRACTED", p.actor(), String.format(
                "%s took back their approval of step %d of '%s'; it no longer waits for you%s", p.actor().name(),
                p.step(), p.title(), why))));
        return told;
    }

    /**
     * 전단계 반려: the drafter learns the document went back a step and why; the people of that step, that it is
     * theirs to decide again and why (the step's activation, which follows, asks them as usual); the absent approver,
     * that their deputy did it.
     */
    private List<Delivery> returned(ApprovalEvent event, EventPayload.Decided p) {
        List<Delivery> told = new ArrayList<>();
        String by = p.onBehalfOf() == null ? "" : String.format(" (대결, for %s)", p.onBehalfOf().name());
        told.add(delivery(event, p.drafterId(), "APPROVAL_RETURNED", p.actor(), String.format(
                "%s%s sent '%s' back from step %d to step %d: %s", p.actor().name(), by, p.title(), p.step(),
                p.step() - 1, p.comment())));
        // where the step's activation (one later, another topic, which asks them again) stands: read first, it must
        // not drop the reason it came back as older news
        all(p.returnedTo()).forEach(r -> told.add(delivery(event, r.id(), "APPROVAL_RETURNED", p.actor(), String.format(
                "%s sent '%s' back to you (step %d) to decide again: %s", p.actor().name(), p.title(), p.step() - 1,
                p.comment())).standingAt(event.sequence() + 1)));
        if (p.onBehalfOf() != null) {
            told.add(delivery(event, p.onBehalfOf().id(), "DECIDED_FOR_YOU", p.actor(), String.format(
                    "%s sent '%s' back to step %d for you while you are away: %s", p.actor().name(), p.title(),
                    p.step() - 1, p.comment())));
        }
        toldTheirDeputy(event, p, told);
        return told;
    }

    /**
     * An approver (or agreer) who decided their step themselves while someone decides for them today (대결): that
     * deputy, whose inbox had it too, learns it needs nothing from them, rather than finding it gone.
     */
    private static void toldTheirDeputy(ApprovalEvent event, EventPayload.Decided p, List<Delivery> told) {
        if (p.standIns() == null || p.standIns().isEmpty()) {
            return;
        }
        String what = switch (p.decision()) {
            case APPROVED -> "approved";
            case APPROVED_FINAL -> "approved with final authority, 전결";
            case REJECTED -> "rejected";
            case AGREED -> "agreed, 합의";
            case DISAGREED -> "disagreed, 합의";
            case RETURNED -> "sent back to step " + (p.step() - 1);
            // the step stays theirs (보류), or it was not this step's (결재 취소): the event names no deputy
            case RETRACTED, HELD -> throw new IllegalStateException("told by retracted() or held()");
        };
        p.standIns().forEach(s -> told.add(standing(event, s.deputy().id(), "APPROVER_DECIDED", p.actor(),
                String.format("%s decided step %d of '%s' themselves (%s); it needs nothing from you for them any more.",
                        p.actor().name(), p.step(), p.title(), what))));
    }

    /** 보류: the drafter learns that the step is on hold and why (so they can answer it), and an absent approver too. */
    private List<Delivery> held(ApprovalEvent event, EventPayload.Decided p) {
        List<Delivery> told = new ArrayList<>();
        String by = p.onBehalfOf() == null ? "" : String.format(" (대결, for %s)", p.onBehalfOf().name());
        told.add(delivery(event, p.drafterId(), "STEP_HELD", p.actor(), String.format(
                "%s%s put '%s' on hold (보류) at step %d of %d: %s", p.actor().name(), by, p.title(), p.step(),
                p.stepCount(), p.comment())));
        if (p.onBehalfOf() != null) {
            told.add(delivery(event, p.onBehalfOf().id(), "DECIDED_FOR_YOU", p.actor(), String.format(
                    "%s put '%s' on hold (보류) at step %d for you while you are away: %s", p.actor().name(), p.title(),
                    p.step(), p.comment())));
        }
        return told;
    }

    /**
     * Whom a deputy decides for, as the event names them; an event from before {@code standIns} only says it is one
     * of the step's people.
     */
    private static String forWhom(Person deputy, List<StandIn> standIns, List<Person> people) {
        if (standIns != null) {
            List<String> names = standIns.stream().filter(s -> s.deputy().id() == deputy.id())
                    .map(s -> s.approver().name()).toList();
            if (!names.isEmpty()) {
                return String.join(" and ", names);
            }
        }
        return people.size() == 1 ? people.get(0).name()
                : "one of " + String.join(", ", people.stream().map(Person::name).toList());
    }

    private static <T> List<T> all(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static List<Delivery> toDrafterAndCc(ApprovalEvent event, long drafterId, List<Person> cc, String type,
                                                 Person actor, String message) {
        List<Delivery> told = new ArrayList<>();
        told.add(delivery(event, drafterId, type, actor, message));
        all(cc).forEach(c -> told.add(delivery(event, c.id(), type, actor, message)));
        return told;
    }

    /**
     * A notification's id, which tells it once (a redelivered event is not told again), is made of its event's id: an
     * event without one would be taken for every other without one. A dead letter, with the reason.
     */
    private static void identified(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidEventException("an event without an eventId: its notifications could not be told once");
        }
    }

    private static Delivery delivery(ApprovalEvent event, long userId, String type, Person actor, String message) {
        return new Delivery(userId, new Notification(event.eventId() + ":" + userId, type, event.approvalId(),
                event.payload().title(), message, actor, event.occurredAt(), null));
    }

    /**
     * A notification that tells its recipient where they stand on the document as of this event (asked, no longer
     * waited for, off the line): not told after one of a later state of the document (Delivery#standing).
     */
    private static Delivery standing(ApprovalEvent event, long userId, String type, Person actor, String message) {
        return delivery(event, userId, type, actor, message).standingAt(event.sequence());
    }

    /**
     * 독촉: whoever must still decide a step that waited too long, or whose drafter asks for a decision, is reminded,
     * and so is each deputy deciding for them today. The notification's id is the reminder's and the recipient, as for the other events.
     */
    public List<Delivery> reminderNotificationsFor(ReminderEvent event) {
        List<Delivery> told = present(remindersOf(event));
        // made from a state: not told to someone told of a later one meanwhile (withdrawn, taken off, decided)
        return event.sequence() == null ? told : told.stream().map(d -> d.standingAt(event.sequence())).toList();
    }

    private List<Delivery> remindersOf(ReminderEvent event) {
        identified(event.eventId());
        List<Delivery> told = new ArrayList<>();
        String waited = event.workingHours() == 1 ? "1 working hour" : event.workingHours() + " working hours";
        // the drafter's own reminder says they asked; the periodic one only how long it waited
        String opening = event.requestedBy() == null ? "Reminder (독촉): "
                : event.requestedBy().name() + " asks for a decision (독촉): ";
        List<String> left = new ArrayList<>();
        for (Person p : event.waitingOn()) {
            if (departed.test(p.id())) {
                if (!hasStandIn(p, event.standIns())) {
                    left.add(p.name()); // nobody decides it there: the drafter is told instead (below)
                }
                continue; // nobody reads it there; their successor (인수) is reminded with the deputies
            }
            told.add(reminder(event, p.id(), String.format("%s'%s' from %s has waited %s for your decision "
                    + "(step %d of %d).", opening, event.title(), event.drafter().name(), waited, event.step(),
                    event.stepCount())));
        }
        if (!left.isEmpty()) {
            // its own id: the drafter may also be told of the same reminder as someone's deputy
            told.add(new Delivery(event.drafter().id(), new Notification(event.eventId() + ":left:" + event.drafter().id(),
                    "APPROVER_LEFT", event.approvalId(), event.title(), String.format("'%s' waits for %s, who left "
                    + "(퇴사), at step %d of %d: nobody will decide it there. Put someone else on the step (결재선 변경), "
                    + "or withdraw it (회수) and resubmit it (재기안).", event.title(), String.join(", ", left),
                    event.step(), event.stepCount()), event.drafter(), event.occurredAt(), null)));
        } else if (Boolean.TRUE.equals(event.overdue()) && event.requestedBy() == null) {
            // overdue: the drafter may do something about it (someone who left is told above, in those words)
            told.add(new Delivery(event.drafter().id(), new Notification(event.eventId() + ":overdue:" + event.drafter().id(),
                    "APPROVAL_OVERDUE", event.approvalId(), event.title(), String.format("'%s' has waited %s at step %d "
                    + "of %d for %s. Remind them (독촉), put someone else on the step (결재선 변경), or withdraw it (회수).",
                    event.title(), waited, event.step(), event.stepCount(), String.join(", ",
                            event.waitingOn().stream().map(Person::name).toList())), null, event.occurredAt(), null)));
        }
        for (Person d : all(event.deputies())) {
            String why = succeeds(d, event.standIns()) ? ", who left (퇴사), whose decisions you took over (인수"
                    : ", for whom you decide while they are away (대결";
            told.add(reminder(event, d.id(), String.format("%s'%s' from %s has waited %s for %s%s; step %d of %d).",
                    opening, event.title(), event.drafter().name(), waited,
                    forWhom(d, event.standIns(), event.waitingOn()), why, event.step(), event.stepCount())));
        }
        // escalated: the superiors of whoever it waits on
        for (Person superior : all(event.escalatedTo())) {
            told.add(new Delivery(superior.id(), new Notification(event.eventId() + ":escalated:" + superior.id(),
                    "APPROVAL_ESCALATED", event.approvalId(), event.title(), String.format("'%s' from %s has waited %s "
                    + "at step %d of %d for %s; you are told as the superior (상위자) of whoever it waits on. You may read it "
                    + "and comment (의견).",
                    event.title(), event.drafter().name(), waited, event.step(), event.stepCount(),
                    String.join(", ", event.waitingOn().stream().map(Person::name).toList())), event.drafter(),
                    event.occurredAt(), null)));
        }
        return told;
    }

    /** Whether someone decides for {@code approver} today (a deputy, or the successor of someone who left). */
    private static boolean hasStandIn(Person approver, List<StandIn> standIns) {
        return standIns != null && standIns.stream().anyMatch(s -> s.approver().id() == approver.id());
    }

    /** Whether {@code deputy} stands in only for people who left: their successor (인수), not a deputy while away. */
    private boolean succeeds(Person deputy, List<StandIn> standIns) {
        List<StandIn> theirs = standIns == null ? List.of()
                : standIns.stream().filter(s -> s.deputy().id() == deputy.id()).toList();
        return !theirs.isEmpty() && theirs.stream().allMatch(s -> departed.test(s.approver().id()));
    }

    private static Delivery reminder(ReminderEvent event, long userId, String message) {
        return new Delivery(userId, new Notification(event.eventId() + ":" + userId, "APPROVAL_REMINDER",
                event.approvalId(), event.title(), message, event.drafter(), event.occurredAt(), null));
    }

    /**
     * Who is told about a quest's change: its poster when it is taken, reported done or given up (reported done, the
     * administrators instead when the poster no longer reviews quests); its assignee when
     * it is approved (with the reward), sent back or called off; an administrator calling it off also tells the
     * poster. Nobody is told of their own change.
     */
    public List<Delivery> questNotificationsFor(QuestEvent event) {
        return present(questsOf(event));
    }

    private List<Delivery> questsOf(QuestEvent event) {
        identified(event.eventId());
        QuestEvent.Type type;
        try {
            type = QuestEvent.Type.valueOf(String.valueOf(event.type()));
        } catch (IllegalArgumentException unknown) {
            // not worth retrying: straight to the dead-letter topic, with the reason
            throw new InvalidEventException("a quest event of an unknown type: " + event.type());
        }
        Person actor = event.actor();
        String who = actor.name();
        String title = event.title();
        List<Delivery> told = new ArrayList<>();
        switch (type) {
            case TAKEN -> quest(told, event, event.posterId(), "QUEST_TAKEN",
                    String.format("%s took your quest '%s'.", who, title));
            case REPORTED -> {
                if (event.reviewers() == null || event.reviewers().isEmpty()) {
                    quest(told, event, event.posterId(), "QUEST_REPORTED", event.note() == null
                            ? String.format("%s reported '%s' done; it waits for your review.", who, title)
                            : String.format("%s reported '%s' done; it waits for your review: %s", who, title,
                            event.note()));
                } else {
                    // its poster no longer reviews quests (left, or no longer a manager): the administrators do
                    String report = event.note() == null ? "" : ": " + event.note();
                    event.reviewers().forEach(r -> quest(told, event, r, "QUEST_REPORTED", String.format(
                            "%s reported '%s' done; its poster no longer reviews quests, so it waits for an "
                                    + "administrator's review in their place%s", who, title, report)));
                }
            }
            case GIVEN_UP -> quest(told, event, event.posterId(), "QUEST_GIVEN_UP",
                    String.format("%s gave up '%s'; it is open again.", who, title));
            case APPROVED -> quest(told, event, event.assigneeId(), "QUEST_APPROVED",
                    event.paidDays() == null || event.paidDays() >= event.rewardDays()
                            ? String.format("%s approved '%s': %s leave day(s) earned.", who, title, days(event.rewardDays()))
                            : String.format("%s approved '%s': %s of its %s leave day(s) earned; your quest rewards of "
                            + "the year reached the yearly limit.", who, title, days(event.paidDays()),
                            days(event.rewardDays())));
            case SENT_BACK -> quest(told, event, event.assigneeId(), "QUEST_SENT_BACK",
                    String.format("%s sent '%s' back: %s", who, title, event.note()));
            case CANCELLED -> {
                String message = String.format("%s called off '%s'.", who, title);
                quest(told, event, event.assigneeId(), "QUEST_CANCELLED", message);
                quest(told, event, event.posterId(), "QUEST_CANCELLED", message);
            }
        }
        return told;
    }

    private static void quest(List<Delivery> told, QuestEvent event, Long userId, String type, String message) {
        if (userId == null || userId == event.actor().id()) {
            return;
        }
        told.add(new Delivery(userId, new Notification(event.eventId() + ":" + userId, type, null, event.title(), message,
                event.actor(), event.occurredAt(), event.questId())));
    }

    private static String days(double days) {
        return days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
    }

    /**
     * 휴가 취소: the people the approved leave had reached learn it will not be taken, with the reason if one was given;
     * its drafter, when an administrator cancelled it, that it is cancelled and the days are theirs again.
     */
    private List<Delivery> leaveCancelled(ApprovalEvent event, EventPayload.LeaveCancelled p) {
        Leave leave = p.leave();
        String when = leave == null ? "" : leave.startDate().equals(leave.endDate()) ? " (" + leave.startDate() + ")"
                : " (" + leave.startDate() + " to " + leave.endDate() + ")";
        String why = p.reason() == null ? "" : " Reason: " + p.reason();
        // whom it had reached, and the heads now of the receiving departments nobody acknowledged it for
        Map<Long, Person> told = new java.util.LinkedHashMap<>();
        all(p.told()).forEach(t -> told.putIfAbsent(t.id(), t));
        all(p.departments()).stream().map(this::headOf).filter(java.util.Objects::nonNull)
                .forEach(h -> told.putIfAbsent(h.id(), h));
        // A cancelled leave is final: it stands after every state of the document, so an approval.completed consumed
        // late (another topic) does not tell them afterwards that the leave is approved. Not its event's sequence + 1:
        // approval-request may cancel once it recorded the final decision, before the completion (one later) arrived.
        long after = FINAL_STANDING;
        List<Delivery> deliveries = new ArrayList<>(told.values().stream().filter(t -> t.id() != p.cancelledBy().id())
                .map(t -> delivery(event, t.id(), "LEAVE_CANCELLED", p.cancelledBy(), t.id() == p.drafterId()
                        ? String.format("%s cancelled your leave '%s'%s; its days are yours again.%s",
                        p.cancelledBy().name(), p.title(), when, why)
                        : String.format("%s cancelled the leave '%s'%s.%s", p.cancelledBy().name(), p.title(), when, why))
                        .standingAt(after))
                .toList());
        // who cancelled it is told nothing of it, nor afterwards of its approval consumed late
        deliveries.add(Delivery.standingOnly(p.cancelledBy().id(), event.eventId() + ":" + p.cancelledBy().id(),
                event.approvalId(), after));
        return deliveries;
    }

    /**
     * 접수: the drafter learns who acknowledged the document, and for which department (수신처); the department's head
     * (now), told when it was sent to them, learns who took it in hand, unless they took it themselves (or drafted it).
     */
    private List<Delivery> received(ApprovalEvent event, EventPayload.Received p) {
        List<Delivery> told = new ArrayList<>();
        boolean own = p.receivedBy().id() == p.drafterId(); // a drafter of the department it is sent to: nobody to tell
        if (p.department() == null) {
            told.add(delivery(event, p.drafterId(), "DOCUMENT_ACKNOWLEDGED", p.receivedBy(), String.format(
                    "%s acknowledged (접수) '%s'.", p.receivedBy().name(), p.title())));
            return told;
        }
        if (!own) {
            told.add(delivery(event, p.drafterId(), "DOCUMENT_ACKNOWLEDGED", p.receivedBy(), String.format(
                    "%s acknowledged (접수) '%s' for %s (수신처).", p.receivedBy().name(), p.title(),
                    p.department().name())));
        }
        Person head = headOf(p.department());
        if (head != null && head.id() != p.receivedBy().id() && head.id() != p.drafterId()) {
            told.add(delivery(event, head.id(), "DOCUMENT_ACKNOWLEDGED", p.receivedBy(), String.format(
                    "%s acknowledged (접수) '%s' for %s, which you head.",
                    p.receivedBy().name(), p.title(), p.department().name())));
        }
        return told;
    }

}
