package com.erp.devinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/** A real redis-server binary (shipped inside the embedded-redis jar), persisting to an append-only file. */
public final class EmbeddedRedis extends AbstractEmbeddedServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);

    private final Path dir;
    private final boolean persistent;
    private final int port;
    private RedisServer server;

    public EmbeddedRedis(Path dir, boolean persistent, int port) {
        this.dir = dir;
        this.persistent = persistent;
        this.port = FreePort.orFree(port);
    }

    @Override
    public Kind kind() {
        return Kind.REDIS;
    }

    public int port() {
        return port;
    }

    @Override
    protected void doStart() throws Exception {
        Files.createDirectories(dir);
        RedisServer started = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                .setting("dir " + dir.toAbsolutePath())
                .setting("appendonly " + (persistent ? "yes" : "no"))
                .setting("appendfsync everysec")
                .setting("save \"\"")
                .setting("maxclients 1000")
                .build();
        started.start();
        server = started;
        LOG.info("Redis up on 127.0.0.1:{} (dir {})", port, dir);
    }

    @Override
    protected Optional<String> executable() {
        return Optional.of("redis-server");
    }

    @Override
    protected void doStop() throws Exception {
        try {
            server.stop();
        } finally {
            server = null;
        }
    }

    @Override
    public Map<String, String> connectionProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("spring.data.redis.host", "127.0.0.1");
        p.put("spring.data.redis.port", String.valueOf(port));
        return p;
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("SPRING_DATA_REDIS_HOST", "127.0.0.1", "SPRING_DATA_REDIS_PORT", String.valueOf(port));
    }
}
