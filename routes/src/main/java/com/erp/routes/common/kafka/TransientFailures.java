package com.erp.routes.common.kafka;

import java.util.Set;

/**
 * Failures that say a server is away or slow (a store, the broker, the network), not that the message is wrong:
 * retrying the same message later will succeed. Recognised by class name along the cause chain and each cause's
 * superclasses, so this package needs none of the drivers on its class path.
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT = Set.of(
            // Spring's data access translation (Redis through Spring Data, JDBC through Spring)
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            // the drivers' own, where nothing translates them (camel-mongodb, Lettuce)
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.NoRouteToHostException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (TRANSIENT.contains(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
