package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.testing.HttpTestClient.Response;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A quest change made while Kafka is down is not lost: it is committed with its outbox row, which the relay keeps
 * until Kafka has it, and it is published once the broker is back.
 */
class QuestOutboxOutageTest extends EmployeeTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private int waiting(long quest) {
        return jdbc.queryForObject("select count(*) from employee_outbox where kind = 'QUEST' and message_key = ?", Integer.class,
                String.valueOf(quest));
    }

    @Test
    void aChangeMadeWhileKafkaIsDownIsPublishedWhenItReturns() {
        String lead = token("sales.lead");
        String staff = token("sales.staff");
        Response posted = http.post("/api/quests", lead, Map.of("title", "장애 중 퀘스트", "rewardDays", 0.5));
        long quest = posted.json().path("id").asLong();

        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, java.util.Set.of(), false, 0)).kafka();
        broker.stop();
        try {
            NotifyBuilder failedOnce = new NotifyBuilder(camel).fromRoute("employee.outbox").whenFailed(1).create();
            assertThat(http.post("/api/quests/" + quest + "/take", staff, null).status())
                    .as("the change does not wait for Kafka").isEqualTo(200);
            assertThat(http.post("/api/quests/" + quest + "/report", staff, Map.of("report", "장애 중 보고")).status())
                    .isEqualTo(200);
            assertThat(failedOnce.matches(30, TimeUnit.SECONDS)).as("the relay tried and failed").isTrue();
            assertThat(waiting(quest)).as("the changes wait in the outbox").isEqualTo(2);
        } finally {
            try {
                broker.start();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(kafka.await("quest.changed", r -> String.valueOf(quest).equals(r.key()), 2, Duration.ofSeconds(60)))
                .as("published once Kafka is back").hasSize(2);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (waiting(quest) > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(waiting(quest)).as("removed from the outbox once published").isZero();
        // in the order they were made, each once (asking for one more finds none)
        assertThat(kafka.await("quest.changed", r -> String.valueOf(quest).equals(r.key()), 3, Duration.ofSeconds(3)))
                .extracting(r -> r.value().replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .containsExactly("TAKEN", "REPORTED");
        // the quest finished, so the taker holds none for the other tests
        assertThat(http.post("/api/quests/" + quest + "/approval", lead, null).status()).isEqualTo(200);
    }
}
