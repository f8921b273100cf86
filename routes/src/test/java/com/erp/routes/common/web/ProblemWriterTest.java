package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;

/** Which failures a client is told to retry (503 with Retry-After) and which are the server's fault (500). */
class ProblemWriterTest {

    @Test
    void aStoreThatIsAwayOrBusyIsA503NotA500() {
        // a Redis command that got no answer in time (Spring's translation of Lettuce's timeout)
        assertThat(ProblemWriter.classify(new QueryTimeoutException("Redis command timed out"), "test").status())
                .isEqualTo(503);
        // a replica not promoted yet answers writes with READONLY
        assertThat(ProblemWriter.classify(new RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("READONLY You can't write against a read only replica.")),
                "test").status()).isEqualTo(503);
        assertThat(ProblemWriter.classify(new RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("LOADING Redis is loading the dataset in memory")),
                "test").retryAfterSeconds()).isPositive();
    }

    @Test
    void aLockWaitThatTimedOutIsA503AndAConcurrentChangeA409() {
        ProblemException lockWait = ProblemWriter.classify(new jakarta.persistence.PessimisticLockException("timeout",
                new java.sql.SQLException("Lock wait timeout exceeded", "HY000", 1205)), "test");
        assertThat(lockWait.status()).isEqualTo(503);
        assertThat(lockWait.retryAfterSeconds()).isNotNull();
        ProblemException changed = ProblemWriter.classify(new org.springframework.orm.ObjectOptimisticLockingFailureException(
                "x", new jakarta.persistence.OptimisticLockException("Row was updated")), "test");
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.toProblem().detail()).contains("at the same moment");
    }

    @Test
    void aScriptsOwnErrorOrAnUnknownFailureIsA500WithAReference() {
        ProblemException scriptError = ProblemWriter.classify(new RedisSystemException("Error in execution",
                new io.lettuce.core.RedisCommandExecutionException("ERR user_script:3: attempt to compare nil")), "test");
        assertThat(scriptError.status()).isEqualTo(500);
        assertThat(scriptError.getMessage()).contains("reference").doesNotContain("user_script");
        assertThat(ProblemWriter.classify(new IllegalStateException("bug"), "test").status()).isEqualTo(500);
    }
}
