package com.erp.routes.common.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * approval-processing's state of a document after an event: its status, the step that must act, and each
 * step's status. Every processing event carries it, so a consumer can apply the newest snapshot (highest
 * {@link ApprovalEvent#sequence()}) and ignore older ones, whatever order events of different topics arrive in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(Status status, Integer currentStep, List<StepProgress> steps) {

    public enum Status { IN_PROGRESS, APPROVED, REJECTED, WITHDRAWN }

    public enum StepStatus { WAITING, PENDING, APPROVED, REJECTED, SKIPPED }

    /**
     * A document rejected before anyone on its {@code line} was asked (a leave the ledger refused, a submission
     * processing refused): every step SKIPPED.
     */
    public static Progress rejectedBeforeAnyone(List<LineStep> line) {
        return new Progress(Status.REJECTED, null,
                line.stream().map(step -> new StepProgress(step.step(), StepStatus.SKIPPED, null, null)).toList());
    }

    /** The hold (보류) on the active step; null when it is not on hold, or nothing is active. */
    public Hold activeHold() {
        return status != Status.IN_PROGRESS || currentStep == null ? null : steps.get(currentStep - 1).hold();
    }

    /**
     * {@code deputy}: who decided the step for its approver (대결); null when the approver decided it, or nobody.
     * {@code agreements}: on a 합의 step, each agreer's part, in the line's order (null on a 결재 step).
     * {@code hold}: on the active 결재 step its approver put on hold (보류), why and since when; it is still theirs to
     * decide, and null again once they have (or on any other step).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepProgress(int step, StepStatus status, Instant decidedAt, String comment, Person deputy,
                               List<Agreement> agreements, Hold hold) {

        public StepProgress(int step, StepStatus status, Instant decidedAt, String comment, Person deputy,
                            List<Agreement> agreements) {
            this(step, status, decidedAt, comment, deputy, agreements, null);
        }

        public StepProgress(int step, StepStatus status, Instant decidedAt, String comment, Person deputy) {
            this(step, status, decidedAt, comment, deputy, null);
        }

        public StepProgress(int step, StepStatus status, Instant decidedAt, String comment) {
            this(step, status, decidedAt, comment, null, null);
        }
    }

    /** 보류: who put the step on hold ({@code by}: its approver, or their deputy for them), when, and why. */
    public record Hold(Instant at, String reason, Person by) {
    }

    /**
     * One agreer's part of a 합의 step: WAITING (the step is not reached), PENDING (theirs to decide), APPROVED (agreed),
     * REJECTED (disagreed), SKIPPED; {@code deputy} as on a step.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(Person agreer, StepStatus status, Instant decidedAt, String comment, Person deputy) {
    }
}
