package com.erp.approvalprocessing.api;

import java.util.List;

import com.erp.routes.common.web.Problem;
import com.erp.routes.common.web.ProblemWriter;

/**
 * 일괄결재 (bean {@code bulkDecisions}): turns a bulk decision into the single decisions the decide route makes, one
 * per item, and what each came to (its result, or the refusal it threw) into the bulk answer.
 */
public class BulkDecisions {

    /** The decision an item stands for: the bulk's decision and comment, the item's {@code onBehalfOf}. */
    public DecisionRequest request(BulkDecisionRequest bulk, BulkDecisionItem item) {
        return new DecisionRequest(bulk.decision(), bulk.comment(), item.onBehalfOf());
    }

    public BulkDecisionOutcome decided(BulkDecisionItem item, DecisionResult result) {
        return new BulkDecisionOutcome(item.approvalId(), item.onBehalfOf(), 200, result, null);
    }

    /** The problem the single decision would have answered with (a failure of a store included: 503, or 500). */
    public BulkDecisionOutcome refused(BulkDecisionItem item, Throwable failure) {
        Problem problem = ProblemWriter.classify(failure, "approval-processing.decide-many").toProblem()
                .withInstance("/api/approvals/" + item.approvalId() + "/decisions");
        return new BulkDecisionOutcome(item.approvalId(), item.onBehalfOf(), problem.status(), null, problem);
    }

    public BulkDecisionResult result(List<BulkDecisionOutcome> outcomes) {
        return BulkDecisionResult.of(outcomes);
    }
}
