package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.approvalrequest.persistence.MongoCollections;
import com.erp.routes.common.kafka.OutboxEntry;
import com.erp.routes.testing.KafkaProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The relay finds unpublished entries by the outbox mark (a sparse unique index), not by a query over every
 * document: entries are relayed when their document is marked, the mark goes with the last entry, and documents
 * written before the mark existed are marked at start.
 */
// the relay looks every half second even when nothing failed here, so a leftover is found within the test; in its own
// context, closed after it (see OutboxRelayRoundsTest)
@TestPropertySource(properties = "erp.approval-request.outbox.idle-scan-ms=500")
@DirtiesContext
class OutboxMarkTest extends ApprovalRequestRouteTestBase {

    @Autowired
    ApprovalDocuments documents;

    @Test
    void anEntryLeftByACrashIsRelayedAndItsMarkRemoved() {
        Instant created = Instant.now().minusSeconds(60); // past the grace: the writer has given up on it
        String id = leftover(created, true);

        assertRelayed(id, "relayed");
        await(() -> {
            Document d = approvals().find(new Document("_id", id)).first();
            return d.getList("outbox", Document.class).isEmpty() && !d.containsKey(ApprovalDocuments.OUTBOX_MARK);
        });
    }

    @Test
    void aRelayedEntryCarriesTheTraceOfTheRequestThatStoredIt() {
        String trace = "5bf92f3577b34da6a3ce929d0e0e4736";
        String id = leftover(Instant.now().minusSeconds(60), true, "00-" + trace + "-00f067aa0ba902b7-01");

        var published = kafka.await("approval.submitted", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).isNotEmpty().allSatisfy(r -> assertThat(KafkaProbe.header(r, "traceparent"))
                .as("not the relay's own trace").startsWith("00-" + trace + "-").doesNotContain("00f067aa0ba902b7"));
    }

    @Test
    void aDocumentWithEntriesButNoMarkIsMarkedAtStartThenRelayed() {
        Instant created = Instant.now().minusSeconds(120);
        String id = leftover(created, false);
        // the relay's query does not find it: it looks only at marked documents
        assertThat(approvals().find(documents.pendingOutbox()).map(d -> d.getString("_id"))
                .into(new java.util.ArrayList<>())).doesNotContain(id);

        new MongoCollections(mongo, "erp"); // what a start of this version does

        assertThat(approvals().find(new Document("_id", id)).first().getString(ApprovalDocuments.OUTBOX_MARK))
                .isEqualTo(ApprovalDocuments.outboxMark(id, created));
        assertRelayed(id, "relayed once marked");
        await(() -> approvals().find(new Document("_id", id)).first().getList("outbox", Document.class).isEmpty());
    }

    @Test
    void theMarkStaysWhileAnyEntryIsUnpublished() {
        Instant created = Instant.now();
        String id = "mark-" + UUID.randomUUID();
        OutboxEntry first = new OutboxEntry(id, "ev-1-" + id, "approval.submitted", "{}", created, null);
        OutboxEntry second = new OutboxEntry(id, "ev-2-" + id, "approval.submitted", "{}", created, null);
        approvals().insertOne(new Document("_id", id)
                .append(ApprovalDocuments.OUTBOX_MARK, ApprovalDocuments.outboxMark(id, created))
                .append("outbox", List.of(entry(first), entry(second))));

        approvals().bulkWrite(documents.markPublished(first));
        Document afterFirst = approvals().find(new Document("_id", id)).first();
        assertThat(afterFirst.getList("outbox", Document.class)).extracting(e -> e.getString("eventId"))
                .containsExactly(second.eventId());
        assertThat(afterFirst.getString(ApprovalDocuments.OUTBOX_MARK)).as("one entry still waits").isNotNull();

        approvals().bulkWrite(documents.markPublished(second));
        assertThat(approvals().find(new Document("_id", id)).first()).doesNotContainKey(ApprovalDocuments.OUTBOX_MARK);
    }

