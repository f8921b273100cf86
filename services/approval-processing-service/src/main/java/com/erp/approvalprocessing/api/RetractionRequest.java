package com.erp.approvalprocessing.api;

/** Body of POST /api/approvals/{approvalId}/retraction (schema RetractionRequest): 결재 취소, the reason optional. */
public record RetractionRequest(String reason) {
}
