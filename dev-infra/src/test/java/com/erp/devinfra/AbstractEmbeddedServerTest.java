package com.erp.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AbstractEmbeddedServerTest {

    /** Fails its first {@code failures} starts with {@code error}. */
    private static final class Flaky extends AbstractEmbeddedServer {
        private final Exception error;
        private int failures;
        int starts;

        Flaky(int failures, Exception error) {
            this.failures = failures;
            this.error = error;
        }

        @Override
        protected void doStart() throws Exception {
            starts++;
            if (failures-- > 0) {
                throw error;
            }
        }

        @Override
        protected void doStop() {
        }

        @Override
        public Kind kind() {
            return Kind.REDIS;
        }

        @Override
        public Map<String, String> connectionProperties() {
            return Map.of();
        }

        @Override
        public Map<String, String> environment() {
            return Map.of();
        }
    }

    private static IOException busy() {
        return new IOException("Failed to start Redis service",
                new IOException("Cannot run program \"redis-server\": error=26, Text file busy"));
    }

    @Test
    void aBinaryThatIsBusyForAMomentIsStartedAgain() throws Exception {
        Flaky server = new Flaky(2, busy());
        server.start();
        assertThat(server.isRunning()).isTrue();
        assertThat(server.starts).isEqualTo(3);
    }

    @Test
    void aBinaryThatStaysBusyFailsAfterThreeAttempts() {
        Flaky server = new Flaky(5, busy());
        assertThatThrownBy(server::start).hasRootCauseMessage("Cannot run program \"redis-server\": error=26, Text file busy");
        assertThat(server.starts).isEqualTo(3);
        assertThat(server.isRunning()).isFalse();
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        Flaky server = new Flaky(1, new IOException("port in use"));
        assertThatThrownBy(server::start).hasMessage("port in use");
        assertThat(server.starts).isEqualTo(1);
    }
}