    @Test
    void pendingDocumentsAreFoundOldestFirstAndOnlyByTheirMark() {
        Instant now = Instant.now();
        String newer = "order-b-" + UUID.randomUUID();
        String older = "order-a-" + UUID.randomUUID();
        // far in the future, so that the relay leaves them alone: only the query is looked at here
        approvals().insertOne(marked(newer, now.plus(Duration.ofDays(2))));
        approvals().insertOne(marked(older, now.plus(Duration.ofDays(1))));
        String unmarked = "unmarked-" + UUID.randomUUID();
        Document withoutMark = marked(unmarked, now.plus(Duration.ofDays(1)));
        withoutMark.remove(ApprovalDocuments.OUTBOX_MARK);
        approvals().insertOne(withoutMark);
        try {
            List<String> found = approvals().find(documents.pendingOutbox()).sort(documents.pendingOutboxOrder())
                    .map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
            assertThat(found).containsSubsequence(older, newer).noneMatch(f -> f.startsWith("unmarked-"));
            // a relay's next page starts after the last mark of the one before
            String olderMark = approvals().find(new Document("_id", older)).first().getString(ApprovalDocuments.OUTBOX_MARK);
            List<String> after = approvals().find(documents.pendingOutbox(olderMark)).sort(documents.pendingOutboxOrder())
                    .map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
            assertThat(after).contains(newer).doesNotContain(older).noneMatch(f -> f.startsWith("unmarked-"));
            assertThat(documents.dueOutbox(approvals().find(new Document("_id", older)).into(new java.util.ArrayList<>())))
                    .satisfies(page -> {
                        assertThat(page.read()).isEqualTo(1);
                        assertThat(page.last()).isEqualTo(olderMark);
                        assertThat(page.entries()).as("not due: stored in the future").isEmpty();
                    });
        } finally {
            approvals().deleteMany(new Document("_id", new Document("$in", List.of(newer, older, unmarked))));
        }
    }

    /**
     * Published, at least once: the other tests' application context, still open, has a relay over the same database
     * too, and one that is looking often just then (after it found or failed to publish entries) publishes the same
     * leftover, as two instances of the service would. Every copy is the same event (consumers take it once).
     */
    private void assertRelayed(String id, String what) {
        var published = kafka.await("approval.submitted", r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(published).as(what).isNotEmpty();
        assertThat(published.stream().map(r -> r.value()).distinct()).as("the same event").hasSize(1);
    }

    /**
     * Documents whose events Kafka keeps refusing at the front of the outbox (a topic name the broker rejects here; a
     * topic without its ACL alike: refusals that may pass once the setup is mended, so the entries stay, unlike one
     * too large, which is set aside), more than a page (two here) of them, hold back nothing behind them: the relay
     * goes on past them, from where each page ended.
     */
    @Test
    void theRelayGoesOnPastDocumentsKafkaKeepsRefusingAtTheFront() throws Exception {
        Instant created = Instant.now().minusSeconds(600); // before every other test's leftovers
        List<String> refused = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String id = "refused-" + UUID.randomUUID();
                OutboxEntry e = new OutboxEntry(id, "ev-" + id, "approval withdrawn", // no blank in a topic's name
                        "{\"approvalId\":\"" + id + "\"}", created.plusSeconds(i), null);
                approvals().insertOne(new Document("_id", id).append("status", "SUBMITTED")
                        .append("outbox", List.of(entry(e)))
                        .append(ApprovalDocuments.OUTBOX_MARK, ApprovalDocuments.outboxMark(id, e.createdAt())));
                refused.add(id);
            }
            String behind = leftover(created.plusSeconds(10), true);

            assertRelayed(behind, "relayed behind three refused");
            assertThat(refused).allSatisfy(id -> assertThat(approvals().find(new Document("_id", id)).first()
                    .getList("outbox", Document.class)).as("still waiting").hasSize(1));
        } finally {
            approvals().deleteMany(new Document("_id", new Document("$in", refused)));
        }
    }

    /** A document whose submission event was stored but never published (a crash right after the insert). */
    private String leftover(Instant created, boolean marked) {
        return leftover(created, marked, null);
    }

    private String leftover(Instant created, boolean marked, String traceparent) {
        String id = "leftover-" + UUID.randomUUID();
        OutboxEntry e = new OutboxEntry(id, "ev-" + id, "approval.submitted", "{\"approvalId\":\"" + id + "\"}", created,
                traceparent);
        Document d = new Document("_id", id).append("status", "SUBMITTED").append("outbox", List.of(entry(e)));
        if (marked) {
            d.append(ApprovalDocuments.OUTBOX_MARK, ApprovalDocuments.outboxMark(id, created));
        }
        approvals().insertOne(d);
        return id;
    }

    private static Document marked(String id, Instant created) {
        OutboxEntry e = new OutboxEntry(id, "ev-" + id, "approval.submitted", "{}", created, null);
        return new Document("_id", id).append(ApprovalDocuments.OUTBOX_MARK, ApprovalDocuments.outboxMark(id, created))
                .append("outbox", List.of(entry(e)));
    }

    private static Document entry(OutboxEntry e) {
        Document entry = new Document("eventId", e.eventId()).append("topic", e.topic()).append("payload", e.payload())
                .append("createdAt", Date.from(e.createdAt()));
        return e.traceparent() == null ? entry : entry.append("traceparent", e.traceparent());
    }
}
