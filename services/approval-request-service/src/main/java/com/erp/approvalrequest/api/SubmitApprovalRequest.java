package com.erp.approvalrequest.api;

import java.util.List;

/** Body of POST /api/approvals (schema SubmitApprovalRequest). {@code leave}: for a LEAVE document only. */
public record SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                    LeaveRequest leave) {

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds) {
        this(type, title, body, approverIds, ccIds, null);
    }
}
