package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class WithdrawRouteTest extends ProcessingRouteTestBase {

    private static final String CONTRACT = "approval-processing-api.yaml";

    private Response withdraw(Person who, String approvalId, Object body) {
        String path = "/api/approvals/" + approvalId + "/withdrawal";
        return body == null
                ? http.send(http.request(path, who == null ? null : token(who))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                : http.post(path, who == null ? null : token(who), body);
    }

    @Test
    void theDrafterWithdrawsWithoutABodyAndTheApproverIsReleased() throws Exception {
        String id = activated();

        Response r = withdraw(DRAFTER, id, null);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/withdrawal", r);
        assertThat(r.json().path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(r.json().path("step").asInt()).isEqualTo(1);
        assertThat(version(id)).isEqualTo("2");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isFalse();

        JsonNode event = json.readTree(kafka.awaitKey("approval.withdrawn", id, 1).get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("approval.withdrawn");
        assertThat(event.path("sequence").asLong()).isEqualTo(2);
        assertThat(event.path("payload").path("drafter").path("id").asLong()).isEqualTo(DRAFTER.id());
        assertThat(event.path("payload").path("approvers").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(event.path("payload").has("reason")).isFalse();
        assertThat(event.path("payload").path("progress").path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(event.path("payload").path("progress").path("steps").findValuesAsText("status"))
                .containsExactly("SKIPPED", "SKIPPED");

        // finished: no decision and no second withdrawal changes it
        assertThat(assertProblem(decide(LEAD, id, "APPROVE", null), 409).path("detail").asText()).contains("withdrawn");
        assertThat(assertProblem(withdraw(DRAFTER, id, Map.of()), 409).path("detail").asText()).contains("withdrawn");
        assertThat(version(id)).isEqualTo("2");
    }

    @Test
    void aWithdrawalSentAsCurlSendsItWithoutABodyWorks() throws Exception {
        // curl -X POST: no body, and neither Content-Length nor Content-Type
        String id = activated();
        List<String> answer = http.raw("POST /api/approvals/" + id + "/withdrawal HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + token(DRAFTER) + "\r\nAccept: */*\r\nConnection: close\r\n\r\n");
        assertThat(answer.get(0)).as("%s", answer).contains(" 200 ");
        assertThat(json.readTree(answer.get(answer.size() - 1)).path("status").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void aWithdrawalAfterTheFirstApprovalCarriesItsReasonAndReachesBothApprovers() throws Exception {
        String id = activated();
        assertThat(decide(LEAD, id, "APPROVE", "좋습니다").status()).isEqualTo(200);

        Response r = withdraw(DRAFTER, id, Map.of("reason", " 금액 수정 후 다시 올리겠습니다 "));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().path("step").asInt()).isEqualTo(2);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isFalse();

        JsonNode payload = json.readTree(kafka.awaitKey("approval.withdrawn", id, 1).get(0).value()).path("payload");
        assertThat(payload.path("reason").asText()).isEqualTo("금액 수정 후 다시 올리겠습니다");
        assertThat(payload.path("approvers").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(payload.path("progress").path("steps").findValuesAsText("status")).containsExactly("APPROVED", "SKIPPED");
        assertThat(assertProblem(decide(HEAD, id, "APPROVE", null), 409).path("detail").asText()).contains("withdrawn");
    }

    @Test
    void onlyTheDrafterMayWithdrawAndOthersChangeNothing() throws Exception {
        String id = activated();
        assertThat(assertProblem(withdraw(LEAD, id, null), 403).path("detail").asText()).contains("Only the drafter");
        assertThat(assertProblem(withdraw(OTHER, id, null), 403).path("detail").asText()).contains("not the drafter");
        assertProblem(withdraw(null, id, null), 401);
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isTrue();
        assertThat(kafka.await("approval.withdrawn", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        String id = activated();
        Response extra = withdraw(DRAFTER, id, Map.of("why", "x"));
        assertThat(assertProblem(extra, 400).path("errors").findValuesAsText("field")).contains("/why");
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/withdrawal", extra);
        assertThat(assertProblem(withdraw(DRAFTER, id, Map.of("reason", "x".repeat(2001))), 400)
                .path("errors").findValuesAsText("field")).contains("/reason");
        assertThat(assertProblem(withdraw(DRAFTER, "00000000-0000-0000-0000-000000000000", null), 404)
                .path("detail").asText()).contains("not active yet");
        assertProblem(withdraw(DRAFTER, "not-an-id", null), 400);
        assertThat(version(id)).isEqualTo("1");
    }

    @Test
    void withdrawalsAndDecisionsRacingLoseNoUpdate() throws Exception {
        String id = activated();
        Callable<Integer> approve = () -> decide(LEAD, id, "APPROVE", null).status();
        Callable<Integer> takeBack = () -> withdraw(DRAFTER, id, null).status();
        List<Integer> statuses = Concurrently.run(List.of(approve, takeBack, approve, takeBack));
        assertThat(statuses).containsOnly(200, 409);
        long approvals = Stream.of(statuses.get(0), statuses.get(2)).filter(s -> s == 200).count();
        long withdrawals = Stream.of(statuses.get(1), statuses.get(3)).filter(s -> s == 200).count();
        // each accepted change was applied on top of the one before: an approval (two events) may come before the
        // withdrawal, never after it, and neither happens twice
        assertThat(approvals).isLessThanOrEqualTo(1);
        assertThat(withdrawals).isLessThanOrEqualTo(1);
        assertThat(approvals + withdrawals).isPositive();
        assertThat(version(id)).isEqualTo(String.valueOf(1 + 2 * approvals + withdrawals));
        String status = json.readTree((String) redis.opsForHash().get(RedisKeys.approval(id), "state"))
                .path("progress").path("status").asText();
        assertThat(status).isEqualTo(withdrawals == 1 ? "WITHDRAWN" : "IN_PROGRESS");
        assertThat(kafka.await("approval.decided", r -> id.equals(r.key()), (int) approvals + 1, Duration.ofSeconds(2)))
                .hasSize((int) approvals);
        assertThat(kafka.await("approval.withdrawn", r -> id.equals(r.key()), (int) withdrawals + 1, Duration.ofSeconds(2)))
                .hasSize((int) withdrawals);
        if (withdrawals == 1) {
            assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isFalse();
            assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isFalse();
        }
    }
}
