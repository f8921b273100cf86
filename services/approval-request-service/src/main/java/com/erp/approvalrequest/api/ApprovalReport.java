package com.erp.approvalrequest.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Schema ApprovalReport (결재 통계): the documents submitted from {@code from} to {@code to} (days, both included), of
 * one department's drafters or of all: how many ended how, by form; how long those that ended took; and, per person who
 * decided steps of them, how many and how fast, and how many wait for them now.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApprovalReport(String from, String to, String department, Counts total, List<Counts> byType,
                             Durations completion, List<ApproverRow> approvers) {

    /** Documents submitted, and where they are now; {@code type} is left out for the total. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(String type, int submitted, int inProgress, int approved, int rejected, int withdrawn) {
    }

    /** Hours from submission to the end (approved or rejected); null figures when none ended. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Durations(int count, Double medianHours, Double p90Hours) {
    }

    /**
     * One person's decisions (their own and as a deputy): how many, hours from the step's activation to the decision,
     * and the steps waiting for them now (the oldest since when).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApproverRow(Person approver, int decided, Double medianHours, Double p90Hours, int waiting,
                              Instant waitingSince) {
    }
}
