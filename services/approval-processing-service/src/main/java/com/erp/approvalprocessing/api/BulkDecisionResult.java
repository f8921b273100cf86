package com.erp.approvalprocessing.api;

import java.util.List;

/** Schema BulkDecisionResult: every item's outcome, in the order asked. */
public record BulkDecisionResult(int decided, int refused, List<BulkDecisionOutcome> outcomes) {

    public static BulkDecisionResult of(List<BulkDecisionOutcome> outcomes) {
        int decided = (int) outcomes.stream().filter(BulkDecisionOutcome::decided).count();
        return new BulkDecisionResult(decided, outcomes.size() - decided, List.copyOf(outcomes));
    }
}
