package com.erp.devinfra;

import java.util.Map;

/** One real server process or in-process server bound to 127.0.0.1. */
public interface EmbeddedServer extends AutoCloseable {

    /** Which kind of server this is; also the name used in {@code erp.embedded.servers}. */
    Kind kind();

    void start() throws Exception;

    void stop();

    boolean isRunning();

    /** Spring/Camel properties that point a service at this server. */
    Map<String, String> connectionProperties();

    /** The same settings as environment variables, for a service started as its own JVM. */
    Map<String, String> environment();

    @Override
    default void close() {
        stop();
    }

    enum Kind {
        KAFKA, MARIADB, MONGO, REDIS;

        public static Kind parse(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
