package com.erp.approvalrequest.api;

/** Body of POST /api/approvals/{approvalId}/leave-cancellation (schema LeaveCancellationRequest): 휴가 취소. */
public record LeaveCancellationRequest(String reason) {
}
