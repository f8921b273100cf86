package com.erp.approvalrequest.persistence;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collections and indexes before the routes start (camel-mongodb consumers and producers expect
 * collections to exist). The list indexes are for real MongoDB/DocumentDB; mongo-java-server ignores
 * non-unique indexes. The outbox marks' indexes are unique and sparse, so both use them ({@link ApprovalDocuments}).
 */
public class MongoCollections {

    private static final Logger LOG = LoggerFactory.getLogger(MongoCollections.class);

    public MongoCollections(MongoClient mongo, String database) {
        MongoDatabase db = mongo.getDatabase(database);
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : new String[]{"approvals", "counters", "delegations", "drafts", "attachments", "settings"}) {
            if (!existing.contains(name)) {
                db.createCollection(name);
            }
        }
        // 임시저장: a person's drafts, the last saved first
        db.getCollection("drafts").createIndex(Indexes.compoundIndex(Indexes.ascending("owner"),
                Indexes.descending("savedAt", "_id")), new IndexOptions().name("owner_saved"));
        // drafts not saved for long (their expiry)
        db.getCollection("drafts").createIndex(Indexes.ascending("savedAt"), new IndexOptions().name("saved"));
        MongoCollection<Document> approvals = db.getCollection("approvals");
        // the list's two boxes, each in the order its pages are read: newest first, the id breaking ties
        approvals.createIndex(Indexes.compoundIndex(Indexes.ascending("drafter.id"),
                Indexes.descending("submittedAt", "_id")), new IndexOptions().name("drafter_page"));
        approvals.createIndex(Indexes.compoundIndex(Indexes.ascending("line.approver.id"),
                Indexes.descending("submittedAt", "_id")), new IndexOptions().name("approver_page"));
        // the approver box's other branches (agreers, deputies of a step or of an agreer, those who decided a step
        // as a deputy: the history's actors), the received box and the escalated one; an $or is served by indexes only
        // if each branch is
        for (String field : new String[]{"line.deputy.id", "line.agreers.id", "line.agreements.deputy.id", "history.actor.id",
                "receivers.id", "receivingDepartments.id", "escalatedTo.id"}) {
            approvals.createIndex(Indexes.compoundIndex(Indexes.ascending(field), Indexes.descending("submittedAt", "_id")),
                    new IndexOptions().name(field.replace('.', '_') + "_page"));
        }
        dropIndex(approvals, "deputy_page"); // this version's first name for line_deputy_id_page
        // 결재 통계: a period's documents, of one department's drafters or of all
        approvals.createIndex(Indexes.compoundIndex(Indexes.ascending("drafter.department"), Indexes.ascending("submittedAt")),
                new IndexOptions().name("department_submitted"));
        approvals.createIndex(Indexes.ascending("submittedAt"), new IndexOptions().name("submitted"));
        approvals.createIndex(Indexes.compoundIndex(Indexes.ascending("cc.id"),
                Indexes.descending("submittedAt", "_id")), new IndexOptions().name("cc_page"));
        dropIndex(approvals, "drafter_newest"); // an earlier version's, replaced by drafter_page
        // 첨부파일: a person's uploads of the last day (the daily limit), and the files never submitted (the cleanup)
        MongoCollection<Document> attachments = db.getCollection("attachments");
        attachments.createIndex(Indexes.compoundIndex(Indexes.ascending("owner"), Indexes.ascending("uploadedAt")),
                new IndexOptions().name("owner_uploaded"));
        attachments.createIndex(Indexes.compoundIndex(Indexes.ascending("attachedTo"), Indexes.ascending("uploadedAt")),
                new IndexOptions().name("unsubmitted"));
        // the files a draft keeps (임시저장), released when it lets them go
        attachments.createIndex(Indexes.ascending("drafts"), new IndexOptions().name("drafts").sparse(true));
        // files whose marks the cleanup is to look at (few at a time: unset once looked at)
        attachments.createIndex(Indexes.ascending("markedAt"), new IndexOptions().name("marked").sparse(true));
        // once per drafter and Idempotency-Key: a submission sent again (a retry after a timeout) is not stored twice
        approvals.createIndex(Indexes.ascending("idempotencyKey"),
                new IndexOptions().name("idempotency_key").unique(true).sparse(true));
        // once per old document: a second resubmission (racing, or retried) fails to be stored
        approvals.createIndex(Indexes.ascending("resubmissionOf"),
                new IndexOptions().name("resubmission_of").unique(true).sparse(true));
        approvals.createIndex(Indexes.ascending(ApprovalDocuments.OUTBOX_MARK),
                new IndexOptions().name(ApprovalDocuments.OUTBOX_MARK_INDEX).unique(true).sparse(true));
        approvals.createIndex(Indexes.ascending(ApprovalDocuments.OUTBOX_DEAD_MARK),
                new IndexOptions().name(ApprovalDocuments.OUTBOX_DEAD_MARK_INDEX).unique(true).sparse(true));
        markOlderOutboxes(approvals);
        // off the start: without an index for it, the look for such files reads the whole collection, bytes and all
        upgraded = CompletableFuture.runAsync(() -> olderMarksDue(db, attachments), runnable -> {
            Thread t = new Thread(runnable, "mongo-upgrades");
            t.setDaemon(true);
            t.start();
        }).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("files marked by an earlier version not made due for the marks' look (tried again at the "
                        + "next start): {}", failure.toString());
            }
        });
    }

    private final CompletableFuture<Void> upgraded;

    /** The one-off upgrades of the stored data this start runs, done (or failed: they run again at the next start). */
    public CompletableFuture<Void> upgraded() {
        return upgraded;
    }

    /** Where one-off upgrades of the stored data note that they were done. */
    static final String UPGRADES = "upgrades";
    static final String OLDER_MARKS = "attachment-marks-before-markedAt";

    /**
     * Files marked by a version before {@code markedAt}: a mark of theirs naming nothing stored (a store that failed)
     * would never be looked at, and its file kept for good. Once per database (noted in {@value #UPGRADES}, so that
     * later starts do not scan the files again), every such file is made due for the cleanup's look, which takes off
     * only marks naming nothing stored. Two instances starting at once may both do it: harmless.
     */
    private static void olderMarksDue(MongoDatabase db, MongoCollection<Document> attachments) {
        MongoCollection<Document> upgrades = db.getCollection(UPGRADES);
        if (upgrades.find(Filters.eq("_id", OLDER_MARKS)).first() != null) {
            return;
        }
        long due = attachments.updateMany(Filters.and(Filters.exists("markedAt", false),
                        Filters.or(Filters.exists("drafts"), Filters.exists("documents"))),
                Updates.set("markedAt", new Date(0))).getModifiedCount();
        upgrades.replaceOne(Filters.eq("_id", OLDER_MARKS), new Document("_id", OLDER_MARKS)
                .append("at", new Date()).append("files", due), new ReplaceOptions().upsert(true));
        if (due > 0) {
            LOG.info("{} files marked by an earlier version are due for the cleanup's look at their marks", due);
        }
    }

    private static void dropIndex(MongoCollection<Document> collection, String name) {
        for (Document index : collection.listIndexes()) {
            if (name.equals(index.getString("name"))) {
                collection.dropIndex(name);
                return;
            }
        }
    }

    /**
     * Documents stored by a version without the outbox mark, whose entries are still unpublished, would be invisible
     * to the relay: mark them. One scan at start; afterwards every write keeps the mark.
     */
    private static void markOlderOutboxes(MongoCollection<Document> approvals) {
        int marked = 0;
        for (Document d : approvals.find(ApprovalDocuments.unmarkedOutbox())
                .projection(Projections.include("_id", "outbox"))) {
            List<Bson> update = ApprovalDocuments.markUpdate(d);
            marked += (int) approvals.updateOne(update.get(0), update.get(1)).getModifiedCount();
        }
        if (marked > 0) {
            LOG.info("marked {} documents with unpublished outbox entries for the relay", marked);
        }
    }
}
