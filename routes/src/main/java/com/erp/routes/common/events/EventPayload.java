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

    /** A document was stored and submitted; its line is fixed from now on. {@code cc}: 참조, the people kept informed. */
    record Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                     Instant submittedAt, List<Person> cc) implements EventPayload {

        public Submitted(long drafterId, String title, Person drafter, String documentType, List<LineStep> line,
                         Instant submittedAt) {
            this(drafterId, title, drafter, documentType, line, submittedAt, null);
        }
    }

    /**
     * A step became active: its approvers must act now. The first activation, when the document starts along its line,
     * carries the people in {@code cc}, who are told then.
     */
    record StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                         List<Person> approvers, Progress progress, List<Person> cc) implements EventPayload {

        public StepActivated(long drafterId, String title, Person drafter, int step, int stepCount,
                             List<Person> approvers, Progress progress) {
            this(drafterId, title, drafter, step, stepCount, approvers, progress, null);
        }
    }

    /** An approver decided a step. */
    record Decided(long drafterId, String title, int step, int stepCount, Person actor, Decision decision,
                   String comment, Progress progress) implements EventPayload {
    }

    /** The last step approved: the document is approved. {@code cc} are told, like the drafter. */
    record Completed(long drafterId, String title, Person finalApprover, Progress progress, List<Person> cc)
            implements EventPayload {

        public Completed(long drafterId, String title, Person finalApprover, Progress progress) {
            this(drafterId, title, finalApprover, progress, null);
        }
    }

    /** A step rejected: the document is rejected and goes no further. {@code cc} are told, like the drafter. */
    record Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress,
                    List<Person> cc) implements EventPayload {

        public Rejected(long drafterId, String title, int step, Person actor, String reason, Progress progress) {
            this(drafterId, title, step, actor, reason, progress, null);
        }
    }

    /**
     * The drafter withdrew the document (회수) at {@code step}: it goes no further. {@code approvers} are those it had
     * reached (the approvers who decided a step, and the one who had to act), who are told, as are {@code cc}.
     */
    record Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                     Progress progress, List<Person> cc) implements EventPayload {

        public Withdrawn(long drafterId, String title, Person drafter, int step, List<Person> approvers, String reason,
                         Progress progress) {
            this(drafterId, title, drafter, step, approvers, reason, progress, null);
        }
    }

    enum Decision { APPROVED, REJECTED }
}
