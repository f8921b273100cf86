package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.apache.camel.builder.NotifyBuilder;
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

    @Test
    void theNewestRevisionStaysWhateverTheOrderAndAnOlderOneIsNotDeadLettered() throws Exception {
        Person approver = new Person(ThreadLocalRandom.current().nextLong(100_000, 1_000_000), "결재자", "TEAM_LEAD", "개발팀");
        NotifyBuilder three = new NotifyBuilder(camel).fromRoute("approval-request.delegations").whenCompleted(3).create();
        publish(approver, deputyA, 2);
        publish(approver, deputyB, 1); // an older one, late (replayed, or redelivered to a second consumer)
        publish(approver, deputyB, 2); // the same revision again
        assertThat(three.matches(30, TimeUnit.SECONDS)).isTrue();
        Document copy = copyOf(approver);
        assertThat(copy.get("deputyId", Number.class).longValue()).isEqualTo(deputyA.id());
        assertThat(copy.get("revision", Number.class).longValue()).isEqualTo(2);

        NotifyBuilder ended = new NotifyBuilder(camel).fromRoute("approval-request.delegations").whenCompleted(1).create();
        publish(approver, null, 3);
        assertThat(ended.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(copyOf(approver).get("deputyId")).as("ended").isNull();
        assertThat(copyOf(approver).get("revision", Number.class).longValue()).isEqualTo(3);

        assertThat(kafka.await(TOPIC + ".dlq", r -> String.valueOf(approver.id()).equals(r.key()), 1,
                Duration.ofSeconds(2))).as("nothing dead-lettered").isEmpty();
    }

    @Test
    void aCopyKeptBeforeRevisionsIsOlderThanAnyEvent() throws Exception {
        Person approver = new Person(ThreadLocalRandom.current().nextLong(100_000, 1_000_000), "결재자", "TEAM_LEAD", "개발팀");
        delegations().insertOne(new Document("_id", approver.id()).append("deputyId", deputyB.id())
                .append("startDate", "2026-11-01").append("endDate", "2026-11-02"));
        NotifyBuilder one = new NotifyBuilder(camel).fromRoute("approval-request.delegations").whenCompleted(1).create();
        publish(approver, deputyA, 1);
        assertThat(one.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(copyOf(approver).get("deputyId", Number.class).longValue()).isEqualTo(deputyA.id());
        assertThat(copyOf(approver).getString("startDate")).isEqualTo("2026-12-01");
    }
}
