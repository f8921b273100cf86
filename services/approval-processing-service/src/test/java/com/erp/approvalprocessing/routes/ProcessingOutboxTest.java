package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.erp.approvalprocessing.persistence.ProcessingOutboxDeadLetters;
import com.erp.approvalprocessing.persistence.RedisOutbox;
import com.erp.devinfra.EmbeddedKafka;
import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.KafkaProbe;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A decision made while Kafka is down is kept, and its events are published when Kafka is back, in the order they
 * were stored, still carrying the trace of the request that made it (here the client's own).
 */
class ProcessingOutboxTest extends ProcessingRouteTestBase {

    @Autowired
    RedisOutbox outbox;
    @Autowired
    ProcessingOutboxDeadLetters deadLetters;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private static final String TRACE = "8bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aDecisionTakenWhileKafkaIsDownIsPublishedWhenItReturns() throws Exception {
        String id = activated();
        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0)).kafka();
        broker.stop();
        try {
            var r = http.send(http.request("/api/approvals/" + id + "/decisions", token(LEAD))
                    .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"decision\":\"APPROVE\",\"comment\":\"장애 중 승인\"}")).build());
            assertThat(r.status()).as("decided while Kafka is down: %s", r).isEqualTo(200);
            assertThat(version(id)).isEqualTo("3");
            assertThat(redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX)).isEqualTo(2);
            // the relay reads them in the order they were stored: the decision before the step it activates
            List<String> order = new ArrayList<>(redis.opsForZSet().range(RedisKeys.PROCESSING_OUTBOX_ORDER, 0, -1));
            assertThat(order).hasSize(2);
            assertThat(order.stream().map(eventId -> entry(eventId).topic()))
                    .containsExactly("approval.decided", "approval.step-activated");
        } finally {
            NotifyBuilder relayed = new NotifyBuilder(camel).fromRoute("approval-processing.outbox-relay")
                    .whenCompleted(1).create();
            broker.start();
            assertThat(relayed.matches(60, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(redis.opsForHash().size(RedisKeys.PROCESSING_OUTBOX)).isZero();
        assertThat(redis.opsForZSet().size(RedisKeys.PROCESSING_OUTBOX_ORDER)).as("published entries leave the order").isZero();
        var decided = kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(5));
        assertThat(decided).hasSize(1);
        assertThat(KafkaProbe.header(decided.get(0), "traceparent")).as("published by the relay, in the request's trace")
                .startsWith("00-" + TRACE + "-").doesNotContain("00f067aa0ba902b7");
        assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }

    /**
     * An event Kafka refuses for good (its topic takes less than the record) is set aside with why, not tried again
     * for ever: the decision's answer is 200, and the activation of the next step it stored with it goes at once (the
     * refused event holds nothing back any more), and the dead letter is counted (what an
     * alert watches) until an operator replays it, once the topic takes it, to the end of the outbox: the relay sends it.
     */
    @Test
    void anEventKafkaRefusesForGoodIsSetAsideAndReplayed() throws Exception {
        redis.delete(List.of(RedisKeys.PROCESSING_OUTBOX_DEAD, RedisKeys.PROCESSING_OUTBOX_DEAD_REASONS));
        String id = activated();
        kafka.maxRecordBytes("approval.decided", "200");
        camel.getRouteController().stopRoute("approval-processing.outbox-relay"); // what the decision's publication did
        try {
            var r = decide(LEAD, id, "APPROVE", "승인 ".repeat(40));
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertThat(entriesOf(id)).as("the decision set aside, the activation behind it sent").isEmpty();
            assertThat(kafka.await("approval.step-activated", rec -> id.equals(rec.key()), 2, Duration.ofSeconds(30)))
                    .as("the activation went, nothing in front of it any more").hasSize(2);
            assertThat(held(id)).isEmpty();
            assertThat(deadLetters.count()).isEqualTo(1);
            String refused = redis.opsForHash().keys(RedisKeys.PROCESSING_OUTBOX_DEAD).iterator().next().toString();
            assertThat(deadLetters.reasons()).as("what the console shows").containsOnlyKeys(refused);
            assertThat(deadLetters.reasons().get(refused)).contains("larger than");
            assertThat(meters.get("erp.outbox.dead.letters").tag("service", "approval-processing").gauge().value())
                    .isEqualTo(1.0);

            camel.getRouteController().startRoute("approval-processing.outbox-relay");
            assertThat(kafka.await("approval.decided", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(2)))
                    .as("nothing tried the refused event again").isEmpty();
            assertThat(deadLetters.count()).isEqualTo(1);
        } finally {
            kafka.maxRecordBytes("approval.decided", null);
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
        // the relay back at its idle pace (a look a minute) by now: the replay tells it to look soon
        Thread.sleep(6_000);
        assertThat(deadLetters.replay()).as("replayed once the topic takes it").isEqualTo(1);
        assertThat(deadLetters.count()).isZero();
        assertThat(kafka.await("approval.decided", rec -> id.equals(rec.key()), 1, Duration.ofSeconds(15))).hasSize(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!entriesOf(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(entriesOf(id)).isEmpty();
        assertThat(deadLetters.replay()).as("nothing left to replay").isZero();
    }

    /**
     * A document whose event failed is held until the relay has sent it: a later decision on it (the next approver's,
     * Kafka back by then) stores its events for the relay, behind the failed one, instead of publishing them at once,
     * ahead of it. The relay sends them all in the order of the document's changes, without waiting the grace period
     * for them; the hold ends with the last of them.
     */
    @Test
    void aLaterDecisionWaitsBehindItsDocumentsFailedEvent() throws Exception {
        String id = activated();
        EmbeddedKafka broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0)).kafka();
        camel.getRouteController().stopRoute("approval-processing.outbox-relay"); // only the decisions publish now
        try {
            broker.stop();
            try {
                var lead = decide(LEAD, id, "APPROVE", "장애 중 승인");
                assertThat(lead.status()).as("%s", lead).isEqualTo(200);
            } finally {
                broker.start();
            }
            // back: its first activation, published before, can be read again
            assertThat(kafka.await("approval.step-activated", r -> id.equals(r.key()), 1, Duration.ofSeconds(30)))
                    .hasSize(1);
            List<String> lead = entriesOf(id).stream().map(OutboxEntry::eventId).toList();
            assertThat(held(id)).as("held by its failed event and the activation left behind it")
                    .hasSize(2).containsExactlyInAnyOrderElementsOf(lead);

            var head = decide(HEAD, id, "APPROVE", "최종 승인");
            assertThat(head.status()).as("%s", head).isEqualTo(200);
            // no request is going to send held entries: the relay takes them at once, not after the grace period
            assertThat(outbox.due(100, null).entries()).filteredOn(e -> e.approvalId().equals(id))
                    .as("all four due, the head's just stored").hasSize(4);
            assertThat(kafka.await("approval.decided", r -> id.equals(r.key()), 1, Duration.ofSeconds(3)))
                    .as("the head's decision did not overtake the lead's").isEmpty();
            assertThat(entriesOf(id)).as("the lead's two events and the head's two, all in the outbox").hasSize(4);
            assertThat(held(id)).as("the head's events held too").hasSize(4);
        } finally {
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
        var decided = kafka.await("approval.decided", r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(decided).extracting(this::sequence)
                .as("the lead's decision first, then the head's").hasSize(2).isSorted().doesNotHaveDuplicates();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!entriesOf(id).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(entriesOf(id)).isEmpty();
        assertThat(redis.hasKey(RedisKeys.processingHeld(id))).as("the hold ended").isFalse();

        // an entry a version that does not know holds published still stands in the set: it holds nothing
        String next = activated();
        redis.opsForSet().add(RedisKeys.processingHeld(next), "published-by-an-earlier-version");
        var unheld = decide(LEAD, next, "APPROVE", null);
        assertThat(unheld.status()).as("%s", unheld).isEqualTo(200);
        assertThat(kafka.await("approval.decided", r -> next.equals(r.key()), 1, Duration.ofSeconds(3)))
                .as("a document nothing holds publishes at once").hasSize(1);
        assertThat(redis.hasKey(RedisKeys.processingHeld(next))).isFalse();
    }

    private java.util.Set<String> held(String approvalId) {
        return redis.opsForSet().members(RedisKeys.processingHeld(approvalId));
    }

    private long sequence(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> event) {
        try {
            return json.readTree(event.value()).path("sequence").asLong();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The entries of a document in the outbox. */
    private List<OutboxEntry> entriesOf(String approvalId) {
        return redis.opsForHash().values(RedisKeys.PROCESSING_OUTBOX).stream().map(v -> read(v.toString()))
                .filter(e -> e.approvalId().equals(approvalId)).toList();
    }

    /**
     * Entries Kafka keeps refusing at the front of the outbox (a topic name the broker rejects here; a topic without
     * its ACL alike: what may pass once the setup is mended, so they stay), a page (a batch, two here) and more of them,
     * hold nothing behind them back: the relay goes on past them, a page after another, while a document whose event
     * was refused keeps its later events back, in a later page too.
     */
    @Test
    void theRelayGoesOnPastAFrontKafkaKeepsRefusingAndARefusedDocumentsLaterEventsWait() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        String refusedTopic = "approval decided"; // no blank in a topic's name
        List<OutboxEntry> stored = new ArrayList<>();
        camel.getRouteController().stopRoute("approval-processing.outbox-relay");
        kafka.maxRecordBytes("approval.decided", "200");
        try {
            // in the order stored: two refused, the first event of D refused, X's, D's next, Y's
            for (String[] e : List.of(new String[] {"r1", refusedTopic}, new String[] {"r2", refusedTopic},
                    new String[] {"d", refusedTopic}, new String[] {"x", "approval.step-activated"},
                    new String[] {"d", "approval.step-activated"}, new String[] {"y", "approval.step-activated"})) {
                stored.add(ordered(e[0] + "-" + run, e[1], stored.size() + 1));
            }
            // as they would have got there: a publication Kafka refused, after which the relay looks at once
            // (stored after them, its own events are not due for the grace period yet; the refused one set aside)
            String decided = activated();
            var r = http.send(http.request("/api/approvals/" + decided + "/decisions", token(LEAD))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"decision\":\"APPROVE\",\"comment\":\"" + "승인 ".repeat(40) + "\"}")).build());
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
            for (String doc : List.of("x", "y")) {
                assertThat(kafka.await("approval.step-activated", rec -> (doc + "-" + run).equals(rec.key()), 1,
                        Duration.ofSeconds(30))).as("%s went, behind the refused front", doc).hasSize(1);
            }
            assertThat(kafka.await("approval.step-activated", rec -> ("d-" + run).equals(rec.key()), 1,
                    Duration.ofSeconds(3))).as("D's later event did not overtake its refused one").isEmpty();
            assertThat(stored.stream().filter(e -> redis.opsForHash().hasKey(RedisKeys.PROCESSING_OUTBOX, e.eventId()))
                    .map(OutboxEntry::approvalId)).containsExactly("r1-" + run, "r2-" + run, "d-" + run, "d-" + run);
        } finally {
            camel.getRouteController().stopRoute("approval-processing.outbox-relay");
            for (OutboxEntry e : stored) {
                outbox.published(e);
            }
            kafka.maxRecordBytes("approval.decided", null);
            redis.delete(List.of(RedisKeys.PROCESSING_OUTBOX_DEAD, RedisKeys.PROCESSING_OUTBOX_DEAD_REASONS));
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
    }

    /** An entry as the commit script stores it: in the hash and in the order, scored by the counter. */
    private OutboxEntry ordered(String doc, String topic, long sequence) throws Exception {
        OutboxEntry entry = new OutboxEntry(doc, java.util.UUID.randomUUID().toString(), topic,
                "{\"sequence\":" + sequence + "}", Instant.now().minusSeconds(60), null);
        redis.opsForHash().put(RedisKeys.PROCESSING_OUTBOX, entry.eventId(), json.writeValueAsString(entry));
        redis.opsForZSet().add(RedisKeys.PROCESSING_OUTBOX_ORDER, entry.eventId(),
                redis.opsForValue().increment(RedisKeys.PROCESSING_OUTBOX_SEQUENCE));
        return entry;
    }

    /**
     * A round reads the oldest entries only (a Kafka outage may have left very many), in order; entries an earlier
     * version stored without the order are adopted into it, before everything stored since, oldest first; an id
     * whose entry an earlier version removed leaves the order.
     */
    @Test
    void aRoundReadsTheOldestEntriesOnlyAndAdoptsThoseStoredWithoutAnOrder() throws Exception {
        camel.getRouteController().stopRoute("approval-processing.outbox-relay"); // this test is the relay
        try {
            Instant now = Instant.now();
            OutboxEntry third = legacy("legacy-c", now.minusSeconds(40), 3);
            // one transition's two events share their instant: the order of storing cannot tell them apart (by
            // score; by id, "a" before "b"), their sequence does
            OutboxEntry first = legacy("legacy-b", now.minusSeconds(60), 1);
            OutboxEntry second = legacy("legacy-a", now.minusSeconds(60), 2);
            redis.opsForZSet().add(RedisKeys.PROCESSING_OUTBOX_ORDER, "removed-by-an-earlier-version", -4.4e15);

            List<OutboxEntry> due = outbox.due(2, null).entries();

            assertThat(due).extracting(OutboxEntry::eventId).containsExactly(first.eventId(), second.eventId());
            assertThat(redis.opsForZSet().range(RedisKeys.PROCESSING_OUTBOX_ORDER, 0, 2))
                    .containsExactlyInAnyOrder(first.eventId(), second.eventId(), third.eventId());
            assertThat(redis.opsForZSet().range(RedisKeys.PROCESSING_OUTBOX_ORDER, 2, 2)).containsExactly(third.eventId());
            for (OutboxEntry entry : List.of(first, second)) {
                outbox.published(entry);
            }
            assertThat(outbox.due(2, null).entries()).extracting(OutboxEntry::eventId).containsExactly(third.eventId());
            outbox.published(third);
            assertThat(redis.opsForHash().hasKey(RedisKeys.PROCESSING_OUTBOX, third.eventId())).isFalse();
            assertThat(redis.opsForZSet().score(RedisKeys.PROCESSING_OUTBOX_ORDER, third.eventId())).isNull();
        } finally {
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
    }

    /**
     * A page never ends inside a group of entries of one score (adopted entries of one instant): the next page starts
     * after that score, so it would skip the rest of the group. Adopting entries in the middle of a look (they score
     * before its place) ends the look, so that the next, from the front, sends them first.
     */
    @Test
    void aPageTakesAWholeGroupOfOneScoreAndAdoptingEntriesMidLookEndsIt() throws Exception {
        camel.getRouteController().stopRoute("approval-processing.outbox-relay"); // this test is the relay
        List<OutboxEntry> all = new ArrayList<>();
        try {
            Instant instant = Instant.now().minusSeconds(90);
            for (int i = 1; i <= 3; i++) {
                all.add(legacy("tied-" + i, instant, i));
            }
            var page = outbox.due(2, null);
            assertThat(page.read()).as("the group of three not cut at two").isEqualTo(3);
            assertThat(page.entries()).extracting(OutboxEntry::eventId).containsExactly("tied-1", "tied-2", "tied-3");
            assertThat(outbox.due(2, page.last()).entries()).extracting(OutboxEntry::eventId)
                    .doesNotContain("tied-1", "tied-2", "tied-3");

            all.add(legacy("adopted-mid-look", instant.plusSeconds(1), 4));
            var midLook = outbox.due(2, page.last());
            assertThat(midLook.read()).as("adopted behind the look's place: the look ends").isZero();
            assertThat(outbox.due(5, null).entries()).extracting(OutboxEntry::eventId).contains("adopted-mid-look");
        } finally {
            all.forEach(outbox::published);
            camel.getRouteController().startRoute("approval-processing.outbox-relay");
        }
    }

    /** An entry as a version before the order stored it: in the hash only. */
    private OutboxEntry legacy(String eventId, Instant createdAt, long sequence) throws Exception {
        OutboxEntry entry = new OutboxEntry("legacy-doc", eventId, "approval.decided", "{\"sequence\":" + sequence + "}",
                createdAt, null);
        redis.opsForHash().put(RedisKeys.PROCESSING_OUTBOX, eventId, json.writeValueAsString(entry));
        return entry;
    }

    private OutboxEntry entry(String eventId) {
        return read((String) redis.opsForHash().get(RedisKeys.PROCESSING_OUTBOX, eventId));
    }

    private OutboxEntry read(String stored) {
        try {
            return json.readValue(stored, OutboxEntry.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
