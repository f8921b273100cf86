package com.erp.routes.common.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A document's active step has waited too long (topic {@code erp.topics.reminded}, key = the document's id): the
 * people who must still decide it, and their deputies for today (대결), are reminded (독촉). approval-processing sends
 * it when the step has waited {@code erp.approval-processing.reminders.after} of working time, then again every
 * {@code repeat}, and when the drafter asks for it. Not part of the document's history: nothing about the document changed. Two instances sending the
 * same reminder send the same {@code eventId}, so it is told once.
 *
 * @param waitingOn    who must still decide the step (its approver, or the agreers who have not yet)
 * @param deputies     who may decide for them today; null when nobody is
 * @param waitingSince when the step became active
 * @param workingHours how many working hours it has waited (whole hours, rounded down)
 * @param requestedBy  the drafter, when they asked for it now (POST /api/approvals/{id}/reminder); null when it is
 *                     the periodic one
 * @param standIns     the deputies, each with the person they decide for; null when nobody is
 * @param overdue      true when the step has waited {@code erp.approval-processing.reminders.overdue-after} of working
 *                     time or more (its drafter is told too); null otherwise, and on the drafter's own reminder
 * @param escalatedTo  the superiors of those it waits on (by {@link ReportingLines}), told once the step has waited
 *                     {@code erp.approval-processing.reminders.escalate-after} of working time; they may read the
 *                     document from then on. Null when nobody is (not yet, none known, or the drafter's own reminder)
 * @param sequence     the document's state version the reminder was made from (as {@link ApprovalEvent#sequence()}):
 *                     a reminder arriving after news of a later state (withdrawn, taken off the line, decided) is not
 *                     told then; null from a sender that did not say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                            Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                            Instant waitingSince, long workingHours, Person requestedBy, List<StandIn> standIns,
                            Boolean overdue, List<Person> escalatedTo, Long sequence) {

    public static final int VERSION = 1;

    public ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                         Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                         Instant waitingSince, long workingHours, Person requestedBy, List<StandIn> standIns,
                         Boolean overdue, List<Person> escalatedTo) {
        this(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn, deputies,
                waitingSince, workingHours, requestedBy, standIns, overdue, escalatedTo, null);
    }

    /** The same reminder, made from the document's state {@code version}. */
    public ReminderEvent atSequence(long stateVersion) {
        return new ReminderEvent(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn,
                deputies, waitingSince, workingHours, requestedBy, standIns, overdue, escalatedTo, stateVersion);
    }

    public ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                         Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                         Instant waitingSince, long workingHours, Person requestedBy, List<StandIn> standIns,
                         Boolean overdue) {
        this(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn, deputies,
                waitingSince, workingHours, requestedBy, standIns, overdue, null);
    }

    /** The same reminder, escalated to these people (none: as it is). */
    public ReminderEvent withEscalation(List<Person> superiors) {
        return superiors == null || superiors.isEmpty() ? this : new ReminderEvent(eventId, version, occurredAt,
                approvalId, title, drafter, step, stepCount, waitingOn, deputies, waitingSince, workingHours,
                requestedBy, standIns, overdue, List.copyOf(superiors), sequence);
    }

    public ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                         Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                         Instant waitingSince, long workingHours, Person requestedBy, List<StandIn> standIns) {
        this(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn, deputies,
                waitingSince, workingHours, requestedBy, standIns, null);
    }

    public ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                         Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                         Instant waitingSince, long workingHours, Person requestedBy) {
        this(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn, deputies,
                waitingSince, workingHours, requestedBy, null, null);
    }

    /** The periodic reminder. */
    public ReminderEvent(String eventId, int version, Instant occurredAt, String approvalId, String title,
                         Person drafter, int step, int stepCount, List<Person> waitingOn, List<Person> deputies,
                         Instant waitingSince, long workingHours) {
        this(eventId, version, occurredAt, approvalId, title, drafter, step, stepCount, waitingOn, deputies,
                waitingSince, workingHours, null, null, null);
    }
}
