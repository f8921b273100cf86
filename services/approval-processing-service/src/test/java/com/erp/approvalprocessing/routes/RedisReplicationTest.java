package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import com.erp.devinfra.FreePort;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.redis.ReplicationBarrier;
import com.erp.routes.testing.HttpTestClient.Response;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.test.context.TestPropertySource;
import redis.embedded.RedisServer;

/**
 * With a replica to wait for, a decision's events are published only once the replica holds the decision: with the
 * replica following, the decision is on it by the time its event is out; with it gone, the events stay in the outbox
 * (the document held behind them) and go out once it follows again. A second real redis-server is the replica.
 */
@TestPropertySource(properties = {
        "erp.approval-processing.redis-replicas-to-wait=1",
        "erp.approval-processing.redis-replication-timeout=300ms",
        // a topic and group of its own: the other tests' cached contexts consume approval.submitted too, and would
        // publish what they activate without waiting for the replica
        "erp.topics.submitted=" + RedisReplicationTest.TOPIC,
        "erp.approval-processing.group-id=erp-approval-processing-replicated",
        "erp.topics.leave-reserved=approval.leave-reserved.replicated",
        "erp.topics.delegation-changed=employee.delegation-changed.replicated",
        "erp.approval-processing.reminders.after=0"
})
class RedisReplicationTest extends ProcessingRouteTestBase {

    static final String TOPIC = "approval.submitted.replicated";

    @Value("${spring.data.redis.port}")
    int primaryPort;
    @Autowired
    ReplicationBarrier barrier;

    @Test
    void eventsArePublishedOnlyOnceTheReplicaHoldsTheirChange() throws Exception {
        Path dir = Files.createTempDirectory("redis-replica");
        int port = FreePort.find();
        RedisServer replica = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("dir " + dir.toAbsolutePath()).setting("appendonly no").setting("save \"\"")
                .setting("replicaof 127.0.0.1 " + primaryPort).build();
        replica.start();
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> onReplica = connection.sync();
            awaitTrue(() -> onReplica.info("replication").contains("master_link_status:up"));

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
            onReplica.replicaofNoOne();
            awaitTrue(() -> "0".equals(redis.execute((RedisCallback<Properties>) c -> c.serverCommands()
                    .info("replication")).getProperty("connected_slaves")));
            Response sentBack = decide(HEAD, id, "REJECT", "다시 확인해 주세요");
            assertThat(sentBack.status()).as("%s", sentBack).isEqualTo(200);
            assertThat(redis.hasKey(RedisKeys.PROCESSING_OUTBOX_HELD + id)).as("held behind its events").isTrue();
            assertThat(redis.opsForHash().values(RedisKeys.PROCESSING_OUTBOX).stream()
                    .anyMatch(entry -> String.valueOf(entry).contains(id))).as("its events in the outbox").isTrue();

            // following again: the relay publishes them, and lets the document go
            onReplica.replicaof("127.0.0.1", primaryPort);
            assertThat(kafka.awaitKey("approval.decided", id, 2)).hasSize(2);
            awaitTrue(() -> !redis.hasKey(RedisKeys.PROCESSING_OUTBOX_HELD + id));
            assertThat(onReplica.hget(RedisKeys.APPROVAL + id, "version")).isEqualTo(version(id));
        } finally {
            client.shutdown();
            replica.stop();
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
