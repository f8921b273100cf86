package com.erp.routes.common.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The Kafka contract: a past-tense record of something that happened to one approval document. The Kafka
 * key is {@link #approvalId()}, so one document's events stay in order within a topic. {@link #sequence()}
 * is the document's state version in approval-processing (0 for the submission); consumers use it to apply
 * state changes that arrive out of order across topics exactly once and in the right order.
 *
 * @param eventId    unique id, the idempotency key of every consumer
 * @param type       e.g. {@code approval.decided}; decides the payload's shape
 * @param version    the schema version of this event type
 */
public record ApprovalEvent(
        String eventId,
        String type,
        int version,
        Instant occurredAt,
        String approvalId,
        long sequence,
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXTERNAL_PROPERTY, property = "type")
        @JsonSubTypes({
                @JsonSubTypes.Type(value = EventPayload.Submitted.class, name = "approval.submitted"),
                @JsonSubTypes.Type(value = EventPayload.StepActivated.class, name = "approval.step-activated"),
                @JsonSubTypes.Type(value = EventPayload.Decided.class, name = "approval.decided"),
                @JsonSubTypes.Type(value = EventPayload.Completed.class, name = "approval.completed"),
                @JsonSubTypes.Type(value = EventPayload.Rejected.class, name = "approval.rejected"),
                @JsonSubTypes.Type(value = EventPayload.Withdrawn.class, name = "approval.withdrawn"),
                @JsonSubTypes.Type(value = EventPayload.LeaveReserved.class, name = "approval.leave-reserved"),
                @JsonSubTypes.Type(value = EventPayload.LeaveRefused.class, name = "approval.leave-refused"),
                @JsonSubTypes.Type(value = EventPayload.Commented.class, name = "approval.commented"),
                @JsonSubTypes.Type(value = EventPayload.LineChanged.class, name = "approval.line-changed"),
                @JsonSubTypes.Type(value = EventPayload.Received.class, name = "approval.received"),
                @JsonSubTypes.Type(value = EventPayload.LeaveCancelled.class, name = "approval.leave-cancelled"),
                @JsonSubTypes.Type(value = EventPayload.Refused.class, name = "approval.refused")
        })
        EventPayload payload) {

    public static final int SCHEMA_VERSION = 1;
    /**
     * The sequence of an event that ends a document for good outside processing's state (a refused leave, a refused
     * submission): none follows it.
     */
    public static final long FINAL_SEQUENCE = Long.MAX_VALUE;

    public static ApprovalEvent of(String approvalId, long sequence, Instant at, EventPayload payload) {
        return new ApprovalEvent(UUID.randomUUID().toString(), EventType.of(payload).id(), SCHEMA_VERSION, at,
                approvalId, sequence, payload);
    }

    public EventType eventType() {
        return EventType.of(payload);
    }
}
