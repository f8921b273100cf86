package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;

class TransientFailuresTest {

    @Test
    void aServerAwayOrSlowIsTransientHoweverDeepItIsWrapped() {
        assertThat(TransientFailures.isTransient(new RedisConnectionFailureException("Unable to connect to Redis"))).isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("Redis command timed out"))).isTrue();
        assertThat(TransientFailures.isTransient(new CamelExecutionException("wrapped", null,
                new UncheckedIOException(new ConnectException("Connection refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
    }

    @Test
    void aStoreFailingOverOrRestartingIsTransient() {
        // Redis: a replica not yet promoted, a restart still loading its data, the connection dropped mid-command
        assertThat(TransientFailures.isTransient(new org.springframework.data.redis.RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("READONLY You can't write against a read only replica."))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new org.springframework.data.redis.RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")))).isTrue();
        assertThat(TransientFailures.isTransient(new io.lettuce.core.RedisException("Connection closed"))).isTrue();
        // MongoDB: the primary stepped down, a node shutting down
        org.bson.BsonDocument answer = new org.bson.BsonDocument("ok", new org.bson.BsonInt32(0))
                .append("code", new org.bson.BsonInt32(91)).append("errmsg", new org.bson.BsonString("shutting down"));
        assertThat(TransientFailures.isTransient(new com.mongodb.MongoNodeIsRecoveringException(answer,
                new com.mongodb.ServerAddress()))).isTrue();
        assertThat(TransientFailures.isTransient(new com.mongodb.MongoNotPrimaryException(answer,
                new com.mongodb.ServerAddress()))).isTrue();
    }

    @Test
    void aLockWaitThatTimedOutOrADeadlockIsTransientAndSoIsAConcurrentChange() {
        // what Hibernate makes of MariaDB's 1205 inside a TransactionTemplate, where nothing translates it
        java.sql.SQLException timedOut = new java.sql.SQLException("Lock wait timeout exceeded; try restarting transaction",
                "HY000", 1205);
        Exception lockWait = new jakarta.persistence.PessimisticLockException("could not execute statement",
                new org.hibernate.PessimisticLockException("could not execute statement", timedOut, "select ... for update"));
        assertThat(TransientFailures.isTransient(lockWait)).isTrue();
        assertThat(TransientFailures.isTransient(new org.hibernate.PessimisticLockException("x", timedOut, "sql"))).isTrue();
        assertThat(TransientFailures.isTransient(new jakarta.persistence.LockTimeoutException("x"))).isTrue();
        assertThat(TransientFailures.isConflict(lockWait)).isFalse();
        // a row another transaction changed meanwhile: a retry reads it again
        Exception changed = new jakarta.persistence.OptimisticLockException("Row was updated or deleted by another transaction");
        assertThat(TransientFailures.isTransient(changed)).isTrue();
        assertThat(TransientFailures.isConflict(changed)).isTrue();
        assertThat(TransientFailures.isConflict(new org.springframework.orm.ObjectOptimisticLockingFailureException("x",
                new RuntimeException()))).isTrue();
        assertThat(TransientFailures.isConflict(new IllegalStateException("x"))).isFalse();
    }

    @Test
    void aScriptsOwnErrorIsNot() {
        assertThat(TransientFailures.isTransient(new org.springframework.data.redis.RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("ERR user_script:3: attempt to compare nil with number"))))
                .isFalse();
    }

    @Test
    void aWrongMessageOrABugIsNot() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("no approval line"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
