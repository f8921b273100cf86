package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/** A decision made while Kafka is down is kept, and its events are published when Kafka is back. */
class ProcessingOutboxTest extends ProcessingRouteTestBase {

    @Test
    void aDecisionTakenWhileKafkaIsDownIsPublishedWhenItReturns() throws Exception {
        String id = activated();
        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0)).kafka();
        broker.stop();
        try {
            var r = decide(LEAD, id, "APPROVE", "장애 중 승인");
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
        assertThat(kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(5))).hasSize(1);
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }
}
