package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.approvalprocessing.persistence.RedisDelegations;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 대결: the delegations consumed from Kafka into Redis, newest revision kept whatever order they arrive in. */
class DelegationsRouteTest extends ProcessingRouteTestBase {

    @Autowired
    RedisDelegations delegations;

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
    private static final String LATER = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(5).toString();

    private void consume(DelegationEvent... events) throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-processing.delegations")
                .whenCompleted(events.length).create();
        for (DelegationEvent e : events) {
            kafka.send("employee.delegation-changed", String.valueOf(e.approver().id()), json.writeValueAsString(e));
        }
        assertThat(done.matches(30, TimeUnit.SECONDS)).as("consumed").isTrue();
    }

    private static DelegationEvent event(Person approver, Person deputy, long revision) {
        return new DelegationEvent(UUID.randomUUID().toString(), 1, Instant.now(), approver, deputy,
                deputy == null ? null : TODAY, deputy == null ? null : LATER, null, revision);
    }

    private boolean deputyOf(Person deputy, Person approver) {
        return Boolean.TRUE.equals(redis.opsForSet().isMember(RedisKeys.deputyOf(deputy.id()), String.valueOf(approver.id())));
    }

    @Test
    void anOlderEventArrivingLaterChangesNothing() throws Exception {
        Person approver = new Person(7001, "approver", "TEAM_LEAD", "D");
        // the newer delegation first, then an old one (a replayed dead letter, say)
        consume(event(approver, OTHER, 2), event(approver, HEAD, 1));
        assertThat(delegations.of(approver.id()).orElseThrow().deputy()).isEqualTo(OTHER);
        assertThat(deputyOf(OTHER, approver)).isTrue();
        assertThat(deputyOf(HEAD, approver)).isFalse();
        assertThat(delegations.actingFor(OTHER.id())).containsExactly(approver);

        // ended; the old delegation replayed afterwards does not bring it back
        consume(event(approver, null, 3), event(approver, OTHER, 2));
        assertThat(delegations.of(approver.id())).isEmpty();
        assertThat(deputyOf(OTHER, approver)).isFalse();
        assertThat(delegations.actingFor(OTHER.id())).isEmpty();

        // a newer one after the end takes effect
        consume(event(approver, HEAD, 4));
        assertThat(delegations.of(approver.id()).orElseThrow().deputy()).isEqualTo(HEAD);
        assertThat(delegations.actingFor(HEAD.id())).containsExactly(approver);
    }
}
