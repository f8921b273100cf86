package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;

import brave.Tracing;
import brave.propagation.ThreadLocalCurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The servlet thread's span reaches the route's worker as the request's traceparent, in place of the client's. */
class TraceContinuationTest {

    private final ThreadLocalCurrentTraceContext current = ThreadLocalCurrentTraceContext.newBuilder().build();
    private final Tracing tracing = Tracing.newBuilder().currentTraceContext(current).traceId128Bit(true)
            .propagationFactory(new W3CPropagation(new BraveBaggageManager(), List.of())).build();
    private final Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(current), new BraveBaggageManager());
    private final TraceContinuation continuation = new TraceContinuation(tracer, new BravePropagator(tracing));

    @AfterEach
    void close() {
        tracing.close();
    }

    @Test
    void theRequestsSpanBecomesItsTraceparentReplacingTheClients() {
        MockHttpServletRequest sent = new MockHttpServletRequest("POST", "/api/approvals");
        sent.addHeader("Traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        sent.addHeader("Authorization", "Bearer x");
        Span span = tracer.nextSpan().start();
        HttpServletRequest handed;
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            handed = continuation.apply(sent);
        } finally {
            span.end();
        }
        String traceparent = "00-" + span.context().traceId() + "-" + span.context().spanId() + "-01";
        assertThat(handed.getHeader("traceparent")).isEqualTo(traceparent);
        assertThat(handed.getHeader("TRACEPARENT")).isEqualTo(traceparent);
        assertThat(Collections.list(handed.getHeaders("traceparent"))).containsExactly(traceparent);
        assertThat(Collections.list(handed.getHeaderNames())).filteredOn(n -> n.equalsIgnoreCase("traceparent")).hasSize(1);
        assertThat(handed.getHeader("Authorization")).isEqualTo("Bearer x");
    }

    @Test
    void withoutASpanTheRequestIsHandedOnAsItIs() {
        MockHttpServletRequest sent = new MockHttpServletRequest("GET", "/api/inbox");
        assertThat(continuation.apply(sent)).isSameAs(sent);
    }
}
