package com.erp.routes.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@code erp.kafka.consumer.lag{group,topic}}: how many messages each of our consumer groups ({@code erp-*})
 * has yet to process, per topic, measured from the broker every few seconds. It is what the load suite reads
 * to see a backlog build up and drain.
 */
public class KafkaLagMeter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLagMeter.class);

    private final Admin admin;
    private final MultiGauge lag;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-lag-meter");
        t.setDaemon(true);
        return t;
    });

    public KafkaLagMeter(KafkaClients clients, MeterRegistry meters, long periodSeconds) {
        this.admin = clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
        this.lag = MultiGauge.builder("erp.kafka.consumer.lag")
                .description("Messages a consumer group has not yet processed, per topic").register(meters);
        timer.scheduleWithFixedDelay(this::measure, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** Measures every group now (also what a test calls, rather than wait for the period). */
    public void measure() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                if (!group.groupId().startsWith("erp-")) {
                    continue;
                }
                try {
                    rows.addAll(lagOf(group.groupId()));
                } catch (Exception e) {
                    // one group (a topic deleted under it, say) does not hold up the others' figures
                    LOG.debug("could not measure the lag of {}: {}", group.groupId(), e.toString());
                }
            }
            lag.register(rows, true);
        } catch (Exception e) {
            LOG.debug("could not measure consumer lag: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> lagOf(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
        Map<String, Long> perTopic = new HashMap<>();
        committed.forEach((tp, offset) -> {
            ListOffsetsResult.ListOffsetsResultInfo end = ends.get(tp);
            long behind = offset == null || end == null ? 0 : Math.max(0, end.offset() - offset.offset());
            perTopic.merge(tp.topic(), behind, Long::sum);
        });
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        perTopic.forEach((topic, behind) -> rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), behind)));
        return rows;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        // bounded: with the broker already gone, close() would wait for ever on its pending calls
        admin.close(Duration.ofSeconds(2));
    }
}
