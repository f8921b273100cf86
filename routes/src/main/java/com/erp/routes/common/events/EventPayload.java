package com.erp.routes.common.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The type-specific part of an {@link ApprovalEvent}. Every payload carries the drafter and title, so that
 * consumers (notification, record) need no lookups to act on it; every event from approval-processing also
 * carries the resulting {@link Progress}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface EventPayload {

    long drafterId();

    String title();

    /** A document was stored and submitted; its line is fixed from now on. */
    record Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                     Instant submittedAt) implements EventPayload {
    }

    /** A step became active: its approvers must act now. */
    record StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                         List<Person> approvers, Progress progress) implements EventPayload {
    }

    /** An approver decided a step. */
    record Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                   String comment, Progress progress) implements EventPayload {
    }

    /** The last step approved: the document is approved. */
    record Completed(long drafterId, String title, Person finalApprover, Progress progress) implements EventPayload {
    }

    /** A step rejected: the document is rejected and goes no further. */
    record Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress)
            implements EventPayload {
    }

    /**
     * The drafter withdrew the document (회수) at {@code step}: it goes no further. {@code approvers} are those it had
     * reached (the approvers who decided a step, and the one who had to act), who are told.
     */
    record Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                     Progress progress) implements EventPayload {
    }

    enum Decision { APPROVED, REJECTED }
}
