package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.erp.devinfra.FreePort;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.redis.ReplicationBarrier;
import com.erp.routes.testing.HttpTestClient.Response;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

/**
 * With a replica to wait for (a second real redis-server following the first): a decision's events are published,
 * and a consumed submission counts as done, only once the replica holds the change. With the replica gone, the events
 * stay in the outbox (the document held behind them) and the submission is retried, until it follows again.
 */
@TestPropertySource(properties = {
        "erp.redis.replicas-to-wait=1",
        "erp.redis.replication-timeout=300ms",
        // a topic and group of its own: the other tests' cached contexts consume approval.submitted too, and would
        // publish what they activate without waiting for the replica
        "erp.topics.submitted=" + RedisReplicationTest.TOPIC,
        "erp.approval-processing.group-id=erp-approval-processing-replicated",
        "erp.topics.leave-reserved=approval.leave-reserved.replicated",
        "erp.topics.delegation-changed=employee.delegation-changed.replicated",
        "erp.approval-processing.reminders.after=0",
        "camel.main.inflight-repository-browse-enabled=true" // to see the submission being retried
})
class RedisReplicationTest extends ProcessingRouteTestBase {

    static final String TOPIC = "approval.submitted.replicated";
    private static final String ACTIVATE = "approval-processing.activate-step";

    @Value("${spring.data.redis.port}")
    int primaryPort;
    @Autowired
    ReplicationBarrier barrier;

    @Test
    void eventsArePublishedOnlyOnceTheReplicaHoldsTheirChange() throws Exception {
        try (Replica replica = new Replica(primaryPort)) {
            RedisCommands<String, String> onReplica = replica.commands();

            // following: published at once, and the decision is on the replica by then
            String id = activated();
            long roundsBefore = barrier.rounds();
            Response approved = decide(LEAD, id, "APPROVE", null);
            assertThat(approved.status()).as("%s", approved).isEqualTo(200);
            assertThat(kafka.awaitKey("approval.decided", id, 1)).hasSize(1);
            assertThat(onReplica.hget(RedisKeys.APPROVAL + id, "version")).isEqualTo(version(id));
            assertThat(barrier.rounds()).isGreaterThan(roundsBefore);
            assertThat(redis.hasKey(RedisKeys.PROCESSING_OUTBOX_HELD + id)).isFalse();

            // no longer following: the decision is taken, its events wait in the outbox, the document held
            replica.stopFollowing();
            Response rejected = decide(HEAD, id, "REJECT", "다시 확인해 주세요");
            assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
            assertThat(redis.hasKey(RedisKeys.PROCESSING_OUTBOX_HELD + id)).as("held behind its events").isTrue();
            assertThat(redis.opsForHash().values(RedisKeys.PROCESSING_OUTBOX).stream()
                    .anyMatch(entry -> String.valueOf(entry).contains(id))).as("its events in the outbox").isTrue();

            // following again: the relay publishes them, and lets the document go
            replica.follow();
            assertThat(kafka.awaitKey("approval.decided", id, 2)).hasSize(2);
            awaitTrue(() -> !redis.hasKey(RedisKeys.PROCESSING_OUTBOX_HELD + id));
            assertThat(onReplica.hget(RedisKeys.APPROVAL + id, "version")).isEqualTo(version(id));
        }
    }

    @Test
    void aSubmissionCountsAsConsumedOnlyOnceTheReplicaHoldsItsActivation() throws Exception {
        try (Replica replica = new Replica(primaryPort)) {
            replica.stopFollowing();
            String id = UUID.randomUUID().toString();
            // the consumed message's exchange (not the split copies that hold its events)
            NotifyBuilder consumed = new NotifyBuilder(camel).fromRoute(ACTIVATE)
                    .filter(e -> e.getProperty(org.apache.camel.Exchange.SPLIT_INDEX) == null).whenCompleted(1).create();
            kafka.send(TOPIC, id, json.writeValueAsString(submittedEvent(id)));
            // activated on the primary, and still being retried: its offset is not committed
            awaitTrue(() -> "1".equals(redis.opsForHash().get(RedisKeys.APPROVAL + id, "version")));
            awaitTrue(() -> camel.getInflightRepository().browse(ACTIVATE).stream().anyMatch(e ->
                    e.getExchange().getMessage().getHeader(org.apache.camel.Exchange.REDELIVERY_COUNTER, 0,
                            Integer.class) > 0));
            assertThat(consumed.matches(0, TimeUnit.SECONDS)).as("not done before the replica holds it").isFalse();

            replica.follow();
            assertThat(consumed.matches(30, TimeUnit.SECONDS)).as("done once it does").isTrue();
            assertThat(replica.commands().hget(RedisKeys.APPROVAL + id, "version")).isEqualTo("1");
            assertThat(kafka.awaitKey("approval.step-activated", id, 1)).hasSize(1);
        }
    }

    @Test
    void aRefusalIsToldOnlyOnceTheReplicaHoldsIt() throws Exception {
        try (Replica replica = new Replica(primaryPort)) {
            replica.stopFollowing();
            String id = UUID.randomUUID().toString();
            // against the line's rules: the drafter on their own line
            EventPayload.Submitted own = new EventPayload.Submitted(DRAFTER.id(), "자기 결재", DRAFTER, "GENERAL",
                    List.of(new LineStep(1, DRAFTER), new LineStep(2, HEAD)), Instant.now(), null, null);
            kafka.send(TOPIC, id, json.writeValueAsString(ApprovalEvent.of(id, 0, Instant.now(), own)));
            // marked refused on the primary, retried, and not told while the replica could lose the mark
            awaitTrue(() -> redis.hasKey(RedisKeys.refused(id)));
            awaitTrue(() -> camel.getInflightRepository().browse(ACTIVATE).stream().anyMatch(e ->
                    e.getExchange().getMessage().getHeader(org.apache.camel.Exchange.REDELIVERY_COUNTER, 0,
                            Integer.class) > 0));
            assertThat(kafka.await("approval.rejected", r -> id.equals(r.key()), 1, Duration.ofSeconds(1))).isEmpty();

            replica.follow();
            assertThat(kafka.awaitKey("approval.rejected", id, 1)).isNotEmpty();
            assertThat(replica.commands().get(RedisKeys.refused(id))).isEqualTo("1");
        }
    }

    /** A second redis-server, following the service's. */
    private final class Replica implements AutoCloseable {
        private final int primary;
        private final RedisServer server;
        private final RedisClient client;
        private final StatefulRedisConnection<String, String> connection;

        Replica(int primary) throws Exception {
            this.primary = primary;
            Path dir = Files.createTempDirectory("redis-replica");
            int port = FreePort.find();
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("dir " + dir.toAbsolutePath()).setting("appendonly no").setting("save \"\"")
                    .setting("replicaof 127.0.0.1 " + primary).build();
            server.start();
            client = RedisClient.create("redis://127.0.0.1:" + port);
            connection = client.connect();
            awaitFollowing();
        }

        RedisCommands<String, String> commands() {
            return connection.sync();
        }

        void stopFollowing() throws InterruptedException {
            commands().replicaofNoOne();
            awaitTrue(() -> "0".equals(redis.execute((RedisCallback<Properties>) c -> c.serverCommands()
                    .info("replication")).getProperty("connected_slaves")));
        }

        void follow() throws InterruptedException {
            commands().replicaof("127.0.0.1", primary);
        }

        private void awaitFollowing() throws InterruptedException {
            awaitTrue(() -> commands().info("replication").contains("master_link_status:up"));
        }

        @Override
        public void close() {
            try {
                connection.close();
                client.shutdown();
            } finally {
                try {
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
