package com.erp.routes.common.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.kafka.KafkaClients;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Reads every token revocation there is before this process counts as ready: until then a token revoked before the
 * start (someone who left, a record changed) would pass, since the route {@code common.revocations} learns them only
 * as it goes. At start it reads the compacted topic to its end as it was then (waiting a while for that, so the
 * service normally opens complete), and until it has, this health indicator, part of the readiness group, is
 * OUT_OF_SERVICE: Kubernetes sends the instance no requests. If Kafka cannot be read it keeps trying. The route then
 * keeps the copy current; both apply the same events, which changes nothing the second time.
 */
public class RevocationCatchUp extends AbstractHealthIndicator implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationCatchUp.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final String topic;
    private final RevokedSubjects revoked;
    private final ObjectMapper json;
    private final Duration startupWait;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile Thread reader;
    private volatile int read;
    private volatile String lastFailure;

    public RevocationCatchUp(KafkaClients clients, String topic, RevokedSubjects revoked, ObjectMapper json,
                             Duration startupWait) {
        super("Token revocations check failed");
        this.clients = clients;
        this.topic = topic;
        this.revoked = revoked;
        this.json = json;
        this.startupWait = startupWait;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Thread t = new Thread(this::readUntilCaughtUp, "revocations-catch-up");
        t.setDaemon(true);
        reader = t;
        t.start();
        try {
            if (!caughtUp.await(startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("not ready: the token revocations of {} are not read yet ({}); still trying", topic, lastFailure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (caughtUp()) {
            builder.up().withDetail("read", read);
        } else {
            builder.outOfService().withDetail("reading", topic).withDetail("lastFailure", String.valueOf(lastFailure));
        }
    }

    private void readUntilCaughtUp() {
        while (reader != null) {
            try {
                readToTheEnd();
                caughtUp.countDown();
                LOG.info("read {} token revocations of {}", read, topic);
                return;
            } catch (Exception e) {
                lastFailure = e.toString();
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** From the beginning to the end offsets as they were when it started (positions count transaction markers too). */
    private void readToTheEnd() {
        try (KafkaConsumer<String, String> consumer = clients.consumer(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // asking for a topic must not make it (with the broker's defaults, not compacted)
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                // no topic, so nothing was ever revoked (a revocation is published to it): nothing to wait for, and
                // the route reads what comes once it exists
                read = 0;
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            int count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (reader == null) {
                    throw new IllegalStateException("stopped");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    count += apply(record) ? 1 : 0;
                }
            }
            read = count;
        }
    }

    private boolean apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            revoked.revoke(json.readValue(record.value(), TokenRevocation.class));
            return true;
        } catch (Exception e) {
            // the route sends it to the dead-letter topic with the reason; here it is only not counted
            LOG.warn("unreadable token revocation at {}/{}: {}", record.partition(), record.offset(), e.toString());
            return false;
        }
    }

    @Override
    public void destroy() {
        Thread t = reader;
        reader = null;
        if (t != null) {
            t.interrupt();
        }
    }
}
