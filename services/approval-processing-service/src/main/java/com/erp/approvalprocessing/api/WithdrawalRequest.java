package com.erp.approvalprocessing.api;

/** Body of POST /api/approvals/{approvalId}/withdrawal (schema WithdrawalRequest); the body is optional. */
public record WithdrawalRequest(String reason) {
}
