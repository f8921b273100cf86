package com.erp.approvalprocessing.api;

import com.erp.routes.common.web.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema BulkDecisionOutcome: an item's decision ({@code result}, status 200) or its refusal ({@code problem}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BulkDecisionOutcome(String approvalId, Long onBehalfOf, int status, DecisionResult result, Problem problem) {

    public boolean decided() {
        return result != null;
    }
}
