package com.erp.approvalrequest.api;

/** Answer of POST /api/approvals (schema SubmissionAccepted). */
public record SubmissionAccepted(String id, String status) {
}
