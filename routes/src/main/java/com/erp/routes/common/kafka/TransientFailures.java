package com.erp.routes.common.kafka;

import java.util.Set;
import java.util.function.BiPredicate;

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
            // a replica set electing a new primary, or a node starting or stopping (DocumentDB fails over this way)
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoWriteConcernException",
            "io.lettuce.core.RedisConnectionException",
            // the change is stored, not yet on Redis's replicas (one away or slow): retried until it is
            "com.erp.routes.common.redis.ReplicationBarrier$NotReplicatedException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            // JPA where nothing translates it (a TransactionTemplate around the shared EntityManager): a lock wait
            // that timed out or a deadlock (MariaDB 1205/1213, Hibernate's PessimisticLockException and
            // LockTimeoutException), and a row changed by another transaction meanwhile (the retry reads it again)
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.StaleStateException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.NoRouteToHostException");

    /**
     * Redis answers a command with an error whose first word says what kind: these say the server cannot take it just
     * now (a replica not yet promoted, a restart loading its data, memory full, a cluster failing over). Spring
     * wraps them in its generic RedisSystemException, as it does a script's own error, which is not transient.
     */
    private static final Set<String> REDIS_BUSY = Set.of("READONLY", "LOADING", "OOM", "MASTERDOWN", "TRYAGAIN",
            "CLUSTERDOWN", "BUSY", "NOREPLICAS");
    private static final String REDIS_COMMAND_ERROR = "io.lettuce.core.RedisCommandExecutionException";
    private static final String REDIS_ERROR = "io.lettuce.core.RedisException";

    private TransientFailures() {
    }

    /**
     * A row changed by another transaction between this one's read and its write (optimistic locking): a consumer
     * retries it (it is transient), a request is answered 409.
     */
    private static final Set<String> CONFLICT = Set.of(
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleStateException",
            "org.springframework.dao.OptimisticLockingFailureException");

    /** Whether the failure is a concurrent change of the same row ({@link #CONFLICT}). */
    public static boolean isConflict(Throwable failure) {
        return anyNamed(failure, (type, message) -> CONFLICT.contains(type));
    }

    public static boolean isTransient(Throwable failure) {
        return anyNamed(failure, (type, message) -> TRANSIENT.contains(type) || isRedisAway(type, message));
    }

    /** Whether a failure along the cause chain, by the name of its class or a superclass and its message, matches. */
    private static boolean anyNamed(Throwable failure, BiPredicate<String, String> matches) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                if (matches.test(c.getName(), t.getMessage())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRedisAway(String type, String message) {
        if (message == null) {
            return false;
        }
        if (type.equals(REDIS_COMMAND_ERROR)) {
            int space = message.indexOf(' ');
            return REDIS_BUSY.contains(space < 0 ? message : message.substring(0, space));
        }
        // the connection dropped while a command was on its way (a restart, a failover)
        return type.equals(REDIS_ERROR) && (message.startsWith("Connection closed") || message.startsWith("Connection reset"));
    }
}
