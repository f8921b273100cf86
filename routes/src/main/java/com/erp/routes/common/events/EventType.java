package com.erp.routes.common.events;

/** The kinds of approval events, each with its payload type and the property naming its topic. */
public enum EventType {
    SUBMITTED("approval.submitted", EventPayload.Submitted.class),
    STEP_ACTIVATED("approval.step-activated", EventPayload.StepActivated.class),
    DECIDED("approval.decided", EventPayload.Decided.class),
    COMPLETED("approval.completed", EventPayload.Completed.class),
    REJECTED("approval.rejected", EventPayload.Rejected.class),
    WITHDRAWN("approval.withdrawn", EventPayload.Withdrawn.class),
    LEAVE_RESERVED("approval.leave-reserved", EventPayload.LeaveReserved.class),
    LEAVE_REFUSED("approval.leave-refused", EventPayload.LeaveRefused.class),
    COMMENTED("approval.commented", EventPayload.Commented.class),
    LINE_CHANGED("approval.line-changed", EventPayload.LineChanged.class),
    RECEIVED("approval.received", EventPayload.Received.class),
    LEAVE_CANCELLED("approval.leave-cancelled", EventPayload.LeaveCancelled.class),
    /** On the rejected topic ({@link Topics#topicOf}): a rejection by processing's rules, not by a person. */
    REFUSED("approval.refused", EventPayload.Refused.class);

    private final String id;
    private final Class<? extends EventPayload> payloadType;

    EventType(String id, Class<? extends EventPayload> payloadType) {
        this.id = id;
        this.payloadType = payloadType;
    }

    /** The type as written into events, e.g. {@code approval.submitted}. */
    public String id() {
        return id;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    public static EventType of(EventPayload payload) {
        for (EventType t : values()) {
            if (t.payloadType.isInstance(payload)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no event type for " + payload.getClass());
    }
}
