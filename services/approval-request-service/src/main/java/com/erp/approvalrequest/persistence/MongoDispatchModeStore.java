package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;
import java.util.Optional;

import com.erp.approvalrequest.dispatch.DispatchModeStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

/** The dispatch mode in force, one document of the {@code settings} collection, shared by every instance. */
public class MongoDispatchModeStore implements DispatchModeStore {

    static final String ID = "dispatch-mode";

    private final MongoCollection<Document> settings;

    public MongoDispatchModeStore(MongoClient mongo, String database) {
        this.settings = mongo.getDatabase(database).getCollection("settings");
    }

    @Override
    public Optional<Stored> read() {
        Document d = settings.find(eq("_id", ID)).first();
        if (d == null || d.getString("mode") == null) {
            return Optional.empty();
        }
        Date since = d.getDate("since");
        return Optional.of(new Stored(d.getString("mode"), since == null ? null : since.toInstant(),
                d.getString("changedBy")));
    }

    @Override
    public void write(Stored stored) {
        settings.replaceOne(eq("_id", ID), new Document("_id", ID).append("mode", stored.mode())
                .append("since", Date.from(stored.since())).append("changedBy", stored.changedBy()),
                new ReplaceOptions().upsert(true));
    }
}
