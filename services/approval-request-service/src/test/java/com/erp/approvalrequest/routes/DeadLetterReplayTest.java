package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dead letters for operators: listed with their reasons, replayed once to their original topic, where the consumers
 * take them as if they had just been published; one that fails again becomes a new dead letter, not a loop.
 */
class DeadLetterReplayTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final String ACTIVATED_DLQ = "approval.step-activated.dlq";
    private static final String DECIDED_DLQ = "approval.decided.dlq";

    @Autowired
    ObjectMapper json;

    /** A message as the dead-letter route publishes it: unchanged, with the failure in x-dlq-* headers. */
    private void deadLetter(String dlq, String key, String value, String reason) {
        String original = dlq.substring(0, dlq.length() - ".dlq".length());
        kafka.send(dlq, key, value, Map.of("x-dlq-topic", dlq, "x-dlq-original-topic", original,
                "x-dlq-reason", reason, "x-dlq-exception", "com.mongodb.MongoTimeoutException",
                "x-dlq-route", "approval-request.record", "x-dlq-failed-at", Instant.now().toString()));
    }

    private JsonNode overview(String topic) {
        Response r = http.get("/api/admin/dead-letters?limit=100" + (topic == null ? "" : "&topic=" + topic), adminToken());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static long pending(JsonNode overview, String topic) {
        for (JsonNode t : overview.path("topics")) {
            if (topic.equals(t.path("topic").asText())) {
                return t.path("pending").asLong();
            }
        }
        throw new AssertionError("no topic " + topic + " in " + overview);
    }

    private Response post(String path, String token) {
        return http.send(http.request(path, token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    private Response replay(String topic) {
        return post("/api/admin/dead-letters/replay" + (topic == null ? "" : "?topic=" + topic), adminToken());
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedOnceToTheTopicItCameFrom() throws Exception {
        assertThat(replay(ACTIVATED_DLQ).status()).as("whatever earlier tests left there").isEqualTo(200);
        String id = submit("재처리 테스트");
        await(() -> approvals().find(new Document("_id", id)).first() != null);
        Progress pending = new Progress(Progress.Status.IN_PROGRESS, 1, List.of(new StepProgress(1, StepStatus.PENDING, null, null),
                new StepProgress(2, StepStatus.WAITING, null, null)));
        ApprovalEvent activated = ApprovalEvent.of(id, 1, Instant.now(), new EventPayload.StepActivated(DRAFTER.id(),
                "재처리 테스트", DRAFTER, 1, 2, List.of(LEAD), pending));
        deadLetter(ACTIVATED_DLQ, id, json.writeValueAsString(activated), "MongoDB was away for too long");

        Response listed = http.get("/api/admin/dead-letters?topic=" + ACTIVATED_DLQ, adminToken());
        assertMatchesContract(CONTRACT, "GET", "/api/admin/dead-letters", listed);
        assertThat(listed.json().path("topics")).hasSize(1);
        assertThat(pending(listed.json(), ACTIVATED_DLQ)).isEqualTo(1);
        JsonNode message = listed.json().path("messages").get(0);
        assertThat(message.path("key").asText()).isEqualTo(id);
        assertThat(message.path("originalTopic").asText()).isEqualTo("approval.step-activated");
        assertThat(message.path("reason").asText()).isEqualTo("MongoDB was away for too long");
        assertThat(message.path("route").asText()).isEqualTo("approval-request.record");
        assertThat(json.readTree(message.path("value").asText()).path("eventId").asText()).isEqualTo(activated.eventId());
        assertThat(approvals().find(new Document("_id", id)).first().getString("status")).isEqualTo("SUBMITTED");

        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        Response replayed = replay(ACTIVATED_DLQ);
        assertThat(replayed.status()).as("%s", replayed).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/admin/dead-letters/replay", replayed);
        assertThat(replayed.json().path("replayed").asLong()).isEqualTo(1);
        assertThat(replayed.json().path("topics").get(0).path("left").asLong()).isZero();
        assertThat(recorded.matches(30, TimeUnit.SECONDS)).isTrue();

        // the record route took it as if just published
        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(doc.getList("history", Document.class)).extracting(h -> h.getString("eventId")).contains(activated.eventId());
        List<ConsumerRecord<String, String>> onTopic = kafka.awaitKey("approval.step-activated", id, 1);
        assertThat(KafkaProbe.header(onTopic.get(0), "x-dlq-replayed-from")).startsWith(ACTIVATED_DLQ + "/");
        assertThat(KafkaProbe.header(onTopic.get(0), "x-dlq-reason")).as("the failure stays with the dead letter").isNull();

        // once: nothing pending, a second replay replays nothing
        assertThat(pending(overview(ACTIVATED_DLQ), ACTIVATED_DLQ)).isZero();
        assertThat(replay(ACTIVATED_DLQ).json().path("replayed").asLong()).isZero();
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 2, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aMessageThatFailsAgainBecomesANewDeadLetterForALaterReplayNotALoop() {
        assertThat(replay(DECIDED_DLQ).status()).isEqualTo(200);
        String key = java.util.UUID.randomUUID().toString();
        deadLetter(DECIDED_DLQ, key, "still not an event", "unreadable");

        Response replayed = replay(DECIDED_DLQ);
        // earlier tests' poison, failing again after the clearing replay, may be replayed with it
        assertThat(replayed.json().path("replayed").asLong()).isPositive();
        // the record route fails it again: a new dead letter, which says where it was replayed from
        List<ConsumerRecord<String, String>> dead = kafka.await(DECIDED_DLQ,
                r -> key.equals(r.key()) && KafkaProbe.header(r, "x-dlq-replayed-from") != null, 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-route")).isEqualTo("approval-request.record");
        assertThat(kafka.await(DECIDED_DLQ, r -> key.equals(r.key()), 3, Duration.ofSeconds(2)))
                .as("the original and the one failure of its replay: no loop").hasSize(2);

        // pending again, for a later replay, with where it had been replayed from
        JsonNode again = overview(DECIDED_DLQ).path("messages").findParents("key").stream()
                .filter(m -> key.equals(m.path("key").asText())).findFirst().orElseThrow();
        assertThat(again.path("replayedFrom").asText()).startsWith(DECIDED_DLQ + "/");
        assertThat(again.path("reason").asText()).isNotEqualTo("unreadable");
    }

    /**
     * A compacted topic keeps each key's last record as its state (here a person's token revocations): a dead letter
     * sent back would become the last and replace a newer record, which compaction then drops for good. It is listed,
     * not replayed, and the answer says why.
     */
    @Test
    void theDeadLettersOfACompactedTopicAreNotReplayedOverNewerState() throws Exception {
        String dlq = "employee.tokens-revoked.dlq";
        String key = String.valueOf(900_000 + (long) (Math.random() * 100_000));
        deadLetter(dlq, key, "{\"old\":true}", "poison");
        await(() -> pending(overview(dlq), dlq) > 0);
        Response r = replay(dlq);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/admin/dead-letters/replay", r);
        JsonNode topic = r.json().path("topics").get(0);
        assertThat(topic.path("replayed").asLong()).isZero();
        assertThat(topic.path("left").asLong()).isPositive();
        assertThat(topic.path("notReplayed").asText()).contains("last record");
        assertThat(kafka.await("employee.tokens-revoked", rec -> key.equals(rec.key()), 1, Duration.ofSeconds(2)))
                .as("nothing sent over the newer state").isEmpty();
        assertThat(pending(overview(dlq), dlq)).as("still there to read").isPositive();
    }

    @Test
    void onlyAdministratorsSeeOrReplayDeadLettersAndOnlyOfDeadLetterTopics() {
        assertThat(assertProblem(http.get("/api/admin/dead-letters", token(DRAFTER)), 403).path("detail").asText())
                .contains("administrators");
        assertProblem(post("/api/admin/dead-letters/replay", token(LEAD)), 403);
        assertProblem(http.get("/api/admin/dead-letters", null), 401);
        assertProblem(post("/api/admin/dead-letters/replay", null), 401);

        JsonNode notDlq = assertProblem(replay("approval.decided"), 400);
        assertThat(notDlq.path("detail").asText()).contains("Not a dead-letter topic");
        assertThat(notDlq.path("errors").findValuesAsText("field")).containsExactly("topic");
        assertThat(assertProblem(http.get("/api/admin/dead-letters?limit=0", adminToken()), 400)
                .path("errors").findValuesAsText("field")).contains("limit");

        // every dead-letter topic is listed when none is named
        assertThat(overview(null).path("topics").findValuesAsText("topic")).contains(ACTIVATED_DLQ, DECIDED_DLQ,
                "approval.submitted.dlq", "approval.withdrawn.dlq");
    }
}
