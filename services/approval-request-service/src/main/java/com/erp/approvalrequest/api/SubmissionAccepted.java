package com.erp.approvalrequest.api;

import com.erp.routes.common.events.Person;

/**
 * Answer of POST /api/approvals (schema SubmissionAccepted): 202 with status SUBMITTED on the asynchronous
 * path; 201 with the first step already active on the synchronous one.
 */
public record SubmissionAccepted(String id, String status, Integer currentStep, Person nextApprover) {

    public static SubmissionAccepted queued(String id) {
        return new SubmissionAccepted(id, "SUBMITTED", null, null);
    }
}
