package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 일괄결재: POST /api/inbox/decisions on the real broker and Redis. */
class DecideManyRouteTest extends ProcessingRouteTestBase {

    private static final String CONTRACT = "approval-processing-api.yaml";
    private static final String PATH = "/api/inbox/decisions";

    @Test
    void eachItemIsDecidedAsAloneAndARefusalIsThatItemsOutcomeOnly() throws Exception {
        String first = activated();
        String movedOn = activated();
        assertThat(decide(LEAD, movedOn, "APPROVE", null).status()).isEqualTo(200); // now the head's
        String unknown = UUID.randomUUID().toString();
        String notLeads = activated(List.of(new LineStep(1, OTHER), new LineStep(2, HEAD)));
        String second = activated();

        Response answer = bulk(LEAD, "일괄 승인합니다", first, movedOn, unknown, notLeads, second);

        assertThat(answer.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", PATH, answer);
        assertThat(answer.json().path("decided").asInt()).isEqualTo(2);
        assertThat(answer.json().path("refused").asInt()).isEqualTo(3);
        JsonNode outcomes = answer.json().path("outcomes");
        assertThat(outcomes).extracting(o -> o.path("approvalId").asText())
                .containsExactly(first, movedOn, unknown, notLeads, second);
        assertThat(outcomes).extracting(o -> o.path("status").asInt()).containsExactly(200, 409, 404, 403, 200);
        // the refusals say what a single decision would have said, about their own document
        assertThat(outcomes.get(1).path("problem").path("detail").asText()).contains(HEAD.name());
        assertThat(outcomes.get(1).path("problem").path("instance").asText())
                .isEqualTo("/api/approvals/" + movedOn + "/decisions");
        assertThat(outcomes.get(3).path("problem").path("detail").asText()).contains("not an approver");
        assertThat(outcomes.get(0).path("result").path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(outcomes.get(0).path("result").path("nextApprover").path("name").asText()).isEqualTo(HEAD.name());

        // decided: moved on to the head, each with its own decision published, carrying the comment
        for (String id : List.of(first, second)) {
            assertThat(version(id)).isEqualTo("3");
            assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();
            assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isTrue();
            JsonNode decided = json.readTree(kafka.awaitKey("approval.decided", id, 1).get(0).value());
            assertThat(decided.path("payload").path("actor").path("name").asText()).isEqualTo(LEAD.name());
            assertThat(decided.path("payload").path("comment").asText()).isEqualTo("일괄 승인합니다");
        }
        // refused: nothing changed
        assertThat(version(movedOn)).isEqualTo("3");
        assertThat(version(notLeads)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + OTHER.id(), notLeads)).isTrue();
        assertThat(kafka.await("approval.decided", r -> notLeads.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aBulkRejectionGivesEveryDocumentTheOneReasonAndEndsIt() throws Exception {
        String first = activated();
        String agreement = activated(List.of(LineStep.agreement(1, List.of(LEAD, TestPeople.OTHER_LEAD)), new LineStep(2, HEAD)));
        String notLeads = activated(List.of(new LineStep(1, OTHER), new LineStep(2, HEAD)));

        Response answer = bulkDecide(LEAD, "REJECT", "제 결재가 아닌 문서입니다", first, agreement, notLeads);

        assertThat(answer.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", PATH, answer);
        assertThat(answer.json().path("outcomes")).extracting(o -> o.path("status").asInt()).containsExactly(200, 200, 403);
        assertThat(answer.json().path("outcomes").get(0).path("result").path("status").asText()).isEqualTo("REJECTED");
        // a 합의 step's disagreement rejects the document too
        assertThat(answer.json().path("outcomes").get(1).path("result").path("status").asText()).isEqualTo("REJECTED");
        for (String id : List.of(first, agreement)) {
            JsonNode rejected = json.readTree(kafka.awaitKey("approval.rejected", id, 1).get(0).value());
            assertThat(rejected.path("payload").path("reason").asText()).isEqualTo("제 결재가 아닌 문서입니다");
            assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();
            assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();
        }
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + TestPeople.OTHER_LEAD.id(), agreement)).isFalse();
        assertThat(version(notLeads)).isEqualTo("1");
    }

    @Test
    void theDrafterAndStrangersDecideNothingInBulkEither() throws Exception {
        String id = activated();
        for (Person who : List.of(DRAFTER, OTHER)) {
            for (String decision : List.of("APPROVE", "REJECT")) {
                Response answer = bulkDecide(who, decision, "사유", id);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.json().path("decided").asInt()).isZero();
                assertThat(answer.json().path("outcomes").get(0).path("status").asInt()).isEqualTo(403);
            }
        }
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
    }

    @Test
    void aDeputyOfTwoAgreersListsTheDocumentOncePerAgreer() throws Exception {
        Person first = new Person(7101, "합의자 하나", "TEAM_LEAD", "D");
        Person second = new Person(7102, "합의자 둘", "TEAM_LEAD", "D");
        whileAway(List.of(first, second), OTHER, () -> {
            String id = activated(List.of(LineStep.agreement(1, List.of(first, second)), new LineStep(2, HEAD)));
            // named in the opposite order to the line's: each decision is for the agreer its item names
            Map<String, Object> body = Map.of("decision", "APPROVE", "items", List.of(
                    Map.of("approvalId", id, "onBehalfOf", second.id()), Map.of("approvalId", id, "onBehalfOf", first.id())));
            Response answer = http.post(PATH, token(OTHER), body);
            assertThat(answer.json().path("decided").asInt()).isEqualTo(2);
            assertThat(answer.json().path("outcomes")).extracting(o -> o.path("onBehalfOf").asLong())
                    .containsExactly(second.id(), first.id());
            assertThat(kafka.awaitKey("approval.decided", id, 2)).extracting(r -> json.readTree(r.value())
                    .path("payload").path("onBehalfOf").path("id").asLong()).containsExactly(second.id(), first.id());
            // both agreed: the step passed to the head
            assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isTrue();
        });
    }

    @Test
    void aBadBulkRequestIsRefusedWholeAndDecidesNothing() throws Exception {
        String id = activated();
        Map<String, Object> item = Map.of("approvalId", id);
        // a rejection needs its reason, refused before any item is tried; 전결 and sending back are not for bulk
        for (String blank : new String[] {null, "  "}) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", "REJECT", "items", List.of(item)));
            body.put("comment", blank);
            if (blank == null) {
                body.remove("comment");
            }
            JsonNode reject = assertProblem(http.post(PATH, token(LEAD), body), 400);
            assertThat(reject.path("errors").findValuesAsText("field")).containsExactly("/comment");
        }
        for (String notInBulk : List.of("APPROVE_FINAL", "RETURN", "HOLD")) {
            JsonNode refused = assertProblem(http.post(PATH, token(LEAD), Map.of("decision", notInBulk, "comment", "사유",
                    "items", List.of(item))), 400);
            assertThat(refused.path("errors").findValuesAsText("field")).contains("/decision");
        }
        assertProblem(http.post(PATH, token(LEAD), Map.of("decision", "APPROVE", "items", List.of())), 400);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(item);
        }
        assertProblem(http.post(PATH, token(LEAD), Map.of("decision", "APPROVE", "items", tooMany)), 400);
        assertProblem(http.post(PATH, token(LEAD), Map.of("decision", "APPROVE",
                "items", List.of(item, Map.of("approvalId", "not-a-document")))), 400);
        Response anonymous = http.post(PATH, null, Map.of("decision", "APPROVE", "items", List.of(item)));
        assertProblem(anonymous, 401);
        assertMatchesContract(CONTRACT, "POST", PATH, anonymous);
        assertThat(version(id)).isEqualTo("1");
    }

    private Response bulk(Person who, String comment, String... ids) {
        return bulkDecide(who, "APPROVE", comment, ids);
    }

    private Response bulkDecide(Person who, String decision, String comment, String... ids) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        body.put("items", java.util.Arrays.stream(ids).map(id -> Map.of("approvalId", id)).toList());
        return http.post(PATH, token(who), body);
    }
}
