package com.erp.routes.common.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;

/**
 * A deadline on every gRPC call of the channel it intercepts (camel-grpc's producer finds it in the registry): the
 * call itself ends, on both sides, with DEADLINE_EXCEEDED. A time limit around the call instead (a circuit breaker's)
 * gives up waiting but leaves the call running, and its late reply lands in an exchange that has moved on.
 */
public class CallDeadline implements ClientInterceptor {

    private final long millis;

    public CallDeadline(Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a gRPC deadline must be positive, was " + deadline);
        }
        this.millis = deadline.toMillis();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withDeadlineAfter(millis, TimeUnit.MILLISECONDS));
    }
}
