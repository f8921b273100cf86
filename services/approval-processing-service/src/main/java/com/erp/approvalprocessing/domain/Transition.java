package com.erp.approvalprocessing.domain;

import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;

/**
 * One change of a document's processing state, to be stored atomically: the new state (if the stored one
 * still has {@code expectedVersion}), the inbox entries to add or remove, and the events to publish.
 *
 * @param expectedVersion the version the stored state must have; 0 when the state is created
 * @param held            stored with its events held for the outbox's relay, not to be published at once: an
 *                        earlier event of the document failed and waits there
 */
public record Transition(ApprovalState state, long expectedVersion, List<InboxChange> inbox, List<ApprovalEvent> events,
                         boolean held) {

    public Transition(ApprovalState state, long expectedVersion, List<InboxChange> inbox, List<ApprovalEvent> events) {
        this(state, expectedVersion, inbox, events, false);
    }

    /** This transition, as stored with its events held for the relay. */
    public Transition heldForTheRelay() {
        return new Transition(state, expectedVersion, inbox, events, true);
    }

    public boolean creates() {
        return expectedVersion == 0;
    }

    /** Adds (with the item to show) or removes a document from one person's inbox. */
    public record InboxChange(long employeeId, String approvalId, boolean add) {
    }
}
