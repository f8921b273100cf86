package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 결재 취소: POST /api/approvals/{id}/retraction on the real broker and Redis. */
class RetractRouteTest extends ProcessingRouteTestBase {

    private static final String CONTRACT = "approval-processing-api.yaml";

    private Response retract(Person who, String id, Map<String, Object> body) {
        return http.post("/api/approvals/" + id + "/retraction", who == null ? null : token(who), body);
    }

    @Test
    void theLeadTakesTheApprovalBackBeforeTheHeadDecidesAndDecidesAgain() throws Exception {
        String id = activated();
        assertThat(decide(LEAD, id, "APPROVE", "좋습니다").status()).isEqualTo(200);

        Response back = retract(LEAD, id, Map.of("reason", "첨부 확인 필요"));
        assertThat(back.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/retraction", back);
        assertThat(back.json().path("step").asInt()).isEqualTo(1);
        assertThat(version(id)).isEqualTo("5");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();

        JsonNode retracted = json.readTree(kafka.awaitKey("approval.decided", id, 2).get(1).value());
        assertThat(retracted.path("sequence").asLong()).isEqualTo(4);
        assertThat(retracted.path("payload").path("decision").asText()).isEqualTo("RETRACTED");
        assertThat(retracted.path("payload").path("comment").asText()).isEqualTo("첨부 확인 필요");
        assertThat(retracted.path("payload").path("released").findValuesAsText("name")).containsExactly(HEAD.name());
        JsonNode again = json.readTree(kafka.awaitKey("approval.step-activated", id, 3).get(2).value());
        assertThat(again.path("payload").path("step").asInt()).isEqualTo(1);

        // the head can no longer decide it; the lead decides it again and it moves on
        assertProblem(decide(HEAD, id, "APPROVE", null), 409);
        assertThat(decide(LEAD, id, "APPROVE", null).json().path("nextApprover").path("name").asText()).isEqualTo(HEAD.name());
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isTrue();
    }

    @Test
    void nobodyElseTakesItBackAndNotOnceTheNextStepDecided() throws Exception {
        String id = activated();
        assertProblem(retract(LEAD, id, Map.of()), 409); // nothing approved yet
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(assertProblem(retract(HEAD, id, Map.of()), 403).path("detail").asText()).contains(LEAD.name());
        assertThat(assertProblem(retract(DRAFTER, id, Map.of()), 403).path("detail").asText()).contains("not an approver");
        assertProblem(retract(OTHER, id, Map.of()), 403);
        assertProblem(retract(null, id, Map.of()), 401);
        assertThat(assertProblem(retract(LEAD, id, Map.of("reason", "x".repeat(2001))), 400)
                .path("errors").findValuesAsText("field")).contains("/reason");
        assertThat(version(id)).isEqualTo("3");

        assertThat(decide(HEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertProblem(retract(LEAD, id, Map.of()), 409); // finished
    }

    @Test
    void aRetractionAndTheNextDecisionAtTheSameMomentOneWins() throws Exception {
        String id = activated();
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        Callable<Integer> back = () -> retract(LEAD, id, Map.of()).status();
        Callable<Integer> approve = () -> decide(HEAD, id, "APPROVE", null).status();
        List<Integer> statuses = Concurrently.run(List.of(back, approve));
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        String status = (String) redis.opsForHash().get(RedisKeys.APPROVAL + id, "version");
        // either the head approved (finished, 5) or the lead took it back (5): never both
        assertThat(status).isEqualTo("5");
        boolean retracted = statuses.get(0) == 200;
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isEqualTo(retracted);
    }
}
