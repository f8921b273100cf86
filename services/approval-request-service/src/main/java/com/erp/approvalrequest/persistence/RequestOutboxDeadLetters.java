package com.erp.approvalrequest.persistence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.erp.routes.common.kafka.DeadLetters;
import com.erp.routes.common.kafka.OutboxEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * approval-request's outbox entries Kafka refused for good (bean {@code requestOutboxDeadLetters};
 * {@code KafkaFailures.refusedForGood}: a submission too large for its topic, say). Tried again every look, such an
 * entry would warn for ever and keep its document in the outbox's backlog; it is set aside with why, in its own
 * document ({@value ApprovalDocuments#OUTBOX_DEAD}), by the one update that takes it out of the outbox, so no crash
 * or race between the two loses it. An operator counts them, reads why, and replays them from the console once the
 * cause is mended (the topic's size limit raised): a replay moves each document's back into its outbox, again in one
 * update, where the relay finds them at once (they are older than the grace period). Their consumers keep a
 * document's state by its sequence and take an event id once, so a late event changes no newer state.
 */
@ManagedResource(objectName = "com.erp:type=OutboxDeadLetters,service=approval-request",
        description = "approval-request's outbox entries Kafka refused for good: how many, why, and replaying them")
public class RequestOutboxDeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(RequestOutboxDeadLetters.class);

    private final MongoCollection<Document> approvals;
    private final ApprovalDocuments documents;
    private final Clock clock;
    private final Runnable relayLooksSoon;

    /** @param relayLooksSoon tells the outbox's relay that a replay put entries back (it may be looking seldom) */
    public RequestOutboxDeadLetters(MongoClient mongo, String database, ApprovalDocuments documents, Clock clock,
                                    Runnable relayLooksSoon) {
        this.approvals = mongo.getDatabase(database).getCollection("approvals");
        this.documents = documents;
        this.clock = clock;
        this.relayLooksSoon = relayLooksSoon;
    }

    /** Sets aside an entry Kafka refused for good (nothing if it was published or set aside meanwhile). */
    public void keep(OutboxEntry entry, Throwable failure) {
        String reason = DeadLetters.shortReason(failure);
        BulkWriteResult result = approvals.bulkWrite(documents.setAside(entry, reason, clock.instant()));
        if (result.getModifiedCount() > 0) {
            LOG.warn("Kafka refused outbox event {} of {} ({}) for good, set aside in the document for a replay: {}",
                    entry.eventId(), entry.approvalId(), entry.topic(), reason);
        }
    }

    @ManagedOperation(description = "How many outbox entries Kafka refused for good wait to be replayed")
    public long count() {
        long count = 0;
        for (Document d : withDeadLetters()) {
            count += d.getList(ApprovalDocuments.OUTBOX_DEAD, Document.class, List.of()).size();
        }
        return count;
    }

    @ManagedOperation(description = "Why and when Kafka refused each entry waiting to be replayed, by event id")
    public Map<String, String> reasons() {
        Map<String, String> reasons = new TreeMap<>();
        for (Document d : withDeadLetters()) {
            for (Document letter : d.getList(ApprovalDocuments.OUTBOX_DEAD, Document.class, List.of())) {
                reasons.put(letter.getString("eventId"), letter.getDate("failedAt").toInstant() + " "
                        + d.getString("_id") + " " + letter.getString("reason"));
            }
        }
        return reasons;
    }

    @ManagedOperation(description = "Puts the refused outbox entries back into their documents' outboxes, to be "
            + "published again; returns how many went back")
    public long replay() {
        long back = 0;
        for (Document d : withDeadLetters().into(new ArrayList<>())) {
            List<Bson> replay = ApprovalDocuments.replayed(d);
            if (approvals.updateOne(replay.get(0), replay.get(1)).getModifiedCount() > 0) {
                back += d.getList(ApprovalDocuments.OUTBOX_DEAD, Document.class, List.of()).size();
            } else {
                LOG.info("the dead letters of {} changed while they were replayed: they wait for the next replay",
                        d.getString("_id"));
            }
        }
        if (back > 0) {
            relayLooksSoon.run();
        }
        LOG.info("replayed {} outbox entries Kafka had refused", back);
        return back;
    }

    private FindIterable<Document> withDeadLetters() {
        return approvals.find(ApprovalDocuments.withDeadLetters())
                .projection(Projections.include(ApprovalDocuments.OUTBOX_DEAD));
    }
}
