package com.erp.routes.approvalrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.Test;

/** Which failures of the synchronous dispatch certainly did not reach processing (503) and which may have (202). */
class DispatchFailuresTest {

    @Test
    void nobodyListeningOrAnOpenCircuitMeansNotReached() {
        assertThat(DispatchSyncRoute.notReached(Status.UNAVAILABLE.asRuntimeException())).isTrue();
        assertThat(DispatchSyncRoute.notReached(new CamelExecutionException("wrapped", null,
                Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()))).isTrue();
        CircuitBreaker open = CircuitBreaker.ofDefaults("test");
        open.transitionToOpenState();
        assertThat(DispatchSyncRoute.notReached(CallNotPermittedException.createCallNotPermittedException(open))).isTrue();
    }

    @Test
    void aTimeoutOrAServerErrorLeavesTheOutcomeUnknown() {
        assertThat(DispatchSyncRoute.notReached(new TimeoutException("deadline"))).isFalse();
        assertThat(DispatchSyncRoute.notReached(Status.INTERNAL.asRuntimeException())).isFalse();
        assertThat(DispatchSyncRoute.notReached(Status.DEADLINE_EXCEEDED.asRuntimeException())).isFalse();
    }
}
