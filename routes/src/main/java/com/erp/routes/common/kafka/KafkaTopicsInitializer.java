package com.erp.routes.common.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.erp.routes.common.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the approval topics and their dead-letter topics, with the configured partition count, before the
 * routes start (so consumers never wait for auto-creation and the partition count is ours, not the broker
 * default). An existing topic keeps its partitions, and every setting given for it; one of ours it has only by the
 * broker's default (a topic made before the setting was ours, or by auto-creation) is set, so an upgrade brings
 * compaction's hourly segments and the dead letters' 30 days to the topics already there. Where topics are managed
 * elsewhere (a Strimzi KafkaTopic, MSK), {@code erp.kafka.create-topics=false} turns this off.
 */
public class KafkaTopicsInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicsInitializer.class);
    /** Dead letters wait for an operator: longer than the broker's default week. */
    static final Duration DEAD_LETTERS_KEPT = Duration.ofDays(30);

    /**
     * @param replicas copies of each partition: 1 on the embedded broker, 3 on a cluster (then a write waits for
     *                 two of them: {@code min.insync.replicas})
     */
    public KafkaTopicsInitializer(KafkaClients clients, Topics topics, short replicas) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics.all()) {
            Map<String, String> configs = new HashMap<>(safety(replicas));
            // the last record of a key is the state: compacted, never dropped for its age
            if (topics.compacted().contains(topic)) {
                configs.put("cleanup.policy", "compact");
                // segments roll hourly (not weekly), so that compaction soon keeps only the last of each key: a
                // starting service reads each topic to its end (every logout writes the person's whole record)
                configs.put("segment.ms", String.valueOf(Duration.ofHours(1).toMillis()));
            }
            wanted.add(new NewTopic(topic, topics.partitions(), replicas).configs(configs));
            Map<String, String> dlq = new HashMap<>(safety(replicas));
            dlq.put("retention.ms", String.valueOf(DEAD_LETTERS_KEPT.toMillis()));
            wanted.add(new NewTopic(topics.dlqOf(topic), topics.partitions(), replicas).configs(dlq));
        }
        try (Admin admin = clients.admin(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.info("created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
            List<NewTopic> there = wanted.stream().filter(t -> existing.contains(t.name())).toList();
            if (!there.isEmpty()) {
                Map<ConfigResource, Config> found = admin.describeConfigs(there.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList())
                        .all().get(15, TimeUnit.SECONDS);
                Map<ConfigResource, java.util.Collection<AlterConfigOp>> changes = new HashMap<>();
                for (NewTopic t : there) {
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, t.name());
                    List<AlterConfigOp> ops = unsetOnes(t.configs(), found.get(resource));
                    if (!ops.isEmpty()) {
                        changes.put(resource, ops);
                    }
                }
                if (!changes.isEmpty()) {
                    admin.incrementalAlterConfigs(changes).all().get(15, TimeUnit.SECONDS);
                    LOG.info("set Kafka topic settings the topics had by default only: {}", changes);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            // Topics may already exist (raced by another instance) or the broker may be slow: consumers and the
            // outbox relay retry on their own, so starting is not blocked on this.
            LOG.warn("could not create Kafka topics at {}: {}", clients.brokers(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Our settings a topic has only by Kafka's own default (nothing given for it, nor by the operator for the broker):
     * to set. Never {@code min.insync.replicas}, which the topic's replicas (made elsewhere) may not allow.
     */
    static List<AlterConfigOp> unsetOnes(Map<String, String> ours, Config topic) {
        List<AlterConfigOp> ops = new ArrayList<>();
        for (Map.Entry<String, String> setting : ours.entrySet()) {
            ConfigEntry entry = topic == null ? null : topic.get(setting.getKey());
            boolean byDefault = entry == null || entry.source() == ConfigEntry.ConfigSource.DEFAULT_CONFIG;
            if (byDefault && !"min.insync.replicas".equals(setting.getKey())
                    && (entry == null || !setting.getValue().equals(entry.value()))) {
                ops.add(new AlterConfigOp(new ConfigEntry(setting.getKey(), setting.getValue()), AlterConfigOp.OpType.SET));
            }
        }
        return ops;
    }

    /** With copies on other brokers, a write is acknowledged once all but one of them (at most two) have it. */
    static Map<String, String> safety(short replicas) {
        return replicas > 1
                ? Map.of("min.insync.replicas", String.valueOf(Math.min(2, replicas - 1)))
                : Map.of();
    }
}
