package com.erp.devinfra.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets mongo-java-server answer {@code {_id: x, <more conditions>}} from the {@code _id} index, as MongoDB
 * does. Without it such a query (our conditional updates: "add this history entry unless it is there") scans
 * the whole collection, because the server uses an index only when a query names exactly its keys, and the
 * cost of every event grows with the number of documents stored.
 *
 * <p>It holds no keys of its own: it narrows the query to the one document the {@code _id} index finds and
 * leaves the remaining conditions to the server's matcher. Being sparse and empty, it takes no part in
 * inserts, updates or removals.
 */
final class IdLookupIndex<P> extends Index<P> {

    static final String NAME = "_id_lookup_";
    private static final String ID = "_id";

    private final MongoCollection<P> collection;

    IdLookupIndex(MongoCollection<P> collection) {
        super(NAME, List.of(new IndexKey(ID, true)), true);
        this.collection = collection;
    }

    @Override
    public boolean canHandle(Document query) {
        return idOf(query) != null && idIndex() != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return idIndex().getPositions(new Document(ID, idOf(query)));
    }

    /**
     * The _id a query pins down together with other conditions: {@code {_id: x, ...}}, or what the Java driver
     * sends for {@code Filters.and(eq("_id", x), ...)}: {@code {$and: [{_id: x}, ...]}}. A query on _id alone is
     * left to the _id index itself.
     */
    static Object idOf(Document query) {
        if (query.size() > 1 && isPlain(query.get(ID))) {
            return query.get(ID);
        }
        if (query.size() == 1 && query.get("$and") instanceof List<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d && d.size() == 1 && isPlain(d.get(ID))) {
                    return d.get(ID);
                }
            }
        }
        return null;
    }

    private static boolean isPlain(Object id) {
        return id != null && !(id instanceof Document) && !(id instanceof java.util.Collection);
    }

    private Index<P> idIndex() {
        for (Index<P> index : collection.getIndexes()) {
            if (index != this && index.isUnique() && index.getKeys().size() == 1
                    && ID.equals(index.getKeys().get(0).getKey())) {
                return index;
            }
        }
        return null;
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
    }

    @Override
    public P remove(Document document) {
        return null;
    }

    @Override
    public long getCount() {
        return 0;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
    }

    @Override
    public void drop() {
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
