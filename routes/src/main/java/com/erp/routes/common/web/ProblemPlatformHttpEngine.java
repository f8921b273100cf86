package com.erp.routes.common.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;

/**
 * camel-platform-http's Spring Boot engine, with consumers that answer every error as a problem. Its own
 * consumer writes what the exchange carries: Camel's REST router answers "no such path" (404) and "not this
 * method" (405, with Allow) by a bare status, a failure the route did not handle becomes an empty 500 text,
 * and a request it cannot even read an empty 500 (the servlet error page is not used for async requests).
 */
public class ProblemPlatformHttpEngine extends SpringBootPlatformHttpEngine {

    private final Executor executor;
    private final Duration queueTimeout;
    private final int retryAfterSeconds;
    private final UnaryOperator<HttpServletRequest> continuation;

    /**
     * @param queueTimeout how long a request may wait for a worker: one that waited longer is answered 503 with
     *                     {@code retryAfterSeconds} instead of being started
     * @param continuation what the worker is handed of the request, taken on the servlet thread (its trace:
     *                     {@link TraceContinuation}; the request itself without tracing)
     */
    public ProblemPlatformHttpEngine(int port, Executor executor, Duration queueTimeout, int retryAfterSeconds,
                                     UnaryOperator<HttpServletRequest> continuation) {
        super(port, executor);
        this.executor = executor;
        this.queueTimeout = queueTimeout;
        this.retryAfterSeconds = retryAfterSeconds;
        this.continuation = continuation;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor, executor, queueTimeout.toNanos(), retryAfterSeconds, continuation);
    }

    static final class Consumer extends SpringBootPlatformHttpConsumer {

        private final Executor executor;
        private final long queueTimeoutNanos;
        private final int retryAfterSeconds;
        private final UnaryOperator<HttpServletRequest> continuation;

        Consumer(PlatformHttpEndpoint endpoint, Processor processor, Executor executor, long queueTimeoutNanos,
                 int retryAfterSeconds, UnaryOperator<HttpServletRequest> continuation) {
            super(endpoint, processor, executor);
            this.executor = executor;
            this.queueTimeoutNanos = queueTimeoutNanos;
            this.retryAfterSeconds = retryAfterSeconds;
            this.continuation = continuation;
        }

        /**
         * As the original, but a request that fails before its route runs is answered by a problem, and one that
         * waited too long for a worker is not started (its client may have given up; the servlet's async timeout would
         * answer it while the route ran).
         */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest servletRequest, HttpServletResponse response) {
            long queued = System.nanoTime();
            HttpServletRequest request = continuation.apply(servletRequest);
            return CompletableFuture.runAsync(() -> {
                if (System.nanoTime() - queued > queueTimeoutNanos) {
                    response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
                    ProblemWriter.write(response, ProblemException.unavailable("The server is at capacity: this "
                            + "request waited too long to be started and was not; retry after the time Retry-After says.",
                            retryAfterSeconds).toProblem().withInstance(request.getRequestURI()));
                    return;
                }
                try {
                    handleService(request, response);
                } catch (Exception e) {
                    ProblemException problem = ProblemWriter.classify(e, getEndpoint().getPath());
                    if (!response.isCommitted()) {
                        response.reset();
                        ProblemWriter.write(response, problem.toProblem().withInstance(request.getRequestURI()));
                    }
                }
            }, executor);
        }

        @Override
        protected void afterProcess(HttpServletResponse response, Exchange exchange) throws Exception {
            Exception failure = exchange.getException();
            if (failure != null) {
                exchange.setException(null);
                ProblemException problem = ProblemWriter.classify(failure, exchange.getFromRouteId());
                ProblemWriter.write(exchange, problem.toProblem(), problem.retryAfterSeconds());
            } else if (ProblemWriter.isBareError(exchange)) {
                ProblemWriter.writeBareError(exchange);
            }
            super.afterProcess(response, exchange);
        }
    }
}
