package com.erp.devinfra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import org.h2.mvstore.MVStore;

/** mongo-java-server's two backends, with every collection given an {@link IdLookupIndex}. */
public final class IdLookupBackends {

    private IdLookupBackends() {
    }

    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new MemoryDatabase(databaseName, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                        MemoryCollection collection = super.openOrCreateCollection(name, options);
                        collection.addIndex(new IdLookupIndex<>(collection));
                        return collection;
                    }
                };
            }
        };
    }

    public static MongoBackend h2File(String fileName) {
        return new H2Backend(MVStore.open(fileName)) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new IdLookupH2Database(databaseName, getMvStore(), getCursorRegistry());
            }
        };
    }

    private static final class IdLookupH2Database extends H2Database {

        IdLookupH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            MongoCollection<Object> collection = super.openOrCreateCollection(name, options);
            collection.addIndex(new IdLookupIndex<>(collection));
            return collection;
        }
    }
}
