package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.erp.approvalprocessing.persistence.RedisOutbox;
import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.KafkaProbe;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A decision made while Kafka is down is kept, and its events are published when Kafka is back, in the order they
 * were stored, still carrying the trace of the request that made it (here the client's own).
 */
class ProcessingOutboxTest extends ProcessingRouteTestBase {

    @Autowired
    RedisOutbox outbox;

    private static final String TRACE = "8bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aDecisionTakenWhileKafkaIsDownIsPublishedWhenItReturns() throws Exception {
        String id = activated();
        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0)).kafka();
        broker.stop();
        try {
            var r = http.send(http.request("/api/approvals/" + id + "/decisions", token(LEAD))
                    .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"decision\":\"APPROVE\",\"comment\":\"장애 중 승인\"}")).build());
            assertThat(r.status()).as("decided while Kafka is down: %s", r).isEqualTo(200);
            assertThat(version(id)).isEqualTo("3");
            assertThat(redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX)).isEqualTo(2);
            // the relay reads them in the order they were stored: the decision before the step it activates
            List<String> order = new ArrayList<>(redis.opsForZSet().range(RedisKeys.PROCESSING_OUTBOX_ORDER, 0, -1));
            assertThat(order).hasSize(2);
            assertThat(order.stream().map(eventId -> entry(eventId).topic()))
                    .containsExactly("approval.decided", "approval.step-activated");
        } finally {
            NotifyBuilder relayed = new NotifyBuilder(camel).fromRoute("approval-processing.outbox-relay")
                    .whenCompleted(1).create();
            broker.start();
            assertThat(relayed.matches(60, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX)).isZero();
        assertThat(redis.opsForZSet().size(RedisKeys.PROCESSING_OUTBOX_ORDER)).as("published entries leave the order").isZero();
        var decided = kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(decided).hasSize(1);
        assertThat(KafkaProbe.header(decided.get(0), "traceparent")).as("published by the relay, in the request's trace")
                .startsWith("00-" + TRACE + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }

    /**
     * A round reads the oldest entries only (a Kafka outage may have left very many), in order; entries an earlier
     * version stored without the order are adopted into it, before everything stored since, oldest first; an id
     * whose entry an earlier version removed leaves the order.
     */
    @Test
    void aRoundReadsTheOldestEntriesOnlyAndAdoptsThoseStoredWithoutAnOrder() throws Exception {
        camel.getRouteController().stopRoute("approval-processing.outbox-relay"); // this test is the relay
        try {
            Instant now = Instant.now();
            OutboxEntry third = legacy("legacy-3", now.minusSeconds(40));
            OutboxEntry first = legacy("legacy-1", now.minusSeconds(60));
            OutboxEntry second = legacy("legacy-2", now.minusSeconds(50));
            redis.opsForZSet().add(RedisKeys.PROCESSING_OUTBOX_ORDER, "removed-by-an-earlier-version", -4.4e15);

            List<OutboxEntry> due = outbox.due(2);

            assertThat(due).extracting(OutboxEntry::eventId).containsExactly(first.eventId(), second.eventId());
            assertThat(redis.opsForZSet().range(RedisKeys.PROCESSING_OUTBOX_ORDER, 0, 2))
                    .containsExactly(first.eventId(), second.eventId(), third.eventId());
            for (OutboxEntry entry : List.of(first, second)) {
                outbox.published(entry);
            }
            assertThat(outbox.due(2)).extracting(OutboxEntry::eventId).containsExactly(third.eventId());
            outbox.published(third);
            assertThat(redis.opsForHash().hasKey(RedisKeys.PROCESSING_OUTBOX, third.eventId())).isFalse();
            assertThat(redis.opsForZSet().score(RedisKeys.PROCESSING_OUTBOX_ORDER, third.eventId())).isNull();
        } finally {
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
    }

    /** An entry as a version before the order stored it: in the hash only. */
    private OutboxEntry legacy(String eventId, Instant createdAt) throws Exception {
        OutboxEntry entry = new OutboxEntry("legacy-doc", eventId, "approval.decided", "{}", createdAt, null);
        redis.opsForHash().put(RedisKeys.PROCESSING_OUTBOX, eventId, json.writeValueAsString(entry));
        return entry;
    }

    private OutboxEntry entry(String eventId) {
        try {
            return json.readValue((String) redis.opsForHash().get(RedisKeys.PROCESSING_OUTBOX, eventId), OutboxEntry.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
