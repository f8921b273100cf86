package com.erp.routes.common.grpc;

import com.erp.routes.common.kafka.InvalidEventException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.apache.camel.Exchange;
import org.apache.camel.component.grpc.GrpcConstants;

/**
 * Answers of a gRPC route that controls its response observer ({@code routeControlledStreamObserver=true}).
 * camel-grpc itself answers every failed exchange with INTERNAL, which would turn a refusal (UNAUTHENTICATED,
 * PERMISSION_DENIED, INVALID_ARGUMENT) into "server error" for the caller; here the status says what happened.
 */
public final class GrpcAnswers {

    private GrpcAnswers() {
    }

    /** The exchange's body is the answer. */
    public static void reply(Exchange exchange) {
        StreamObserver<Object> observer = observer(exchange);
        observer.onNext(exchange.getMessage().getBody());
        observer.onCompleted();
    }

    /** The caught exception, as the status the caller should see. */
    public static void fail(Exchange exchange) {
        observer(exchange).onError(status(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)));
    }

    static StatusRuntimeException status(Throwable failure) {
        if (failure instanceof StatusRuntimeException s) {
            return s;
        }
        if (failure instanceof InvalidEventException) {
            return Status.INVALID_ARGUMENT.withDescription(failure.getMessage()).asRuntimeException();
        }
        return Status.INTERNAL.withDescription(failure == null ? "unknown failure" : failure.getMessage())
                .asRuntimeException();
    }

    @SuppressWarnings("unchecked")
    private static StreamObserver<Object> observer(Exchange exchange) {
        return exchange.getProperty(GrpcConstants.GRPC_RESPONSE_OBSERVER, StreamObserver.class);
    }
}
