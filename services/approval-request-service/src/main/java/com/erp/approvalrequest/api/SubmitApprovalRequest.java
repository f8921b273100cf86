package com.erp.approvalrequest.api;

import java.util.List;

/**
 * Body of POST /api/approvals (schema SubmitApprovalRequest). {@code leave}, {@code expense}, {@code trip}: each for
 * the document type of that form only. {@code agreement}: a 합의 step on the line, if any. {@code receiverIds}: 수신,
 * who receives the document once it is approved; {@code receiverDepartmentIds}: 수신처, the departments that do.
 * {@code attachmentIds}: 첨부파일 the drafter uploaded.
 */
public record SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                    LeaveRequest leave, ExpenseRequest expense, TripRequest trip,
                                    AgreementRequest agreement, List<Long> receiverIds, List<String> attachmentIds,
                                    List<Long> receiverDepartmentIds) {

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                 LeaveRequest leave, ExpenseRequest expense, TripRequest trip, AgreementRequest agreement,
                                 List<Long> receiverIds, List<String> attachmentIds) {
        this(type, title, body, approverIds, ccIds, leave, expense, trip, agreement, receiverIds, attachmentIds, null);
    }

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                 LeaveRequest leave, ExpenseRequest expense, TripRequest trip, AgreementRequest agreement,
                                 List<Long> receiverIds) {
        this(type, title, body, approverIds, ccIds, leave, expense, trip, agreement, receiverIds, null);
    }

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                 LeaveRequest leave, ExpenseRequest expense, TripRequest trip, AgreementRequest agreement) {
        this(type, title, body, approverIds, ccIds, leave, expense, trip, agreement, null);
    }

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                 LeaveRequest leave, ExpenseRequest expense, TripRequest trip) {
        this(type, title, body, approverIds, ccIds, leave, expense, trip, null);
    }

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds,
                                 LeaveRequest leave) {
        this(type, title, body, approverIds, ccIds, leave, null, null);
    }

    public SubmitApprovalRequest(String type, String title, String body, List<Long> approverIds, List<Long> ccIds) {
        this(type, title, body, approverIds, ccIds, null);
    }
}
