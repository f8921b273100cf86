package com.erp.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers a service needs, on 127.0.0.1 with free ports and all data under one folder, started in
 * parallel. {@link #shared(Options)} keeps one set per JVM so that several Spring test contexts (or the
 * quick start) reuse the servers instead of starting them again.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Map<Path, EmbeddedServers> SHARED = new LinkedHashMap<>();
    private static Path jvmTempDir;
    private static boolean closeRegistered;

    private final Options options;
    private final Map<EmbeddedServer.Kind, EmbeddedServer> servers = new EnumMap<>(EmbeddedServer.Kind.class);

    /**
     * @param dataDir       the folder all servers keep their data in; null means a temporary folder deleted at exit
     * @param kinds         which servers to run
     * @param mongoInMemory the MongoDB-wire server's memory backend (load runs) instead of the H2 file
     * @param kafkaPort     0 for a free port
     */
    public record Options(Path dataDir, Set<EmbeddedServer.Kind> kinds, boolean mongoInMemory, int kafkaPort) {

        public static Options all(Path dataDir) {
            return new Options(dataDir, EnumSet.allOf(EmbeddedServer.Kind.class), false, 0);
        }

        public Options with(Set<EmbeddedServer.Kind> otherKinds) {
            return new Options(dataDir, otherKinds, mongoInMemory, kafkaPort);
        }
    }

    private EmbeddedServers(Options options) {
        this.options = options;
    }

    /** Starts the servers of {@code options} in parallel and returns once all accept connections. */
    public static EmbeddedServers start(Options options) {
        EmbeddedServers set = new EmbeddedServers(resolveDataDir(options));
        set.ensure(options.kinds());
        return set;
    }

    /** The JVM-wide set for this data folder, with at least the requested servers running; closed at JVM exit. */
    public static synchronized EmbeddedServers shared(Options options) {
        return shared(options, stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-servers-stop")));
    }

    /**
     * The JVM-wide set for this data folder, with at least the requested servers running.
     *
     * @param atExit registers how the JVM-wide sets are closed at exit (with the first set only). An application
     *               passes Spring Boot's shutdown handlers, which run once its context is closed: a JVM shutdown
     *               hook would stop the servers while the application is still shutting down, and its Kafka
     *               consumers would spend the shutdown reconnecting to a broker that is gone.
     */
    public static synchronized EmbeddedServers shared(Options options, Consumer<Runnable> atExit) {
        if (!closeRegistered) {
            closeRegistered = true;
            atExit.accept(EmbeddedServers::closeShared);
        }
        Options resolved = resolveDataDir(options);
        EmbeddedServers set = SHARED.get(resolved.dataDir());
        if (set == null) {
            set = new EmbeddedServers(resolved);
            SHARED.put(resolved.dataDir(), set);
        }
        set.ensure(resolved.kinds());
        return set;
    }

    private static synchronized void closeShared() {
        SHARED.values().forEach(EmbeddedServers::close);
        SHARED.clear();
        if (jvmTempDir != null) {
            deleteQuietly(jvmTempDir);
        }
    }

    private static synchronized Options resolveDataDir(Options options) {
        if (options.dataDir() != null) {
            return new Options(options.dataDir().toAbsolutePath().normalize(), options.kinds(),
                    options.mongoInMemory(), options.kafkaPort());
        }
        if (jvmTempDir == null) {
            try {
                jvmTempDir = Files.createTempDirectory("erp-embedded-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!closeRegistered) {
                // a set that is not shared is closed by its owner; only the folder is left to delete
                Path dir = jvmTempDir;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "embedded-servers-cleanup"));
            }
        }
        return new Options(jvmTempDir, options.kinds(), options.mongoInMemory(), options.kafkaPort());
    }

    private synchronized void ensure(Set<EmbeddedServer.Kind> kinds) {
        List<EmbeddedServer> toStart = new ArrayList<>();
        for (EmbeddedServer.Kind kind : kinds) {
            if (!servers.containsKey(kind)) {
                EmbeddedServer server = create(kind);
                servers.put(kind, server);
                toStart.add(server);
            }
        }
        long begin = System.nanoTime();
        List<CompletableFuture<Void>> starting = toStart.stream()
                .map(server -> CompletableFuture.runAsync(() -> startOne(server)))
                .toList();
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw new IllegalStateException("embedded servers failed to start: " + e.getCause(), e.getCause());
        }
        if (!toStart.isEmpty()) {
            LOG.info("embedded servers {} ready in {} ms under {}", toStart.stream().map(EmbeddedServer::kind).toList(),
                    (System.nanoTime() - begin) / 1_000_000, options.dataDir());
        }
    }

    private static void startOne(EmbeddedServer server) {
        try {
            server.start();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private EmbeddedServer create(EmbeddedServer.Kind kind) {
        Path dir = options.dataDir();
        return switch (kind) {
            case KAFKA -> new EmbeddedKafka(dir.resolve("kafka"), options.kafkaPort(), 3);
            case MARIADB -> new EmbeddedMariaDb(dir.resolve("mariadb"), dir.resolve("mariadb-base"), 0, "erp");
            case MONGO -> new EmbeddedMongo(dir.resolve("mongo/erp.mv"), options.mongoInMemory(), 0, "erp");
            case REDIS -> new EmbeddedRedis(dir.resolve("redis"), true, 0);
        };
    }

    @SuppressWarnings("unchecked")
    public synchronized <T extends EmbeddedServer> T get(EmbeddedServer.Kind kind) {
        EmbeddedServer server = servers.get(kind);
        if (server == null) {
            throw new IllegalStateException(kind + " is not among the embedded servers " + servers.keySet());
        }
        return (T) server;
    }

    public EmbeddedKafka kafka() {
        return get(EmbeddedServer.Kind.KAFKA);
    }

    public Path dataDir() {
        return options.dataDir();
    }

    /** Spring/Camel properties pointing at every running server. */
    public synchronized Map<String, String> connectionProperties() {
        Map<String, String> all = new LinkedHashMap<>();
        servers.values().forEach(s -> all.putAll(s.connectionProperties()));
        return all;
    }

    /** The same as environment variables, for services started as separate JVMs. */
    public synchronized Map<String, String> environment() {
        Map<String, String> all = new LinkedHashMap<>();
        servers.values().forEach(s -> all.putAll(s.environment()));
        return all;
    }

    @Override
    public synchronized void close() {
        // Stop in reverse start order; Kafka last keeps consumers from logging reconnect storms meanwhile.
        List<EmbeddedServer> running = new ArrayList<>(servers.values());
        running.sort(Comparator.comparing(s -> s.kind() == EmbeddedServer.Kind.KAFKA ? 1 : 0));
        running.forEach(EmbeddedServer::stop);
        servers.clear();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it is a temporary folder
        }
    }
}
