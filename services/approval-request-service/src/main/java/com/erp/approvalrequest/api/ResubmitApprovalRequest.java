package com.erp.approvalrequest.api;

import java.util.List;

/**
 * Body of POST /api/approvals/{approvalId}/resubmission (schema ResubmitApprovalRequest): what changes; optional. The
 * old line's 합의 step is kept unless {@code approverIds} or {@code agreement} is given.
 */
public record ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds,
                                      LeaveRequest leave, ExpenseRequest expense, TripRequest trip,
                                      AgreementRequest agreement, List<Long> receiverIds,
                                      List<Long> receiverDepartmentIds) {

    public ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds,
                                   LeaveRequest leave, ExpenseRequest expense, TripRequest trip, AgreementRequest agreement,
                                   List<Long> receiverIds) {
        this(title, body, approverIds, ccIds, leave, expense, trip, agreement, receiverIds, null);
    }

    public ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds,
                                   LeaveRequest leave, ExpenseRequest expense, TripRequest trip, AgreementRequest agreement) {
        this(title, body, approverIds, ccIds, leave, expense, trip, agreement, null);
    }

    public ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds,
                                   LeaveRequest leave, ExpenseRequest expense, TripRequest trip) {
        this(title, body, approverIds, ccIds, leave, expense, trip, null, null);
    }

    public ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds, LeaveRequest leave) {
        this(title, body, approverIds, ccIds, leave, null, null);
    }

    public ResubmitApprovalRequest(String title, String body, List<Long> approverIds, List<Long> ccIds) {
        this(title, body, approverIds, ccIds, null);
    }
}
