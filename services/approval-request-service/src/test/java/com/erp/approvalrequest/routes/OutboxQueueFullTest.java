package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.testing.HttpTestClient.Response;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Submissions are published from the outbox's queue. While Kafka is away that queue fills up; a submission that
 * finds it full is still accepted (its event stays in the outbox) and the relay publishes it once Kafka is back.
 */
@TestPropertySource(properties = "erp.approval-request.outbox.detached-queue-size=1")
class OutboxQueueFullTest extends ApprovalRequestRouteTestBase {

    @Test
    void submissionsThatFindTheQueueFullAreAcceptedAndRelayedLater() throws Exception {
        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, java.util.Set.of(), false, 0)).kafka();
        broker.stop();
        List<String> ids;
        try {
            List<CompletableFuture<Response>> sent = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> http.post("/api/approvals", token(DRAFTER),
                            Map.of("type", "GENERAL", "title", "큐가 찬 동안 " + i, "approverIds", List.of(LEAD.id(), HEAD.id())))))
                    .toList();
            List<Response> answers = sent.stream().map(CompletableFuture::join).toList();
            assertThat(answers).as("every submission accepted while Kafka is away")
                    .allSatisfy(r -> assertThat(r.status()).as("%s", r).isEqualTo(202));
            ids = answers.stream().map(r -> r.json().path("id").asText()).toList();
        } finally {
            broker.start();
        }
        for (String id : ids) {
            await(() -> approvals().find(new Document("_id", id)).first().getList("outbox", Document.class).isEmpty());
            // at least once: a queued entry and the relay may both publish it (consumers are idempotent)
            assertThat(kafka.await("approval.submitted", r -> id.equals(r.key()), 1, Duration.ofSeconds(10)))
                    .as("%s published once Kafka is back", id).isNotEmpty();
        }
    }
}
