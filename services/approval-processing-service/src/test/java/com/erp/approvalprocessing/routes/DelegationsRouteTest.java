package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.erp.approvalprocessing.persistence.RedisDelegations;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

/**
 * 대결: the delegations consumed from Kafka into Redis, newest revision kept whatever order they arrive in, and read
 * from each instance's memory, which learns what another instance applied within a refresh period.
 */
class DelegationsRouteTest extends ProcessingRouteTestBase {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
    private static final String LATER = LocalDate.now(ZoneId.of("Asia/Seoul")).plusDays(5).toString();

    private void consume(DelegationEvent... events) throws Exception {
        // counts only these events: one consumed again (a redelivery after the broker restarts in another test) would
        // otherwise stand in for one not yet applied
        Set<String> ids = Arrays.stream(events).map(DelegationEvent::eventId).collect(Collectors.toSet());
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-processing.delegations")
                .filter(e -> ids.stream().anyMatch(String.valueOf(e.getMessage().getBody(String.class))::contains))
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

    /** The revision Redis keeps for the approver: what every instance reads. */
    private long kept(Person approver) throws Exception {
        Object value = redis.opsForHash().get(RedisKeys.DELEGATIONS, String.valueOf(approver.id()));
        return json.readValue(value.toString(), DelegationEvent.class).revision();
    }

    /**
     * A delegation whose days are not days (or in the wrong order) is a dead letter, not kept: kept, it would fail every
     * later read of the approver's delegation (the deputy's inbox, decisions, reminders, activations).
     */
    @Test
    void aDelegationWithoutProperDaysIsADeadLetterAndTheKeptOneStays() throws Exception {
        Person approver = new Person(7011, "approver", "TEAM_LEAD", "D");
        consume(event(approver, OTHER, 1));
        DelegationEvent notADay = new DelegationEvent(UUID.randomUUID().toString(), 1, Instant.now(), approver, HEAD,
                "2026-02-30", LATER, null, 2);
        DelegationEvent backwards = new DelegationEvent(UUID.randomUUID().toString(), 1, Instant.now(), approver, HEAD,
                LATER, TODAY, null, 3);
        for (DelegationEvent bad : List.of(notADay, backwards)) {
            kafka.send("employee.delegation-changed", String.valueOf(approver.id()), json.writeValueAsString(bad));
            assertThat(kafka.await("employee.delegation-changed.dlq", r -> r.value().contains(bad.eventId()), 1,
                    java.time.Duration.ofSeconds(30))).as("dead-lettered: %s", bad).hasSize(1);
        }
        assertThat(kept(approver)).isEqualTo(1);
        assertThat(delegations.of(approver.id()).orElseThrow().deputy()).isEqualTo(OTHER);
        assertThat(delegations.actingFor(OTHER.id())).contains(approver);
    }

    @Test
    void anOlderEventArrivingLaterChangesNothing() throws Exception {
        Person approver = new Person(7001, "approver", "TEAM_LEAD", "D");
        // the newer delegation first, then an old one (a replayed dead letter, say)
        consume(event(approver, OTHER, 2), event(approver, HEAD, 1));
        assertThat(delegations.of(approver.id()).orElseThrow().deputy()).isEqualTo(OTHER);
        assertThat(kept(approver)).isEqualTo(2);
        assertThat(delegations.actingFor(OTHER.id())).containsExactly(approver);
        assertThat(delegations.actingFor(HEAD.id())).doesNotContain(approver);

        // ended; the old delegation replayed afterwards does not bring it back
        consume(event(approver, null, 3), event(approver, OTHER, 2));
        assertThat(delegations.of(approver.id())).isEmpty();
        assertThat(kept(approver)).isEqualTo(3);
        assertThat(delegations.actingFor(OTHER.id())).doesNotContain(approver);

        // a newer one after the end takes effect
        consume(event(approver, HEAD, 4));
        assertThat(delegations.of(approver.id()).orElseThrow().deputy()).isEqualTo(HEAD);
        assertThat(delegations.actingFor(HEAD.id())).contains(approver);
    }

    @Test
    void theyAreReadFromMemoryNotFromRedisOnEachQuestion() throws Exception {
        Person approver = new Person(7002, "approver", "TEAM_LEAD", "D");
        consume(event(approver, OTHER, 1));
        // gone from Redis behind the service's back, without the revision raised: still known, as no change was made
        redis.opsForHash().delete(RedisKeys.DELEGATIONS, String.valueOf(approver.id()));
        delegations.refresh();
        assertThat(delegations.of(approver.id())).isPresent();
        assertThat(delegations.actingFor(OTHER.id())).contains(approver);
        consume(event(approver, null, 2));
        assertThat(delegations.of(approver.id())).isEmpty();
    }

    @Test
    void aChangeAnotherInstanceAppliedIsInForceHereWithinTheRefreshPeriod() throws Exception {
        Person approver = new Person(7003, "approver", "TEAM_LEAD", "D");
        assertThat(delegations.of(approver.id())).isEmpty();
        // another processing instance consumed the event (its partition is not ours)
        RedisDelegations elsewhere = new RedisDelegations(redis, json, Clock.systemUTC(), ZoneId.of("Asia/Seoul"));
        elsewhere.apply(event(approver, HEAD, 1));
        assertThat(elsewhere.of(approver.id())).isPresent();

        // this instance learns it from approval-processing.delegations-refresh, not from a question
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delegations.of(approver.id()).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(delegations.of(approver.id()).map(DelegationEvent::deputy)).contains(HEAD);
        assertThat(delegations.actingFor(HEAD.id())).contains(approver);
    }
}
