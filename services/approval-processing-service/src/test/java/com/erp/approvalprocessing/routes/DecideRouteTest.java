package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.erp.approvalprocessing.api.DecisionRequest;
import com.erp.approvalprocessing.domain.ApprovalState;
import com.erp.approvalprocessing.domain.Transition;
import com.erp.approvalprocessing.domain.Workflow;
import com.erp.approvalprocessing.persistence.RedisApprovalStore;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DecideRouteTest extends ProcessingRouteTestBase {

    @Autowired
    RedisApprovalStore store;
    @Autowired
    Workflow workflow;

    private static final String CONTRACT = "approval-processing-api.yaml";
    private static final String PATH = "/api/approvals/{approvalId}/decisions";

    @Test
    void approveThenApproveCompletesTheDocumentAndPublishesEachStep() throws Exception {
        String id = activated();

        Response first = decide(LEAD, id, "APPROVE", "좋습니다");
        assertThat(first.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/decisions", first);
        assertThat(first.json().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(first.json().path("nextApprover").path("name").asText()).isEqualTo(HEAD.name());
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isTrue();

        Response second = decide(HEAD, id, "APPROVE", null);
        assertThat(second.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();

        JsonNode decided = json.readTree(kafka.awaitKey("approval.decided", id, 2).get(1).value());
        assertThat(decided.path("payload").path("actor").path("name").asText()).isEqualTo(HEAD.name());
        assertThat(decided.path("payload").path("decision").asText()).isEqualTo("APPROVED");
        assertThat(kafka.awaitKey("approval.step-activated", id, 2)).hasSize(2);
        JsonNode completed = json.readTree(kafka.awaitKey("approval.completed", id, 1).get(0).value());
        assertThat(completed.path("sequence").asLong()).isEqualTo(5);
        assertThat(completed.path("payload").path("progress").path("status").asText()).isEqualTo("APPROVED");

        // the document is finished: no more decisions, and nothing changes
        assertProblem(decide(HEAD, id, "REJECT", "늦은 반려"), 409);
        assertThat(version(id)).isEqualTo("5");
    }

    @Test
    void theHeadSendsItBackToTheLeadWithAReason() throws Exception {
        String id = activated();
        assertThat(decide(LEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(assertProblem(decide(HEAD, id, "RETURN", null), 400).path("errors").findValuesAsText("field"))
                .containsExactly("/comment");

        Response back = decide(HEAD, id, "RETURN", "예산 근거 보완");
        assertThat(back.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/decisions", back);
        assertThat(back.json().path("nextApprover").path("name").asText()).isEqualTo(LEAD.name());
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
        JsonNode returned = json.readTree(kafka.awaitKey("approval.decided", id, 2).get(1).value());
        assertThat(returned.path("payload").path("decision").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("payload").path("returnedTo").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(json.readTree(kafka.awaitKey("approval.step-activated", id, 3).get(2).value())
                .path("payload").path("step").asInt()).isEqualTo(1);
    }

    @Test
    void theLeadPutsItOnHoldAndDecidesItLater() throws Exception {
        String id = activated();
        assertThat(redis.opsForZSet().score(RedisKeys.REMINDERS, id)).isNotNull();
        assertThat(assertProblem(decide(LEAD, id, "HOLD", " "), 400).path("errors").findValuesAsText("field"))
                .containsExactly("/comment");
        assertThat(assertProblem(decide(HEAD, id, "HOLD", "나중에"), 409).path("detail").asText()).contains(LEAD.name());

        Response held = decide(LEAD, id, "HOLD", "견적서 확인 후 결정");
        assertThat(held.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/decisions", held);
        assertThat(held.json().path("decision").asText()).isEqualTo("HOLD");
        assertThat(held.json().path("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode event = json.readTree(kafka.awaitKey("approval.decided", id, 1).get(0).value());
        assertThat(event.path("payload").path("decision").asText()).isEqualTo("HELD");
        assertThat(event.path("payload").path("comment").asText()).isEqualTo("견적서 확인 후 결정");
        JsonNode step = event.path("payload").path("progress").path("steps").get(0);
        assertThat(step.path("status").asText()).isEqualTo("PENDING");
        assertThat(step.path("hold").path("reason").asText()).isEqualTo("견적서 확인 후 결정");
        assertThat(step.path("hold").path("by").path("id").asLong()).isEqualTo(LEAD.id());
        // still the lead's, shown on hold in their inbox; no reminders while it is
        Response inbox = http.get("/api/inbox", token(LEAD));
        assertMatchesContract(CONTRACT, "GET", "/api/inbox", inbox);
        JsonNode item = null;
        for (JsonNode i : inbox.json().path("items")) {
            item = id.equals(i.path("approvalId").asText()) ? i : item;
        }
        assertThat(item).isNotNull();
        assertThat(item.path("heldAt").asText()).isEqualTo(step.path("hold").path("at").asText());
        assertThat(redis.opsForZSet().score(RedisKeys.REMINDERS, id)).isNull();
        assertThat(assertProblem(decide(LEAD, id, "HOLD", "다시"), 409).path("detail").asText()).contains("on hold since");

        // deciding ends the hold: the head is asked, and reminded in time
        assertThat(decide(LEAD, id, "APPROVE", "확인했습니다").status()).isEqualTo(200);
        JsonNode approved = json.readTree(kafka.awaitKey("approval.decided", id, 2).get(1).value());
        assertThat(approved.path("payload").path("progress").path("steps").get(0).has("hold")).isFalse();
        assertThat(http.get("/api/inbox", token(HEAD)).json().path("items").findValuesAsText("approvalId")).contains(id);
        assertThat(redis.opsForZSet().score(RedisKeys.REMINDERS, id)).isNotNull();
    }

    @Test
    void rejectingNeedsAReasonAndEndsTheDocument() throws Exception {
        String id = activated();
        JsonNode noReason = assertProblem(decide(LEAD, id, "REJECT", null), 400);
        assertThat(noReason.path("errors").findValuesAsText("field")).containsExactly("/comment");
        assertThat(version(id)).isEqualTo("1");

        Response rejected = decide(LEAD, id, "REJECT", "예산 초과");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        JsonNode event = json.readTree(kafka.awaitKey("approval.rejected", id, 1).get(0).value());
        assertThat(event.path("payload").path("reason").asText()).isEqualTo("예산 초과");
        assertThat(event.path("payload").path("progress").path("steps").findValuesAsText("status"))
                .containsExactly("REJECTED", "SKIPPED");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();
    }

    @Test
    void strangersAndApproversOutOfTurnChangeNothing() throws Exception {
        String id = activated();
        assertThat(assertProblem(decide(OTHER, id, "APPROVE", null), 403).path("detail").asText()).contains("not an approver");
        assertThat(assertProblem(decide(DRAFTER, id, "APPROVE", null), 403).path("detail").asText()).contains("not an approver");
        assertThat(assertProblem(decide(HEAD, id, "APPROVE", null), 409).path("detail").asText()).contains(LEAD.name());
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        String id = activated();
        Response wrongValue = http.post("/api/approvals/" + id + "/decisions", token(LEAD), Map.of("decision", "MAYBE"));
        assertThat(assertProblem(wrongValue, 400).path("errors").findValuesAsText("field")).contains("/decision");
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/decisions", wrongValue);
        assertProblem(http.post("/api/approvals/" + id + "/decisions", null, Map.of("decision", "APPROVE")), 401);
        assertProblem(decide(LEAD, "00000000-0000-0000-0000-000000000000", "APPROVE", null), 404);
        assertThat(version(id)).isEqualTo("1");
    }

    @Test
    void whenTwoDecisionsRaceExactlyOneWins() throws Exception {
        String id = activated();
        Callable<Integer> approve = () -> decide(LEAD, id, "APPROVE", null).status();
        List<Integer> statuses = Concurrently.run(List.of(approve, approve, approve, approve));
        assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        assertThat(version(id)).isEqualTo("3");
        // waiting for a second one: only one decision was ever published
        assertThat(kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void agreersDecidingAtTheSameMomentAreEachServedInTurn() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = activated(List.of(LineStep.agreement(1, List.of(LEAD, OTHER)), new LineStep(2, HEAD)));
            Callable<Integer> lead = () -> decide(LEAD, id, "APPROVE", null).status();
            Callable<Integer> other = () -> decide(OTHER, id, "APPROVE", "동의").status();
            List<Integer> statuses = Concurrently.run(List.of(lead, other));
            // whoever stored second read the first's agreement and completed the step: nobody is told to try again
            assertThat(statuses).containsExactly(200, 200);
            assertThat(version(id)).isEqualTo("4");
            assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isTrue();
            assertThat(kafka.awaitKey("approval.decided", id, 2)).hasSize(2);
        }
    }

    @Test
    void eightAgreersDecidingAtTheSameMomentAreAllServed() throws Exception {
        List<Person> agreers = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            agreers.add(new Person(3000 + i, "합의자 " + i, "TEAM_LEAD", "개발본부"));
        }
        String id = activated(List.of(LineStep.agreement(1, agreers), new LineStep(2, HEAD)));
        List<Callable<Integer>> all = agreers.stream()
                .<Callable<Integer>>map(a -> () -> decide(a, id, "APPROVE", null).status()).toList();
        // the contract: decisions arriving together are served one after the other, none told to try again
        assertThat(Concurrently.run(all)).containsOnly(200);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).as("the step agreed").isTrue();
    }

    @Test
    void aDecisionMadeOnAStateSomeoneElseChangedMeanwhileIsRefusedAndChangesNothing() throws Exception {
        String id = activated();
        ApprovalState seen = store.state(redis.opsForHash().entries(RedisKeys.approval(id)));
        Caller lead = new Caller(LEAD.id(), "lead", LEAD.name(), LEAD.department(), LEAD.position(), Set.of("EMPLOYEE"));
        // both decided on the same state: the Workflow alone cannot tell them apart, the store's version check must
        Transition approve = workflow.decide(seen, id, new DecisionRequest("APPROVE", null), lead);
        Transition reject = workflow.decide(seen, id, new DecisionRequest("REJECT", "늦은 반려"), lead);
        assertThat(store.commit(approve, 1)).isSameAs(approve);

        // not stored: the route reads the state again and retries, and at the last attempt the caller gets 409
        assertThat(store.commit(reject, 1)).isNull();
        ProblemException refused = catchThrowableOfType(ProblemException.class,
                () -> store.commit(reject, com.erp.approvalprocessing.persistence.RedisApprovalStore.ATTEMPTS));
        assertThat(refused.status()).isEqualTo(409);
        ApprovalState now = store.state(redis.opsForHash().entries(RedisKeys.approval(id)));
        assertThat(now.version()).isEqualTo(3);
        assertThat(now.progress().status()).isEqualTo(Progress.Status.IN_PROGRESS);
        assertThat(now.progress().currentStep()).isEqualTo(2);
        assertThat(redis.opsForHash().hasKey(RedisKeys.inbox(HEAD.id()), id)).isTrue();
        for (ApprovalEvent event : reject.events()) {
            assertThat(redis.opsForHash().hasKey(RedisKeys.PROCESSING_OUTBOX, event.eventId()))
                    .as("the refused decision's events are not in the outbox").isFalse();
        }
    }
}
