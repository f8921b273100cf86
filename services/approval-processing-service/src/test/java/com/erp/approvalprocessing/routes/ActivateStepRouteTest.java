package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.time.Instant;

import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ActivateStepRouteTest extends ProcessingRouteTestBase {

    @Test
    void aSubmissionActivatesItsFirstStepOnceEvenIfDeliveredTwice() throws Exception {
        String id = activated();

        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + HEAD.id(), id)).isFalse();
        assertThat(redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX)).as("outbox emptied once published").isZero();

        List<ConsumerRecord<String, String>> activated = kafka.awaitKey("approval.step-activated", id, 1);
        JsonNode event = json.readTree(activated.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("approval.step-activated");
        assertThat(event.path("sequence").asLong()).isEqualTo(1);
        assertThat(event.path("payload").path("step").asInt()).isEqualTo(1);
        assertThat(event.path("payload").path("approvers").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(event.path("payload").path("progress").path("steps").findValuesAsText("status"))
                .containsExactly("PENDING", "WAITING");

        // the same submission again: nothing changes, nothing more is published
        NotifyBuilder again = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1).create();
        kafka.send("approval.submitted", id, json.writeValueAsString(submittedEvent(id)));
        assertThat(again.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).isEqualTo("1");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 2, Duration.ofSeconds(3))).hasSize(1);

        HttpTestClient.Response inbox = http.get("/api/inbox", token(LEAD));
        assertMatchesContract("approval-processing-api.yaml", "GET", "/api/inbox", inbox);
        assertThat(inbox.json().path("items").findValuesAsText("approvalId")).contains(id);
        assertThat(http.get("/api/inbox", token(HEAD)).json().path("items").findValuesAsText("approvalId")).doesNotContain(id);
        // a lead approves a general document with final authority (전결) nowhere: their item does not offer it
        assertThat(item(inbox, id).has("finalAuthority")).isFalse();
    }

    private static JsonNode item(HttpTestClient.Response inbox, String id) {
        for (JsonNode i : inbox.json().path("items")) {
            if (id.equals(i.path("approvalId").asText())) {
                return i;
            }
        }
        throw new AssertionError("no item " + id);
    }

    /**
     * The inbox item says whether 전결 is its approver's now: a head before another step may; the last step's may not.
     * Read as the document's page reads it, the document's items only.
     */
    @Test
    void anInboxItemSaysWhetherItsApproverMayApproveWithFinalAuthority() throws Exception {
        String id = activated(List.of(new LineStep(1, HEAD), new LineStep(2, OTHER)));
        assertThat(item(http.get("/api/inbox?approvalId=" + id, token(HEAD)), id).path("finalAuthority").asBoolean()).isTrue();
        assertThat(decide(HEAD, id, "APPROVE", null).status()).isEqualTo(200);
        assertThat(item(http.get("/api/inbox?approvalId=" + id, token(OTHER)), id).has("finalAuthority")).as("the last step").isFalse();
        // a 합의 after the head: 전결 would skip it, so it is not offered (by position alone it was)
        String agreed = activated(List.of(new LineStep(1, HEAD), LineStep.agreement(2, List.of(OTHER)), new LineStep(3, LEAD)));
        assertThat(item(http.get("/api/inbox?approvalId=" + agreed, token(HEAD)), agreed).has("finalAuthority")).isFalse();
    }

    @Test
    void aPoisonSubmissionGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        kafka.send("approval.submitted", "poison-1", "{\"type\":\"approval.submitted\",\"payload\":42");
        String id = activated(); // a good one after it is still processed

        List<ConsumerRecord<String, String>> dead = kafka.await("approval.submitted.dlq", r -> "poison-1".equals(r.key()),
                1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-original-topic")).isEqualTo("approval.submitted");
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-reason")).isNotBlank();
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-route")).isEqualTo("approval-processing.activate-step");
        assertThat(version(id)).isEqualTo("1");
    }

    /**
     * A submission this version of the line's rules refuses (here the drafter on their own line, which
     * approval-request refuses too; a rule that differs between two versions during a rollout does the same) is
     * answered, not only dead-lettered: approval.refused on the rejected topic, final, every step skipped, the same
     * event however often it comes, and no state.
     */
    @Test
    void aSubmissionAgainstTheLinesRulesIsRefusedWithItsReasonNotLeftWaiting() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        EventPayload.Submitted own = new EventPayload.Submitted(DRAFTER.id(), "자기 결재", DRAFTER, "GENERAL",
                List.of(new LineStep(1, DRAFTER), new LineStep(2, HEAD)), Instant.now(), null, null);
        String submitted = json.writeValueAsString(ApprovalEvent.of(id, 0, Instant.now(), own));
        kafka.send("approval.submitted", id, submitted);
        JsonNode refused = json.readTree(kafka.awaitKey("approval.rejected", id, 1).get(0).value());
        assertThat(refused.path("type").asText()).isEqualTo("approval.refused");
        assertThat(refused.path("sequence").asLong()).isEqualTo(ApprovalEvent.FINAL_SEQUENCE);
        assertThat(refused.path("payload").path("reason").asText()).contains(id);
        assertThat(refused.path("payload").path("drafter").path("name").asText()).isEqualTo(DRAFTER.name());
        assertThat(refused.path("payload").path("progress").path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("payload").path("progress").path("steps").findValuesAsText("status"))
                .containsExactly("SKIPPED", "SKIPPED");
        ApprovalEvent read = json.readValue(kafka.awaitKey("approval.rejected", id, 1).get(0).value(), ApprovalEvent.class);
        assertThat(read.payload()).isInstanceOf(EventPayload.Refused.class);

        // delivered again: the same answer (the same event id, which every consumer keeps once), still no state
        kafka.send("approval.submitted", id, submitted);
        List<ConsumerRecord<String, String>> twice = kafka.await("approval.rejected", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(twice).hasSize(2);
        assertThat(json.readTree(twice.get(1).value()).path("eventId").asText()).isEqualTo(refused.path("eventId").asText());
        assertThat(version(id)).isNull();
        assertThat(kafka.await("approval.submitted.dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(2)))
                .as("answered, not dead-lettered").isEmpty();

        // a version of the rules that lets it through meets it later (a rollout): refused stays refused
        NotifyBuilder later = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1).create();
        kafka.send("approval.submitted", id, json.writeValueAsString(submittedEvent(id)));
        assertThat(later.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).isNull();
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();

        // and the other way round: started by a version that let it through, a refusing one leaves it started
        String started = activated();
        NotifyBuilder redelivered = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1)
                .create();
        kafka.send("approval.submitted", started, json.writeValueAsString(ApprovalEvent.of(started, 0, Instant.now(), own)));
        assertThat(redelivered.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(started)).isEqualTo("1");
        assertThat(kafka.await("approval.rejected", r -> started.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aLeaveDocumentStartsWhenItsDaysAreReservedNotWhenItIsSubmitted() throws Exception {
        String id = java.util.UUID.randomUUID().toString();
        EventPayload.Submitted leave = new EventPayload.Submitted(DRAFTER.id(), "연차", DRAFTER, "LEAVE",
                List.of(new LineStep(1, LEAD), new LineStep(2, HEAD)), Instant.now(), null,
                LeaveRules.leave("ANNUAL", "2031-03-03", "2031-03-04", CompanyDays.WEEKDAYS));
        NotifyBuilder passed = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1).create();
        kafka.send("approval.submitted", id, json.writeValueAsString(ApprovalEvent.of(id, 0, Instant.now(), leave)));
        assertThat(passed.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).as("not started before the leave ledger holds its days").isNull();
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isFalse();

        NotifyBuilder started = new NotifyBuilder(camel).fromRoute("approval-processing.activate-leave").whenCompleted(1)
                .and().fromRoute("approval-processing.outbox-queue").whenCompleted(1).create();
        kafka.send("approval.leave-reserved", id, json.writeValueAsString(ApprovalEvent.of(id, 0, Instant.now(),
                new EventPayload.LeaveReserved(DRAFTER.id(), "연차", leave, 13.0))));
        assertThat(started.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(version(id)).isEqualTo("1");
        assertThat(redis.opsForHash().hasKey(RedisKeys.INBOX + LEAD.id(), id)).isTrue();
        JsonNode activated = json.readTree(kafka.awaitKey("approval.step-activated", id, 1).get(0).value());
        assertThat(activated.path("payload").path("approvers").findValuesAsText("name")).containsExactly(LEAD.name());
    }
}
