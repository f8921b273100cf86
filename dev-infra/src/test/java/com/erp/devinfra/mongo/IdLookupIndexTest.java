package com.erp.devinfra.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Index;
import org.bson.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both embedded backends, through the real driver: queries on _id plus more conditions are answered from the
 * _id index and still apply every condition (the conditional updates the record route relies on).
 */
class IdLookupIndexTest {

    @TempDir
    static Path dir;

    static Stream<String> backends() {
        return Stream.of("memory", "h2");
    }

    private static MongoBackend backend(String kind) {
        return kind.equals("memory") ? IdLookupBackends.memory() : IdLookupBackends.h2File(dir.resolve("m.mv").toString());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void conditionalUpdatesByIdApplyEveryConditionAndUseTheIdIndex(String kind) {
        MongoBackend backend = backend(kind);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            List<Document> many = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                many.add(new Document("_id", "d" + i).append("v", 1).append("history", List.of()));
            }
            docs.insertMany(many);

            // "add unless present": first time it matches, a redelivery does not
            var addOnce = and(eq("_id", "d7"), ne("history.eventId", "e1"));
            assertThat(docs.updateOne(addOnce, Updates.push("history", new Document("eventId", "e1"))).getModifiedCount())
                    .isEqualTo(1);
            assertThat(docs.updateOne(addOnce, Updates.push("history", new Document("eventId", "e1"))).getModifiedCount())
                    .isZero();
            // "only if newer"
            assertThat(docs.updateOne(and(eq("_id", "d7"), lt("v", 2)), Updates.set("v", 2)).getModifiedCount()).isEqualTo(1);
            assertThat(docs.updateOne(and(eq("_id", "d7"), lt("v", 2)), Updates.set("v", 3)).getModifiedCount()).isZero();
            // an unknown id matches nothing; other documents are untouched
            assertThat(docs.updateOne(and(eq("_id", "nope"), lt("v", 9)), Updates.set("v", 9)).getMatchedCount()).isZero();
            Document d7 = docs.find(eq("_id", "d7")).first();
            assertThat(d7.getInteger("v")).isEqualTo(2);
            assertThat(d7.getList("history", Document.class)).hasSize(1);
            assertThat(docs.countDocuments(eq("v", 1))).isEqualTo(1999);
            // removing works with the extra index present
            docs.deleteOne(eq("_id", "d8"));
            assertThat(docs.countDocuments()).isEqualTo(1999);

            // the server answers such a query from the _id index: exactly one position, not a scan
            @SuppressWarnings("unchecked")
            de.bwaldvogel.mongo.MongoCollection<Object> stored = (de.bwaldvogel.mongo.MongoCollection<Object>)
                    ((AbstractMongoBackend) backend).resolveDatabase("t").resolveCollection("docs", true);
            // the driver sends and(eq(_id), ...) as {$and: [...]}; a hand-written filter may be flat
            assertThat(and(eq("_id", "d7"), lt("v", 5)).toBsonDocument().keySet()).containsExactly("$and");
            var cond = new de.bwaldvogel.mongo.bson.Document("v", new de.bwaldvogel.mongo.bson.Document("$lt", 5));
            var flat = new de.bwaldvogel.mongo.bson.Document("_id", "d7").append("v", cond.get("v"));
            var anded = new de.bwaldvogel.mongo.bson.Document("$and",
                    List.of(new de.bwaldvogel.mongo.bson.Document("_id", "d7"), cond));
            for (var query : List.of(flat, anded)) {
                Index<Object> handler = stored.getIndexes().stream().filter(i -> i.canHandle(query)).findFirst().orElseThrow();
                assertThat(handler).isInstanceOf(IdLookupIndex.class);
                assertThat(handler.getPositions(query)).hasSize(1);
            }
            // a query on _id alone stays with the _id index
            assertThat(stored.getIndexes().stream().filter(i -> i.canHandle(new de.bwaldvogel.mongo.bson.Document("_id", "d7")))
                    .findFirst().orElseThrow()).isNotInstanceOf(IdLookupIndex.class);
        } finally {
            server.shutdownNow();
        }
    }
}
