package com.erp.approvalrequest.api;

import java.util.List;

/** Body of POST /api/approvals (schema SubmitApprovalRequest). */
public record SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds) {
}
