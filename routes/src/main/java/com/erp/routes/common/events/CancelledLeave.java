package com.erp.routes.common.events;

/**
 * An approved leave of the drafter's that approval-request has cancelled (휴가 취소), named in a new leave document's
 * submission: the ledger frees its days before it weighs the new one, since the cancellation's own event comes on
 * another topic and may not have been settled yet (the same days asked for again right after their cancellation were
 * refused as already taken).
 *
 * @param reason the cancellation's reason, or null
 */
public record CancelledLeave(String approvalId, String reason) {
}
