package com.erp.routes.common.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    public ProblemPlatformHttpEngine(int port, Executor executor) {
        super(port, executor);
        this.executor = executor;
    }

    @Override
    public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
        return new Consumer(endpoint, processor, executor);
    }

    static final class Consumer extends SpringBootPlatformHttpConsumer {

        private final Executor executor;

        Consumer(PlatformHttpEndpoint endpoint, Processor processor, Executor executor) {
            super(endpoint, processor, executor);
            this.executor = executor;
        }

        /** As the original, but a request that fails before its route runs is answered by a problem. */
        @Override
        public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
            return CompletableFuture.runAsync(() -> {
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
