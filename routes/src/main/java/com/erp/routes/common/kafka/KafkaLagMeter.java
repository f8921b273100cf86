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
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
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

    /**
     * Measures every group now (also what a test calls, rather than wait for the period): three round trips to the
     * broker whatever the number of groups (their list, all their committed offsets, the ends of all their partitions).
     */
    public void measure() {
        try {
            Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("erp-")) {
                    groups.put(group.groupId(), new ListConsumerGroupOffsetsSpec());
                }
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            if (!groups.isEmpty()) {
                ListConsumerGroupOffsetsResult offsets = admin.listConsumerGroupOffsets(groups);
                for (String group : groups.keySet()) {
                    try {
                        committed.put(group, offsets.partitionsToOffsetAndMetadata(group).get(5, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        // one group does not hold up the others' figures
                        LOG.debug("could not read the offsets of {}: {}", group, e.toString());
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.values().forEach(c -> c.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (!latest.isEmpty()) {
                ListOffsetsResult result = admin.listOffsets(latest);
                for (TopicPartition tp : latest.keySet()) {
                    try {
                        ends.put(tp, result.partitionResult(tp).get(5, TimeUnit.SECONDS).offset());
                    } catch (Exception e) {
                        // a partition gone (its topic deleted): no figure for it (not a lag of 0, which would read
                        // as healthy), the others still have theirs
                        LOG.debug("could not read the end of {}: {}", tp, e.toString());
                    }
                }
            }
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            committed.forEach((group, byPartition) -> {
                Map<String, Long> perTopic = new HashMap<>();
                byPartition.forEach((tp, offset) -> {
                    Long end = ends.get(tp);
                    if (end != null) {
                        perTopic.merge(tp.topic(), offset == null ? 0 : Math.max(0, end - offset.offset()), Long::sum);
                    }
                });
                perTopic.forEach((topic, behind) ->
                        rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", topic), behind)));
            });
            lag.register(rows, true);
        } catch (Exception e) {
            LOG.debug("could not measure consumer lag: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        // bounded: with the broker already gone, close() would wait for ever on its pending calls
        admin.close(Duration.ofSeconds(2));
    }
}
