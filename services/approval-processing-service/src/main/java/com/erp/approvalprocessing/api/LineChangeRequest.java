package com.erp.approvalprocessing.api;

import java.util.List;

/**
 * Body of PUT /api/approvals/{approvalId}/line (schema LineChangeRequest): the steps whose people change, each with
 * its new approver or agreers by employee id, or the line from the active step on as it is to be
 * ({@code remaining}), with the number of the active step it was drafted at ({@code fromStep}, optional); the reason
 * is optional.
 */
public record LineChangeRequest(List<LineChangeStep> steps, String reason, List<LineRemainingStep> remaining,
                                Integer fromStep) {

    public LineChangeRequest(List<LineChangeStep> steps, String reason) {
        this(steps, reason, null, null);
    }
}
