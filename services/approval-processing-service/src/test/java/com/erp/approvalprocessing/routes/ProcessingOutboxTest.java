package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.KafkaProbe;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * A decision made while Kafka is down is kept, and its events are published when Kafka is back, still carrying the
 * trace of the request that made it (here the client's own).
 */
class ProcessingOutboxTest extends ProcessingRouteTestBase {

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
        var decided = kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(decided).hasSize(1);
        assertThat(KafkaProbe.header(decided.get(0), "traceparent")).as("published by the relay, in the request's trace")
                .startsWith("00-" + TRACE + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }
}
