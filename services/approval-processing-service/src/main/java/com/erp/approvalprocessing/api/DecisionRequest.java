package com.erp.approvalprocessing.api;

/**
 * Body of POST /api/approvals/{approvalId}/decisions (schema DecisionRequest). {@code onBehalfOf}: as a deputy (대결),
 * the id of the absent person decided for, when the caller stands in for more than one on the step; optional.
 */
public record DecisionRequest(String decision, String comment, Long onBehalfOf) {

    public DecisionRequest(String decision, String comment) {
        this(decision, comment, null);
    }
}
