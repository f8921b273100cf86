package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 결재선 변경 over REST, on a real Redis and Kafka: what changes, what is told, and who may not. */
class LineChangeRouteTest extends ProcessingRouteTestBase {

    private static final String CONTRACT = "approval-processing-api.yaml";

    private Response change(Person who, String approvalId, Object body) {
        return http.put("/api/approvals/" + approvalId + "/line", who == null ? null : token(who), body);
    }

    private static Map<String, Object> approver(int step, Person p) {
        return Map.of("step", step, "approverId", p.id());
    }

    @Test
    void theDrafterReplacesTheActiveApproverWhoLosesTheDocumentToTheNewOne() throws Exception {
        String id = activated();

        Response r = change(DRAFTER, id, Map.of("steps", List.of(approver(1, OTHER)), "reason", " 이서연 팀장 출장 "));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/approvals/" + id + "/line", r);
        assertThat(r.json().path("steps").toString()).isEqualTo("[1]");
        assertThat(r.json().path("currentStep").asInt()).isEqualTo(1);
        assertThat(r.json().path("line").findValuesAsText("name")).containsExactly(OTHER.name(), HEAD.name());
        // the change and the activation of the step for its new approver
        assertThat(version(id)).isEqualTo("3");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(OTHER.id()), id)).isTrue();

        JsonNode changed = json.readTree(kafka.awaitKey("approval.line-changed", id, 1).get(0).value());
        assertThat(changed.path("sequence").asLong()).isEqualTo(2);
        JsonNode payload = changed.path("payload");
        assertThat(payload.path("removed").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(payload.path("added").findValuesAsText("name")).containsExactly(OTHER.name());
        assertThat(payload.path("reason").asText()).isEqualTo("이서연 팀장 출장");
        assertThat(payload.path("line").get(0).path("approver").path("id").asLong()).isEqualTo(OTHER.id());
        List<JsonNode> activations = kafka.awaitKey("approval.step-activated", id, 2).stream().map(rec -> {
            try {
                return json.readTree(rec.value());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        JsonNode again = activations.get(1);
        assertThat(again.path("sequence").asLong()).isEqualTo(3);
        assertThat(again.path("payload").path("approvers").findValuesAsText("name")).containsExactly(OTHER.name());

        // the old approver is off the line; the new one decides, and the document goes on along the new line
        assertThat(assertProblem(decide(LEAD, id, "APPROVE", null), 403).path("detail").asText())
                .contains("not an approver");
        assertThat(decide(OTHER, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isTrue();
    }

    @Test
    void aLaterStepChangesWithoutAskingTheActiveOneAgain() throws Exception {
        // a line that ends with a colleague (named by a drafter the org chart gives no line): the head put there
        String id = activated(List.of(new LineStep(1, LEAD), new LineStep(2, OTHER)));

        Response r = change(DRAFTER, id, Map.of("steps", List.of(approver(1, LEAD), approver(2, HEAD))));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        // step 1 was given with its own approver: left as it is
        assertThat(r.json().path("steps").toString()).isEqualTo("[2]");
        assertThat(version(id)).isEqualTo("2");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isTrue();
        assertThat(kafka.await("approval.step-activated", rec -> id.equals(rec.key()), 2, Duration.ofSeconds(2)))
                .hasSize(1);
        JsonNode payload = json.readTree(kafka.awaitKey("approval.line-changed", id, 1).get(0).value()).path("payload");
        assertThat(payload.path("removed").findValuesAsText("name")).containsExactly(OTHER.name());
        assertThat(payload.has("reason")).isFalse();

        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isTrue();
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(OTHER.id()), id)).isFalse();
        // a step decided stays as it was
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(1, OTHER)))), 409)
                .path("detail").asText()).contains("Step 1 has been decided");
    }

    /**
     * 결재권한: the head, who decides the document for the company, is not replaced at the last step by a colleague of
     * another department, nor dropped from the line; nothing changes and nobody is told.
     */
    @Test
    void theLastApproversAuthorityIsKept() throws Exception {
        String id = activated();
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(2, OTHER)))), 422)
                .path("detail").asText()).contains(HEAD.name()).contains("can be replaced").contains(OTHER.name());
        assertThat(assertProblem(change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", LEAD.id())))),
                422).path("detail").asText()).contains(HEAD.name());
        assertThat(version(id)).isEqualTo("1");
        assertThat(kafka.await("approval.line-changed", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(2))).isEmpty();
        // added before the head, the colleague is welcome
        assertThat(change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", LEAD.id()),
                Map.of("approverId", OTHER.id()), Map.of("approverId", HEAD.id())))).status()).isEqualTo(200);
    }

    /**
     * 결재권한 by the drafter's org-chart line: a lead who decides last (a small expense, cut by 위임전결) is replaced by
     * the drafter's own head, not by another team's lead of the same department.
     */
    @Test
    void theLastLeadIsReplacedOnlyFromTheDraftersOwnLine() throws Exception {
        String id = activated(List.of(new LineStep(1, LEAD)));
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(1, TestPeople.OTHER_LEAD)))), 422)
                .path("detail").asText()).contains("only by " + LEAD.name()).contains("not by " + TestPeople.OTHER_LEAD.name());
        assertThat(version(id)).isEqualTo("1");
        Response byHead = change(DRAFTER, id, Map.of("steps", List.of(approver(1, HEAD))));
        assertThat(byHead.status()).as("%s", byHead).isEqualTo(200);
        assertThat(byHead.json().path("line").findValuesAsText("name")).containsExactly(HEAD.name());
    }

    @Test
    void theRestOfTheLineGainsAndLosesSteps() throws Exception {
        String id = activated();

        // a step of OTHER's added between LEAD (active, kept) and HEAD
        Response grown = change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", LEAD.id()),
                Map.of("approverId", OTHER.id()), Map.of("approverId", HEAD.id())), "reason", "검토 추가"));
        assertThat(grown.status()).as("%s", grown).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/approvals/" + id + "/line", grown);
        assertThat(grown.json().path("steps").toString()).isEqualTo("[2,3]");
        assertThat(grown.json().path("line").findValuesAsText("name")).containsExactly(LEAD.name(), OTHER.name(), HEAD.name());
        assertThat(version(id)).isEqualTo("2");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isTrue();
        // the lead's inbox says how long the line is now
        assertThat(json.readTree((String) redis.opsForHash().get(RedisKeys.inbox(LEAD.id()), id)).path("stepCount")
                .asInt()).isEqualTo(3);
        JsonNode payload = json.readTree(kafka.awaitKey("approval.line-changed", id, 1).get(0).value()).path("payload");
        assertThat(payload.path("added").findValuesAsText("name")).containsExactly(OTHER.name());
        assertThat(payload.path("progress").path("steps")).hasSize(3);

        // along the longer line: LEAD, then OTHER is asked
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(OTHER.id()), id)).isTrue();

        // drafted at step 1 (before LEAD approved): refused, not applied from step 2 on
        Response stale = change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", HEAD.id())), "fromStep", 1));
        assertThat(assertProblem(stale, 409).path("detail").asText()).contains("step 2 now");
        assertMatchesContract(CONTRACT, "PUT", "/api/approvals/" + id + "/line", stale);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(OTHER.id()), id)).as("unchanged").isTrue();
        assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(3, LEAD)), "fromStep", 2)), 400);

        // then OTHER's step (active now) removed: HEAD is asked at once, OTHER loses it
        Response shrunk = change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", HEAD.id())), "fromStep", 2));
        assertThat(shrunk.status()).as("%s", shrunk).isEqualTo(200);
        assertThat(shrunk.json().path("steps").toString()).isEqualTo("[2,3]");
        assertThat(shrunk.json().path("line").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(OTHER.id()), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isTrue();
        assertThat(decide(HEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(kafka.awaitKey("approval.completed", id, 1)).hasSize(1);
    }

    @Test
    void stepsOrRemainingNotBothNorNeither() throws Exception {
        String id = activated();
        Response both = change(DRAFTER, id, Map.of("steps", List.of(approver(2, OTHER)),
                "remaining", List.of(Map.of("approverId", OTHER.id()))));
        assertThat(assertProblem(both, 400).path("detail").asText()).contains("not both");
        assertMatchesContract(CONTRACT, "PUT", "/api/approvals/" + id + "/line", both);
        assertProblem(change(DRAFTER, id, Map.of("reason", "아무것도")), 400);
        assertThat(assertProblem(change(DRAFTER, id, Map.of("remaining", List.of(Map.of("approverId", LEAD.id()),
                Map.of("agreerIds", List.of(OTHER.id()))))), 422).path("detail").asText()).isNotBlank();
        assertThat(version(id)).isEqualTo("1");
    }

    @Test
    void aPartlyAgreedStepKeepsItsAgreersButALaterStepMayChange() throws Exception {
        String id = activated(List.of(LineStep.agreement(1, List.of(LEAD, OTHER)), new LineStep(2, HEAD)));
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);

        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(Map.of("step", 1, "agreerIds",
                List.of(OTHER.id()))))), 409).path("detail").asText()).contains("decided in part");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(1, OTHER)))), 422)
                .path("detail").asText()).contains("give its agreerIds");
    }

    @Test
    void onlyTheDrafterChangesTheLineAndRefusalsChangeNothing() throws Exception {
        String id = activated();
        Map<String, Object> toOther = Map.of("steps", List.of(approver(1, OTHER)));

        assertThat(assertProblem(change(LEAD, id, toOther), 403).path("detail").asText()).contains("Only the drafter");
        assertThat(assertProblem(change(OTHER, id, toOther), 403).path("detail").asText()).contains("not the drafter");
        // told so before anyone is looked up: not that the ids are unknown
        assertThat(assertProblem(change(LEAD, id, Map.of("steps", List.of(Map.of("step", 2, "approverId", 4242)))), 403)
                .path("detail").asText()).contains("Only the drafter");
        assertProblem(change(null, id, toOther), 401);
        // the line's rules: nobody twice, not the drafter, only active employees, no step beyond it, a change
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(1, HEAD)))), 422)
                .path("detail").asText()).contains("appears twice");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(2, DRAFTER)))), 422)
                .path("detail").asText()).contains("your own document");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(Map.of("step", 2, "approverId", 4242)))),
                422).path("detail").asText()).contains("4242");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(3, OTHER)))), 422)
                .path("detail").asText()).contains("no step 3");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(2, HEAD)))), 422)
                .path("detail").asText()).contains("Nothing changes");
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isTrue();
        assertThat(kafka.await("approval.line-changed", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        String id = activated();
        Response both = change(DRAFTER, id, Map.of("steps", List.of(Map.of("step", 2, "approverId", OTHER.id(),
                "agreerIds", List.of(OTHER.id())))));
        assertThat(assertProblem(both, 400).path("errors").findValuesAsText("field")).contains("/steps/0");
        assertMatchesContract(CONTRACT, "PUT", "/api/approvals/" + id + "/line", both);
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of())), 400)
                .path("errors").findValuesAsText("field")).contains("/steps");
        assertThat(assertProblem(change(DRAFTER, id, Map.of("steps", List.of(approver(2, OTHER), approver(2, LEAD)))),
                400).path("detail").asText()).contains("twice");
        assertThat(assertProblem(change(DRAFTER, "00000000-0000-0000-0000-000000000000",
                Map.of("steps", List.of(approver(2, OTHER)))), 404).path("detail").asText()).contains("not active yet");
        assertThat(version(id)).isEqualTo("1");
    }

    @Test
    void aLineChangeAndADecisionRacingLoseNoUpdate() throws Exception {
        String id = activated();
        Callable<Integer> approve = () -> decide(LEAD, id, "APPROVE", null).status();
        Callable<Integer> replace = () -> change(DRAFTER, id, Map.of("steps", List.of(approver(1, OTHER)))).status();
        List<Integer> statuses = Concurrently.run(List.of(approve, replace));
        // either the approval came first (step 1 is decided: 409 for the change) or the change (LEAD is off the
        // line: 403 for the approval); never both
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        boolean approved = statuses.get(0) == 200;
        assertThat(statuses.get(approved ? 1 : 0)).as("the loser of %s", statuses).isEqualTo(approved ? 409 : 403);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(approved ? HEAD.id() : OTHER.id()), id)).isTrue();
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(LEAD.id()), id)).isFalse();
        assertThat(version(id)).isEqualTo("3");
    }
}
