package com.erp.routes.approvalrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
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
        // what grpc-java answers when the connection is refused (netty's exception is a ConnectException)
        ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:9090");
        assertThat(DispatchSyncRoute.notReached(Status.UNAVAILABLE.withCause(refused).asRuntimeException())).isTrue();
        assertThat(DispatchSyncRoute.notReached(new CamelExecutionException("wrapped", null,
                Status.UNAVAILABLE.withDescription("io exception").withCause(refused).asRuntimeException()))).isTrue();
        CircuitBreaker open = CircuitBreaker.ofDefaults("test");
        open.transitionToOpenState();
        assertThat(DispatchSyncRoute.notReached(CallNotPermittedException.createCallNotPermittedException(open))).isTrue();
    }

    @Test
    void aTimeoutOrAServerErrorLeavesTheOutcomeUnknown() {
        assertThat(DispatchSyncRoute.notReached(new TimeoutException("deadline"))).isFalse();
        assertThat(DispatchSyncRoute.notReached(Status.INTERNAL.asRuntimeException())).isFalse();
        assertThat(DispatchSyncRoute.notReached(Status.DEADLINE_EXCEEDED.asRuntimeException())).isFalse();
        // a connection that broke after the request went out: processing may have activated the document
        assertThat(DispatchSyncRoute.notReached(Status.UNAVAILABLE.withDescription("Connection closed after GOAWAY")
                .asRuntimeException())).isFalse();
        assertThat(DispatchSyncRoute.notReached(Status.UNAVAILABLE.withDescription("io exception")
                .withCause(new java.io.IOException("Connection reset by peer")).asRuntimeException())).isFalse();
        // refused by processing (a token it does not accept) is an answer, not an absence
        assertThat(DispatchSyncRoute.notReached(Status.UNAUTHENTICATED.asRuntimeException())).isFalse();
    }

    @Test
    void onlyProcessingsInvalidArgumentIsARefusalOfTheSubmissionWithItsReason() {
        assertThat(DispatchSyncRoute.refusal(new CamelExecutionException("wrapped", null,
                Status.INVALID_ARGUMENT.withDescription("step 2: the drafter approves").asRuntimeException())))
                .isEqualTo("step 2: the drafter approves");
        assertThat(DispatchSyncRoute.refusal(Status.INVALID_ARGUMENT.asRuntimeException())).isNotBlank();
        assertThat(DispatchSyncRoute.notReached(Status.INVALID_ARGUMENT.asRuntimeException())).isFalse();
        // the deployment's own faults and unknown outcomes are no answer about the line
        assertThat(DispatchSyncRoute.refusal(Status.PERMISSION_DENIED.withDescription("seal").asRuntimeException())).isNull();
        assertThat(DispatchSyncRoute.refusal(Status.UNAUTHENTICATED.asRuntimeException())).isNull();
        assertThat(DispatchSyncRoute.refusal(Status.DEADLINE_EXCEEDED.asRuntimeException())).isNull();
        assertThat(DispatchSyncRoute.refusal(new TimeoutException("deadline"))).isNull();
        assertThat(DispatchSyncRoute.refusal(null)).isNull();
        assertThat(DispatchSyncRoute.refusal(new CamelExecutionException("wrapped", null,
                new DispatchRefusedException("step 1: nobody")))).isEqualTo("step 1: nobody");
    }
}
