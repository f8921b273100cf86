package com.erp.approvalprocessing.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.Problem;
import com.erp.routes.common.web.ProblemException;
import com.erp.routes.common.web.ProblemWriter;

/**
 * 일괄결재 (bean {@code bulkDecisions}): turns a bulk decision (approve, or reject with one reason) into the single
 * decisions the decide route makes, one per item, and what each came to (its result, or the refusal it threw) into the bulk answer.
 */
public class BulkDecisions {

    private final Clock clock;
    private final Duration budget;

    /** @param budget how long after the request's start items are still started; the rest are not tried (503) */
    public BulkDecisions(Clock clock, Duration budget) {
        this.clock = clock;
        this.budget = budget;
    }

    /**
     * Refuses a bulk request that no item could pass, before any is tried: a rejection (반려) needs its reason, the
     * same for every document chosen (a disagreement, on a 합의 step, likewise).
     */
    public void check(BulkDecisionRequest bulk) {
        if ("REJECT".equals(bulk.decision()) && (bulk.comment() == null || bulk.comment().isBlank())) {
            throw ProblemException.badRequest("A rejection in bulk needs a comment giving the reason, the same for "
                    + "every document chosen.", List.of(new FieldError("/comment", "is required to reject")));
        }
    }

    /** When a bulk request starting now stops starting items. */
    public Instant deadline() {
        return clock.instant().plus(budget);
    }

    /**
     * The decision an item stands for: the bulk's decision and comment, the item's {@code onBehalfOf}; 503 when the
     * request's time is up before the item's turn (nothing is done to it, so sending it again is safe).
     */
    public DecisionRequest request(BulkDecisionRequest bulk, BulkDecisionItem item, Instant deadline) {
        if (!clock.instant().isBefore(deadline)) {
            throw ProblemException.unavailable("Not tried: this request's time ran out before this document's turn "
                    + "(the ones before it took long; Kafka may be slow). Nothing was done to it; send it again.", 5);
        }
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
