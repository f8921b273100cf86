package com.erp.routes.common;

import com.erp.routes.grpc.DispatchRequest;
import org.apache.camel.Exchange;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.SpanKind;

/**
 * A W3C {@code traceparent} handed on where no header travels: camel-grpc passes no call metadata to a route, so the
 * sync path's gRPC request carries its submission's trace in a field ({@code DispatchRequest.traceparent}).
 */
public final class TraceParent {

    static final String HEADER = "traceparent";

    private TraceParent() {
    }

    /** The traceparent of the exchange's active span (Camel's tracer); null when it has none (tracing off). */
    public static String of(Exchange exchange) {
        SpanAdapter span = ActiveSpanManager.getSpan(exchange);
        if (span == null || span.traceId() == null || span.spanId() == null) {
            return null;
        }
        // the sampling flag as the trace came in, if it came with one
        String header = exchange.getMessage().getHeader(HEADER, String.class);
        String flags = header != null && header.length() == 55 ? header.substring(53) : "00";
        return "00-" + span.traceId() + "-" + span.spanId() + "-" + flags;
    }

    /**
     * Camel's observation tracer, which also continues the trace a gRPC dispatch carries in its message: the route's
     * span starts from the message's {@code traceparent} as from a header (a route whose consumer gave it no trace).
     */
    static class Tracer extends MicrometerObservationTracer {

        @Override
        protected SpanAdapter startExchangeBeginSpan(Exchange exchange, SpanDecorator sd, String operationName,
                                                     SpanKind kind, SpanAdapter parent) {
            if (parent == null && exchange.getIn().getHeader(HEADER) == null
                    && exchange.getIn().getBody() instanceof DispatchRequest r && !r.getTraceparent().isEmpty()) {
                exchange.getIn().setHeader(HEADER, r.getTraceparent());
            }
            return super.startExchangeBeginSpan(exchange, sd, operationName, kind, parent);
        }
    }
}
