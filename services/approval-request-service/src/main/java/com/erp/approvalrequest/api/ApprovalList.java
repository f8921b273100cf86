package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema ApprovalList: a page of documents in short; {@code nextCursor} when another page follows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalList(List<Summary> items, String nextCursor) {

    /** {@code drafter}: who drafted it. {@code heldAt}: since when its active step has been on hold (보류), if it is. */
    public record Summary(String id, String number, String type, String title, String status, Integer currentStep,
                          Instant submittedAt, Instant updatedAt, Person drafter, Instant heldAt) {
    }
}
