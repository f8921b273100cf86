package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.erp.employee.persistence.OutboxDeadLetters;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of the outbox that Kafka refuses for good (here: larger than its topic takes) is set aside with the reason,
 * and the rows behind it are published meanwhile; once the cause is mended an operator's replay publishes it.
 */
class OutboxRefusedRowTest extends EmployeeTestBase {

    private static final String TOPIC = "quest.changed";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxDeadLetters deadLetters;
    @Autowired
    ObjectMapper json;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void aRowKafkaRefusesForGoodIsSetAsideTheRowsBehindItGoAndAReplayPublishesItOnceMended() throws Exception {
        String refusedKey = "refused-" + UUID.randomUUID();
        String refusedEvent = UUID.randomUUID().toString();
        long[] quest = {0};
        kafka.maxRecordBytes(TOPIC, "16384");
        try {
            // random, so that no compression makes it small: about 40 KB
            byte[] noise = new byte[30_000];
            ThreadLocalRandom.current().nextBytes(noise);
            jdbc.update("insert into employee_outbox (event_id, kind, message_key, payload, created_at) "
                            + "values (?, 'QUEST', ?, ?, current_timestamp(3))", refusedEvent, refusedKey,
                    "{\"filler\":\"" + Base64.getEncoder().encodeToString(noise) + "\"}");
            // a change stored after it
            Response posted = http.post("/api/quests", token("sales.lead"), Map.of("title", "뒤따르는 퀘스트", "rewardDays", 0.5));
            quest[0] = posted.json().path("id").asLong();
            assertThat(http.post("/api/quests/" + quest[0] + "/take", token("sales.staff"), null).status()).isEqualTo(200);

            String questKey = String.valueOf(quest[0]);
            assertThat(kafka.await(TOPIC, r -> questKey.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .as("the row behind the refused one is published").hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from employee_outbox where event_id = ?", Integer.class,
                    refusedEvent)).as("the refused row left the outbox").isZero();
            Map<String, Object> kept = jdbc.queryForMap(
                    "select kind, message_key, reason from employee_outbox_dead where event_id = ?", refusedEvent);
            assertThat(kept).containsEntry("kind", "QUEST").containsEntry("message_key", refusedKey);
            assertThat(kept.get("reason").toString()).contains("larger than the max message size");
            assertThat(deadLetters.count()).isEqualTo(1);
            assertThat(meters.get("erp.outbox.dead.letters").tag("service", "employee").gauge().value())
                    .as("what an alert watches").isEqualTo(1.0);
        } finally {
            kafka.maxRecordBytes(TOPIC, null);
            finish(quest[0]);
        }

        assertThat(deadLetters.replay()).as("replayed once the topic takes it").isEqualTo(1);
        assertThat(kafka.await(TOPIC, r -> refusedKey.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(deadLetters.count()).isZero();
    }

    /** The quest finished, so its taker holds none for the other tests. */
    private void finish(long quest) {
        if (quest != 0) {
            http.post("/api/quests/" + quest + "/report", token("sales.staff"), Map.of("report", "완료"));
            http.post("/api/quests/" + quest + "/approval", token("sales.lead"), null);
        }
    }

    /**
     * A revocation goes to a compacted topic, where a key's last record is the state: a replay sends a refused one
     * only if no newer one (a higher token version, or revision) replaced it, or it would undo the newer for a service starting
     * afresh.
     */
    @Test
    void aReplayDropsARevocationANewerOneReplacedAndSendsTheLatest() throws Exception {
        long id = jdbc.queryForObject("select id from employee where username = 'sales.staff'", Long.class);
        long version = jdbc.queryForObject("select token_version from employee where id = ?", Long.class, id);
        // as a logout recorded after the last version raise leaves it: the revision ahead of the version
        jdbc.update("update employee set revocation_revision = greatest(revocation_revision, token_version) + 1 "
                + "where id = ?", id);
        long revision = jdbc.queryForObject("select revocation_revision from employee where id = ?", Long.class, id);
        Person person = new Person(id, "영업 사원", "STAFF", "영업부");
        String older = refusedRevocation(person, version - 1, version - 1);
        String olderLogout = refusedRevocation(person, version, revision - 1);
        String latest = refusedRevocation(person, version, revision);

        assertThat(deadLetters.replay()).isEqualTo(1);

        var sent = kafka.await("employee.tokens-revoked", r -> r.value().contains(latest), 1, Duration.ofSeconds(30));
        assertThat(sent).as("the latest is sent").hasSize(1);
        assertThat(kafka.await("employee.tokens-revoked", r -> r.value().contains(older)
                || r.value().contains(olderLogout), 1, Duration.ofSeconds(2)))
                .as("the ones it replaced (a lower version; the same version, a lower revision) are not").isEmpty();
        assertThat(deadLetters.count()).isZero();
    }

    private String refusedRevocation(Person person, long tokenVersion, long revision) throws Exception {
        TokenRevocation event = new TokenRevocation(UUID.randomUUID().toString(), TokenRevocation.VERSION, Instant.now(),
                person, tokenVersion, TokenRevocation.Reason.CHANGED, revision, Map.of());
        jdbc.update("insert into employee_outbox_dead (event_id, kind, message_key, payload, created_at, reason, "
                        + "failed_at) values (?, 'REVOCATION', ?, ?, current_timestamp(3), 'test', current_timestamp(3))",
                event.eventId(), String.valueOf(person.id()), json.writeValueAsString(event));
        return event.eventId();
    }

}
