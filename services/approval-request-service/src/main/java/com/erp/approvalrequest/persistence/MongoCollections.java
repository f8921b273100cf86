package com.erp.approvalrequest.persistence;

import java.util.HashSet;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * Creates the collections and indexes before the routes start (camel-mongodb consumers and producers expect
 * collections to exist). The drafter index is for real MongoDB/DocumentDB; mongo-java-server ignores
 * non-unique indexes. The unique {_id, stateVersion} index is for mongo-java-server: the record route writes
 * under the version it read ({_id: id, stateVersion: n}), and that server uses an index only for a query naming
 * exactly its fields (without it, each such write scanned every document).
 */
public class MongoCollections {

    public MongoCollections(MongoClient mongo, String database) {
        MongoDatabase db = mongo.getDatabase(database);
        Set<String> existing = db.listCollectionNames().into(new HashSet<>());
        for (String name : new String[]{"approvals", "counters"}) {
            if (!existing.contains(name)) {
                db.createCollection(name);
            }
        }
        db.getCollection("approvals").createIndex(Indexes.compoundIndex(Indexes.ascending("drafter.id"),
                Indexes.descending("submittedAt")), new IndexOptions().name("drafter_newest"));
        db.getCollection("approvals").createIndex(Indexes.ascending(ApprovalDocuments.RECORD_INDEX),
                new IndexOptions().unique(true).name("id_version"));
    }
}
