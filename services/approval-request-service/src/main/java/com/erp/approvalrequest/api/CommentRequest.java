package com.erp.approvalrequest.api;

/** Body of POST /api/approvals/{approvalId}/comments (schema CommentRequest): 의견. */
public record CommentRequest(String text) {
}
