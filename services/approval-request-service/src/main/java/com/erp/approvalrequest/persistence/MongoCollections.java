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
 * non-unique indexes.
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
    }
}
