package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Topics;
import com.erp.routes.common.kafka.KafkaClients;
import com.erp.routes.common.kafka.KafkaTopicsInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: topics made before their settings were ours (or by auto-creation) get them at the next start,
 * while a setting given for a topic stays as given.
 */
class KafkaTopicSettingsTest extends ApprovalRequestRouteTestBase {

    @Test
    void existingTopicsGetOurSettingsTheyHadByDefaultOnlyAndKeepTheirOwn() throws Exception {
        String base = "settings-" + UUID.randomUUID();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 17; i++) {
            names.add(base + ".t" + i);
        }
        // tokens-revoked (t15) and reporting-lines (t16) are compacted; every topic has its .dlq
        Topics topics = new Topics(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4), names.get(5),
                names.get(6), names.get(7), names.get(8), names.get(9), names.get(10), names.get(11), names.get(12),
                names.get(13), names.get(14), names.get(15), names.get(16), ".dlq", 1);
        KafkaClients clients = KafkaClients.plain(brokers);
        try (Admin admin = clients.admin(Map.of())) {
            admin.createTopics(List.of(
                    new NewTopic(topics.tokensRevoked(), 1, (short) 1), // as an earlier version made it
                    new NewTopic(topics.reportingLines(), 1, (short) 1).configs(Map.of("segment.ms", "600000")),
                    new NewTopic(topics.dlqOf(topics.submitted()), 1, (short) 1)))
                    .all().get(15, TimeUnit.SECONDS);

            new KafkaTopicsInitializer(clients, topics, (short) 1);
            // the broker applies a change a moment after it acknowledged it
            await(() -> "compact".equals(setting(admin, topics.tokensRevoked(), "cleanup.policy"))
                    && "compact".equals(setting(admin, topics.reportingLines(), "cleanup.policy"))
                    && !"604800000".equals(setting(admin, topics.dlqOf(topics.submitted()), "retention.ms")));

            Config tokens = config(admin, topics.tokensRevoked());
            assertThat(tokens.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(tokens.get("segment.ms").value()).isEqualTo(String.valueOf(Duration.ofHours(1).toMillis()));
            Config lines = config(admin, topics.reportingLines());
            assertThat(lines.get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(lines.get("segment.ms").value()).as("given for the topic: kept").isEqualTo("600000");
            assertThat(config(admin, topics.dlqOf(topics.submitted())).get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(30).toMillis()));
            // and those missing were made with them
            assertThat(config(admin, topics.delegationChanged()).get("cleanup.policy").value()).isEqualTo("compact");
            assertThat(config(admin, topics.submitted()).get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    /**
     * The dead-letter replay's marks are the committed offsets of its group: the broker keeps them as long as the
     * dead letters (at Kafka's default of 7 days, what a week-old replay sent would be pending, and sent, again).
     */
    @Test
    void theBrokerKeepsCommittedOffsetsAsLongAsTheDeadLetters() throws Exception {
        try (Admin admin = KafkaClients.plain(brokers).admin(Map.of())) {
            String node = admin.describeCluster().nodes().get(15, TimeUnit.SECONDS).iterator().next().idString();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, node);
            Config config = admin.describeConfigs(List.of(broker)).all().get(15, TimeUnit.SECONDS).get(broker);
            assertThat(Duration.ofMinutes(Long.parseLong(config.get("offsets.retention.minutes").value())))
                    .isGreaterThanOrEqualTo(Duration.ofDays(30));
        }
    }

    private static String setting(Admin admin, String topic, String name) {
        try {
            return config(admin, topic).get(name).value();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Config config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get(15, TimeUnit.SECONDS).get(resource);
    }
}
