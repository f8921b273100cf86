package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.erp.routes.common.kafka.DeadLetters;
import com.erp.routes.common.kafka.OutboxEntry;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * approval-request's outbox entries Kafka refused for good (bean {@code requestOutboxDeadLetters};
 * {@code KafkaFailures.refusedForGood}: a submission too large for its topic, say). Tried again every look, such an
 * entry would warn for ever and keep its document in the outbox's backlog; it is set aside in the collection
 * {@value #COLLECTION} with why, and taken out of its document's outbox. An operator counts them, reads why, and
 * replays them from the console once the cause is mended (the topic's size limit raised): a replay puts each back
 * into its document's outbox, where the relay finds it at once (it is older than the grace period). Its consumers
 * keep a document's state by its sequence and take an event id once, so a late event changes no newer state.
 * <p>
 * Setting aside stores the dead letter before it takes the entry out of the document (there is no transaction across
 * the two): a crash in between leaves the entry in both, and the relay's next try sets it aside again (the same id).
 */
@ManagedResource(objectName = "com.erp:type=OutboxDeadLetters,service=approval-request",
        description = "approval-request's outbox entries Kafka refused for good: how many, why, and replaying them")
public class RequestOutboxDeadLetters {

    public static final String COLLECTION = "outbox_dead";
    private static final Logger LOG = LoggerFactory.getLogger(RequestOutboxDeadLetters.class);

    private final MongoCollection<Document> approvals;
    private final MongoCollection<Document> dead;
    private final ApprovalDocuments documents;
    private final Clock clock;
    private final Runnable relayLooksSoon;

    /** @param relayLooksSoon tells the outbox's relay that a replay put entries back (it may be looking seldom) */
    public RequestOutboxDeadLetters(MongoClient mongo, String database, ApprovalDocuments documents, Clock clock,
                                    Runnable relayLooksSoon) {
        this.approvals = mongo.getDatabase(database).getCollection("approvals");
        this.dead = mongo.getDatabase(database).getCollection(COLLECTION);
        this.documents = documents;
        this.clock = clock;
        this.relayLooksSoon = relayLooksSoon;
    }

    /** Sets aside an entry Kafka refused for good and takes it out of its document's outbox (the mark with the last). */
    public void keep(OutboxEntry entry, Throwable failure) {
        String reason = DeadLetters.shortReason(failure);
        Document letter = new Document("_id", entry.eventId()).append("approvalId", entry.approvalId())
                .append("topic", entry.topic()).append("payload", entry.payload())
                .append("createdAt", Date.from(entry.createdAt())).append("reason", reason)
                .append("failedAt", Date.from(clock.instant()));
        if (entry.traceparent() != null) {
            letter.append("traceparent", entry.traceparent());
        }
        dead.replaceOne(eq("_id", entry.eventId()), letter, new ReplaceOptions().upsert(true));
        approvals.bulkWrite(documents.markPublished(entry));
        LOG.warn("Kafka refused outbox event {} of {} ({}) for good, set aside in {} for a replay: {}",
                entry.eventId(), entry.approvalId(), entry.topic(), COLLECTION, reason);
    }

    @ManagedOperation(description = "How many outbox entries Kafka refused for good wait to be replayed")
    public long count() {
        return dead.countDocuments();
    }

    @ManagedOperation(description = "Why and when Kafka refused each entry waiting to be replayed, by event id")
    public Map<String, String> reasons() {
        Map<String, String> reasons = new TreeMap<>();
        for (Document letter : dead.find()) {
            reasons.put(letter.getString("_id"), letter.getDate("failedAt").toInstant() + " "
                    + letter.getString("approvalId") + " " + letter.getString("reason"));
        }
        return reasons;
    }

    @ManagedOperation(description = "Puts the refused outbox entries back into their documents' outboxes, oldest "
            + "first, to be published again; returns how many went back")
    public long replay() {
        List<Document> letters = dead.find().sort(Sorts.ascending("createdAt", "_id")).into(new ArrayList<>());
        long back = 0;
        for (Document letter : letters) {
            OutboxEntry entry = new OutboxEntry(letter.getString("approvalId"), letter.getString("_id"),
                    letter.getString("topic"), letter.getString("payload"), letter.getDate("createdAt").toInstant(),
                    letter.getString("traceparent"));
            // an entry already back in its outbox (a replay that half ran) stays there once
            back += approvals.updateOne(and(eq("_id", entry.approvalId()), ne("outbox.eventId", entry.eventId())),
                    documents.requeued(entry)).getModifiedCount();
            dead.deleteOne(eq("_id", entry.eventId()));
        }
        if (back > 0) {
            relayLooksSoon.run();
        }
        LOG.info("replayed {} outbox entries Kafka had refused", back);
        return back;
    }
}
