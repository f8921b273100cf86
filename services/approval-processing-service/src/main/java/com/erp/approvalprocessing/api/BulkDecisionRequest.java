package com.erp.approvalprocessing.api;

import java.util.List;

/** Body of POST /api/inbox/decisions (schema BulkDecisionRequest): 일괄결재, one decision and comment for every item. */
public record BulkDecisionRequest(String decision, String comment, List<BulkDecisionItem> items) {
}
