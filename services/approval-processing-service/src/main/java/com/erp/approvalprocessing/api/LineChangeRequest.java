package com.erp.approvalprocessing.api;

import java.util.List;

/**
 * Body of PUT /api/approvals/{approvalId}/line (schema LineChangeRequest): the steps whose people change, each with
 * its new approver or agreers by employee id; the reason is optional.
 */
public record LineChangeRequest(List<LineChangeStep> steps, String reason) {
}
