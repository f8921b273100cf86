package com.erp.approvalprocessing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.erp.routes.common.web.ProblemException;
import org.junit.jupiter.api.Test;

/** 일괄결재's budget: past it an item is not started, and says so as the 503 a retry mends. */
class BulkDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final BulkDecisions bulk = new BulkDecisions(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(15));
    private final BulkDecisionRequest request = new BulkDecisionRequest("APPROVE", "일괄", List.of());
    private final BulkDecisionItem item = new BulkDecisionItem("a1", 7L);

    @Test
    void withinTheBudgetAnItemIsTheSingleDecisionItStandsFor() {
        assertThat(bulk.deadline()).isEqualTo(NOW.plusSeconds(15));
        assertThat(bulk.request(request, item, bulk.deadline())).isEqualTo(new DecisionRequest("APPROVE", "일괄", 7L));
    }

    @Test
    void aRejectionWithoutItsReasonIsRefusedWholeAndAnApprovalNeedsNone() {
        for (String blank : new String[] {null, "", " \t"}) {
            Throwable refused = catchThrowable(() -> bulk.check(new BulkDecisionRequest("REJECT", blank, List.of(item))));
            assertThat(refused).isInstanceOf(ProblemException.class);
            assertThat(((ProblemException) refused).status()).isEqualTo(400);
        }
        bulk.check(new BulkDecisionRequest("REJECT", "제 결재가 아닙니다", List.of(item)));
        bulk.check(new BulkDecisionRequest("APPROVE", null, List.of(item)));
    }

    @Test
    void pastTheBudgetAnItemIsNotTriedAndItsOutcomeIsA503() {
        Throwable late = catchThrowable(() -> bulk.request(request, item, NOW));
        assertThat(late).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) late).status()).isEqualTo(503);
        BulkDecisionOutcome outcome = bulk.refused(item, late);
        assertThat(outcome.status()).isEqualTo(503);
        assertThat(outcome.decided()).isFalse();
        assertThat(outcome.onBehalfOf()).isEqualTo(7L);
        assertThat(outcome.problem().detail()).startsWith("Not tried").contains("send it again");
        assertThat(outcome.problem().instance()).isEqualTo("/api/approvals/a1/decisions");
        assertThat(bulk.result(List.of(outcome, bulk.decided(item, new DecisionResult("a1", 1, "APPROVE", "IN_PROGRESS",
                null))))).satisfies(r -> {
                    assertThat(r.decided()).isEqualTo(1);
                    assertThat(r.refused()).isEqualTo(1);
                });
    }
}
