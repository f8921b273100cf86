package com.erp.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.erp.devinfra.mongo.IdLookupBackends;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server). No real mongod can be had here, so this is the
 * closest real server: the H2 backend persists to a file; the memory backend is for load runs, where the
 * H2 file backend is the bottleneck. It has no transactions and no change streams, which is why the design
 * relies on single-document atomicity only. Its collections answer queries on {@code _id} plus other
 * conditions from the {@code _id} index, as MongoDB does ({@link com.erp.devinfra.mongo.IdLookupIndex}).
 */
public final class EmbeddedMongo extends AbstractEmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final Path file;
    private final boolean inMemory;
    private final int port;
    private final String database;
    private MongoServer server;
    private MongoBackend backend;

    public EmbeddedMongo(Path file, boolean inMemory, int port, String database) {
        this.file = file;
        this.inMemory = inMemory;
        this.port = FreePort.orFree(port);
        this.database = database;
    }

    @Override
    public Kind kind() {
        return Kind.MONGO;
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    protected void doStart() throws Exception {
        if (inMemory) {
            backend = IdLookupBackends.memory();
        } else {
            Files.createDirectories(file.getParent());
            backend = IdLookupBackends.h2File(file.toString());
        }
        MongoServer started = new MongoServer(backend);
        started.bind("127.0.0.1", port);
        server = started;
        LOG.info("MongoDB-wire server up on 127.0.0.1:{} ({})", port, inMemory ? "memory" : "H2 file " + file);
    }

    @Override
    protected void doStop() {
        try {
            server.shutdownNow();
        } finally {
            server = null;
            backend = null;
        }
    }

    @Override
    public Map<String, String> connectionProperties() {
        return Map.of("spring.data.mongodb.uri", uri());
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("SPRING_DATA_MONGODB_URI", uri());
    }
}
