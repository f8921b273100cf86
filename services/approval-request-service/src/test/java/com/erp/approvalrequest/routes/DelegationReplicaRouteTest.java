package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.testing.KafkaProbe;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * approval-request's copy of the delegations: the store keeps the newest revision, whatever order the events come in,
 * and an older one is dropped without a dead letter.
 */
class DelegationReplicaRouteTest extends ApprovalRequestRouteTestBase {

    private static final String TOPIC = "employee.delegation-changed";

    @Autowired
    ObjectMapper json;

    private final Person deputyA = new Person(701, "대리 갑", "TEAM_LEAD", "영업1팀");
    private final Person deputyB = new Person(702, "대리 을", "TEAM_LEAD", "영업2팀");

    private MongoCollection<Document> delegations() {
        return mongo.getDatabase("erp").getCollection("delegations");
    }

    private void publish(Person approver, Person deputy, long revision) throws Exception {
        DelegationEvent event = new DelegationEvent(UUID.randomUUID().toString(), DelegationEvent.VERSION, Instant.now(),
                approver, deputy, deputy == null ? null : "2026-12-01", deputy == null ? null : "2026-12-09", "연차", revision);
        kafka.send(TOPIC, String.valueOf(approver.id()), json.writeValueAsString(event));
    }

    private Document copyOf(Person approver) {
        return delegations().find(Filters.eq("_id", approver.id())).first();
    }

    /**
     * Observed in the store, not in this context's routes: another test class's application (other properties, a
     * context of its own) may be the group's consumer of the partition, and it writes to the same store.
     */
    @Test
    void theNewestRevisionStaysWhateverTheOrderAndAnOlderOneIsNotDeadLettered() throws Exception {
        Person approver = someApprover();
        publish(approver, deputyA, 2);
        await(() -> revisionOf(approver) == 2);
        publish(approver, deputyB, 1); // an older one, late (replayed, or redelivered to a second consumer)
        publish(approver, deputyB, 2); // the same revision again
        // then a change of another approver on the same partition: once it is kept, the two before it were handled
        Person marker = onTheSamePartitionAs(approver);
        publish(marker, deputyA, 1);
        await(() -> revisionOf(marker) == 1);
        Document copy = copyOf(approver);
        assertThat(copy.get("deputyId", Number.class).longValue()).isEqualTo(deputyA.id());
        assertThat(copy.get("revision", Number.class).longValue()).isEqualTo(2);

        publish(approver, null, 3);
        await(() -> revisionOf(approver) == 3);
        assertThat(copyOf(approver).get("deputyId")).as("ended").isNull();

        assertThat(kafka.await(TOPIC + ".dlq", r -> String.valueOf(approver.id()).equals(r.key()), 1,
                Duration.ofSeconds(2))).as("nothing dead-lettered").isEmpty();
    }

    @Test
    void aCopyKeptBeforeRevisionsIsOlderThanAnyEvent() throws Exception {
        Person approver = someApprover();
        delegations().insertOne(new Document("_id", approver.id()).append("deputyId", deputyB.id())
                .append("startDate", "2026-11-01").append("endDate", "2026-11-02"));
        publish(approver, deputyA, 1);
        await(() -> revisionOf(approver) == 1);
        assertThat(copyOf(approver).get("deputyId", Number.class).longValue()).isEqualTo(deputyA.id());
        assertThat(copyOf(approver).getString("startDate")).isEqualTo("2026-12-01");
    }

    private static Person someApprover() {
        return new Person(ThreadLocalRandom.current().nextLong(100_000, 1_000_000), "결재자", "TEAM_LEAD", "개발팀");
    }

    private Person onTheSamePartitionAs(Person approver) {
        int partitions = kafka.partitions(TOPIC);
        int partition = KafkaProbe.partitionOf(String.valueOf(approver.id()), partitions);
        for (long id = approver.id() + 1; ; id++) {
            if (KafkaProbe.partitionOf(String.valueOf(id), partitions) == partition) {
                return new Person(id, "다른 결재자", "TEAM_LEAD", "개발팀");
            }
        }
    }

    private long revisionOf(Person approver) {
        Document copy = copyOf(approver);
        return copy == null || copy.get("revision") == null ? -1 : copy.get("revision", Number.class).longValue();
    }
}
