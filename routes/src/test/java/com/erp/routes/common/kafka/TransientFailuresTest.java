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
    void aWrongMessageOrABugIsNot() {
        assertThat(TransientFailures.isTransient(new InvalidEventException("no approval line"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("bad"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
