package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.approvalrequest.persistence.RequestOutboxDeadLetters;
import com.erp.routes.testing.HttpTestClient.Response;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A submission Kafka refuses for good (larger than its topic takes) is set aside with why instead of being tried
 * every look for ever; the console counts it, says why, and replays it once the topic takes it.
 */
class OutboxDeadLetterTest extends ApprovalRequestRouteTestBase {

    @Autowired
    RequestOutboxDeadLetters deadLetters;
    @Autowired
    MeterRegistry meters;

    @Test
    void aSubmissionKafkaRefusesForGoodIsSetAsideAndReplayed() throws Exception {
        String small = submit("작은 문서"); // the topic exists, and takes what fits
        var smallRecord = kafka.await("approval.submitted", rec -> small.equals(rec.key()), 1, Duration.ofSeconds(30));
        assertThat(smallRecord).hasSize(1);
        long before = deadLetters.count(); // none unless an earlier test left some
        // room for a record like that one (and its batch's few dozen bytes), not for one whose title is ~600 bytes longer
        kafka.maxRecordBytes("approval.submitted", String.valueOf(recordBytes(smallRecord.get(0)) + 250));
        String id;
        try {
            Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL",
                    "title", "큰".repeat(200), "body", "본문", "approverIds", List.of(LEAD.id(), HEAD.id())));
            assertThat(r.status()).as("%s", r).isEqualTo(202);
            id = r.json().path("id").asText();
            // out of the outbox and of the relay's sight (the mark gone with it), into the document's dead letters
            await(() -> outboxOf(id).isEmpty() && !stored(id).containsKey(ApprovalDocuments.OUTBOX_MARK));
            assertThat(stored(id).getList(ApprovalDocuments.OUTBOX_DEAD, Document.class)).singleElement()
                    .satisfies(letter -> assertThat(letter.getString("reason")).contains("larger than"));
            assertThat(deadLetters.count()).isEqualTo(before + 1);
            assertThat(deadLetters.reasons()).hasSize((int) before + 1);
            assertThat(deadLetters.reasons().values()).anySatisfy(why -> assertThat(why).contains(id)
                    .contains("larger than"));
            assertThat(meters.get("erp.outbox.dead.letters").tag("service", "approval-request").gauge().value())
                    .isEqualTo(before + 1.0);
            // a later submission goes as before
            String after = submit("뒤의 문서");
            assertThat(kafka.await("approval.submitted", rec -> after.equals(rec.key()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
        } finally {
            kafka.maxRecordBytes("approval.submitted", null);
        }
        // the broker applying the lifted limit, and the relay back at its idle pace (a look a minute) by then: the
        // replay tells it to look soon
        Thread.sleep(6_000);
        assertThat(deadLetters.replay()).as("replayed once the topic takes it").isEqualTo(before + 1);
        assertThat(deadLetters.count()).isZero();
        assertThat(stored(id)).doesNotContainKey(ApprovalDocuments.OUTBOX_DEAD)
                .doesNotContainKey(ApprovalDocuments.OUTBOX_DEAD_MARK);
        assertThat(kafka.await("approval.submitted", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(15)))
                .as("published by the relay").hasSize(1);
        await(() -> outboxOf(id).isEmpty() && !stored(id).containsKey(ApprovalDocuments.OUTBOX_MARK));
        assertThat(deadLetters.replay()).as("nothing left to replay").isZero();
    }

    private Document stored(String id) {
        return approvals().find(new Document("_id", id)).first();
    }

    private static int recordBytes(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record) {
        int bytes = record.serializedKeySize() + record.serializedValueSize();
        for (var header : record.headers()) {
            bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
        }
        return bytes;
    }

    private List<Document> outboxOf(String id) {
        return stored(id).getList("outbox", Document.class, List.of());
    }
}
