package com.erp.routes.common.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.erp.routes.common.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the approval topics and their dead-letter topics, with the configured partition count, before the
 * routes start (so consumers never wait for auto-creation and the partition count is ours, not the broker
 * default). Existing topics are left alone. Where topics are managed elsewhere (a Strimzi KafkaTopic, MSK),
 * {@code erp.kafka.create-topics=false} turns this off.
 */
public class KafkaTopicsInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicsInitializer.class);

    public KafkaTopicsInitializer(String brokers, Topics topics) {
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics.all()) {
            NewTopic t = new NewTopic(topic, topics.partitions(), (short) 1);
            // each approver's last delegation event is their delegation, each person's last revocation holds for
            // good: compacted, never dropped for its age
            if (topic.equals(topics.delegationChanged()) || topic.equals(topics.tokensRevoked())) {
                t.configs(Map.of("cleanup.policy", "compact"));
            }
            wanted.add(t);
            wanted.add(new NewTopic(topics.dlqOf(topic), topics.partitions(), (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
                LOG.info("created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            // Topics may already exist (raced by another instance) or the broker may be slow: consumers and the
            // outbox relay retry on their own, so starting is not blocked on this.
            LOG.warn("could not create Kafka topics at {}: {}", brokers, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
