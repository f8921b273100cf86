package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;

/** Schema ApprovalList: documents in short. */
public record ApprovalList(List<Summary> items) {

    public record Summary(String id, String number, String type, String title, String status, Integer currentStep,
                          Instant submittedAt, Instant updatedAt) {
    }
}
