package com.erp.approvalrequest.domain;

import java.util.Collection;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;

/**
 * What recording one of approval-processing's events changes in its stored document. A document's events
 * arrive in any order (they come through several topics) and possibly more than once (at-least-once delivery),
 * so: the history takes each event once, the progress only a snapshot newer than the stored one, and the
 * number comes with the completion's snapshot, in the same write that marks the document approved.
 *
 * @param storedVersion the document's {@code stateVersion} when it was read: the write applies only if it is
 *                      still that, so two consumers of the same document (a rebalance) cannot interleave
 */
public record RecordPlan(String approvalId, String documentType, long storedVersion, boolean addHistory,
                         boolean applyProgress, boolean takeNumber) {

    public static RecordPlan of(ApprovalEvent event, String documentType, long storedVersion,
                                Collection<String> recordedEventIds, boolean numbered) {
        boolean newer = event.sequence() > storedVersion;
        boolean completes = event.payload() instanceof EventPayload.Completed;
        return new RecordPlan(event.approvalId(), documentType, storedVersion,
                !recordedEventIds.contains(event.eventId()), newer, newer && completes && !numbered);
    }

    /** The event was recorded before (a redelivery), and its snapshot is not newer. */
    public boolean nothingToDo() {
        return !addHistory && !applyProgress;
    }
}
