package com.erp.approvalprocessing.api;

/** Body of POST /api/approvals/{approvalId}/decisions (schema DecisionRequest). */
public record DecisionRequest(String decision, String comment) {
}
