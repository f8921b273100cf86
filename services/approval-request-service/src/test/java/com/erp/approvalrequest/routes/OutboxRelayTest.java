package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.testing.HttpTestClient.Response;
import org.apache.camel.builder.NotifyBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Nothing accepted is lost when the broker is down: the document waits in the outbox until Kafka is back. */
class OutboxRelayTest extends ApprovalRequestRouteTestBase {

    @Test
    void aSubmissionAcceptedWhileKafkaIsDownIsPublishedWhenItReturns() {
        var broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, java.util.Set.of(), false, 0)).kafka();
        broker.stop();
        String id;
        try {
            NotifyBuilder publishAttempted = new NotifyBuilder(camel).fromRoute("approval-request.outbox-queue")
                    .whenCompleted(1).create();
            Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "장애 중 제출",
                    "approverIds", java.util.List.of(LEAD.id(), HEAD.id())));
            assertThat(r.status()).as("accepted while Kafka is down: %s", r).isEqualTo(202);
            // the send waits for the absent broker's metadata (max-block-ms, 3 s); the answer did not wait for it
            assertThat(publishAttempted.matches()).as("the 202 waited for the publication").isFalse();
            id = r.json().path("id").asText();
            Document stored = approvals().find(new Document("_id", id)).first();
            assertThat(stored.getList("outbox", Document.class)).as("event kept in the outbox").hasSize(1);
            assertThat(stored.getString(ApprovalDocuments.OUTBOX_MARK)).as("marked for the relay")
                    .isEqualTo(ApprovalDocuments.outboxMark(id, stored.getDate("submittedAt").toInstant()));
            // the queued send gives up while the broker is away (max-block-ms): from now on only the relay can
            // publish the entry
            assertThat(publishAttempted.matches(30, TimeUnit.SECONDS)).as("the queued send gave up").isTrue();
            assertThat(approvals().find(new Document("_id", id)).first().getList("outbox", Document.class))
                    .as("still in the outbox after the failed send").hasSize(1);
        } finally {
            startAgain(broker);
        }
        // the queued send is over, so what empties the outbox now is the relay
        await(() -> approvals().find(new Document("_id", id)).first().getList("outbox", Document.class).isEmpty());
        assertThat(approvals().find(new Document("_id", id)).first()).as("mark removed with the last entry")
                .doesNotContainKey(ApprovalDocuments.OUTBOX_MARK);
        // everything sent by now is readable: the event is there. At least once: a send the returning broker wrote but
        // answered too late counts as failed, and the relay sends it again (seen in CI, 3 s apart); every copy is the
        // same event, which consumers take once (by its id and sequence)
        var published = kafka.await("approval.submitted", rec -> id.equals(rec.key()), 2, Duration.ofSeconds(5));
        assertThat(published).as("published once Kafka is back").isNotEmpty();
        assertThat(published.stream().map(rec -> rec.value()).distinct()).as("the same event").hasSize(1);
    }

    private static void startAgain(com.erp.devinfra.EmbeddedKafka broker) {
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
