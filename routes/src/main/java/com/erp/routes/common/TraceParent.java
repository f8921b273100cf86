package com.erp.routes.common;

import com.erp.routes.grpc.DispatchRequest;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.tracing.ActiveSpanManager;
import org.apache.camel.tracing.InjectAdapter;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.SpanKind;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;
import org.slf4j.MDC;

/**
 * A W3C {@code traceparent} handed on where no header travels: camel-grpc passes no call metadata to a route, so the
 * sync path's gRPC request carries its submission's trace in a field ({@code DispatchRequest.traceparent}); an outbox
 * entry or row keeps the trace it was stored in ({@code OutboxEntry.traceparent}, {@link Traced}).
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

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
     * The trace of the route running on this thread: the span current in Micrometer Tracing if there is one, else the
     * one Camel's tracer put in the thread's log context ({@code camel.main.use-mdc-logging}; Camel's route spans do
     * not become Brave's current span). Null when there is neither. The sampling flag is the span's, else not sampled
     * (nothing is exported).
     */
    static String current(io.micrometer.tracing.Tracer tracer) {
        Span span = tracer.currentSpan();
        TraceContext context = span == null ? null : span.context();
        if (context != null && context.traceId() != null && !context.traceId().isEmpty()) {
            return "00-" + context.traceId() + "-" + context.spanId() + "-"
                    + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
        }
        String traceId = MDC.get(ActiveSpanManager.MDC_TRACE_ID);
        String spanId = MDC.get(ActiveSpanManager.MDC_SPAN_ID);
        return traceId == null || spanId == null ? null : "00-" + traceId + "-" + spanId + "-00";
    }

    /**
     * Camel's observation tracer, which also continues a trace carried in the message itself: a route whose consumer
     * gave it no trace (a gRPC dispatch, an outbox row polled) starts its span from the message's
     * {@code traceparent} as from a header.
     */
    static class Tracer extends MicrometerObservationTracer {

        private static final SpanDecorator NO_SPAN = new AbstractSpanDecorator() {
            @Override
            public boolean newSpan() {
                return false;
            }

            @Override
            public String getComponent() {
                return "untraced";
            }

            @Override
            public String getComponentClassName() {
                return null;
            }
        };

        /** whether this service has the gRPC runtime (approval-request, approval-processing) */
        private final boolean dispatch;
        private final UntracedEndpoints untraced;

        /**
         * @param excludePatterns the endpoints that get no span; matched here once per endpoint instead of by Camel's
         *                        tracer at every exchange ({@link UntracedEndpoints}), so it is not given them
         */
        Tracer(boolean dispatch, String excludePatterns) {
            this.dispatch = dispatch;
            this.untraced = new UntracedEndpoints(excludePatterns);
        }

        /** A send to an untraced endpoint: Camel's tracer makes no span for a decorator that wants none. */
        @Override
        protected SpanDecorator getSpanDecorator(Endpoint endpoint) {
            return untraced.matches(endpoint) ? NO_SPAN : super.getSpanDecorator(endpoint);
        }

        /** A route whose consumer is an untraced endpoint: its exchanges begin no span (they keep their caller's). */
        @Override
        public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
            RoutePolicy traced = super.createRoutePolicy(camelContext, routeId, route);
            if (untraced.isEmpty()) {
                return traced;
            }
            return new RoutePolicySupport() {
                @Override
                public void onExchangeBegin(Route route, Exchange exchange) {
                    if (!untraced.matches(route.getEndpoint())) {
                        traced.onExchangeBegin(route, exchange);
                    }
                }

                @Override
                public void onExchangeDone(Route route, Exchange exchange) {
                    if (!untraced.matches(route.getEndpoint())) {
                        traced.onExchangeDone(route, exchange);
                    }
                }
            };
        }

        @Override
        protected SpanAdapter startExchangeBeginSpan(Exchange exchange, SpanDecorator sd, String operationName,
                                                     SpanKind kind, SpanAdapter parent) {
            if (parent == null && exchange.getIn().getHeader(HEADER) == null) {
                Object body = exchange.getIn().getBody();
                String carried = body instanceof Traced t ? t.traceparent() : dispatch ? dispatched(body) : null;
                if (carried != null && !carried.isEmpty()) {
                    exchange.getIn().setHeader(HEADER, carried);
                }
            }
            return super.startExchangeBeginSpan(exchange, sd, operationName, kind, parent);
        }

        /**
         * A send from an exchange without a trace of its own (the outbox relay's: a timer and in-process calls, for
         * which no span is made) that carries the trace its message was stored with continues that one: its span is
         * a child of the stored trace, and the record carries it on.
         */
        @Override
        protected SpanAdapter startSendingEventSpan(String operationName, SpanKind kind, SpanAdapter parent,
                                                    Exchange exchange, InjectAdapter injectAdapter) {
            if (parent == null && exchange.getIn().getHeader(HEADER) instanceof String stored && !stored.isEmpty()) {
                SpanAdapter storedSpan = super.startExchangeBeginSpan(exchange, SpanDecorator.DEFAULT, operationName,
                        SpanKind.SPAN_KIND_SERVER, null);
                try {
                    return super.startSendingEventSpan(operationName, kind, storedSpan, exchange, injectAdapter);
                } finally {
                    finishSpan(storedSpan);
                }
            }
            return super.startSendingEventSpan(operationName, kind, parent, exchange, injectAdapter);
        }

        /** only called where the gRPC runtime is there */
        private static String dispatched(Object body) {
            return body instanceof DispatchRequest r ? r.getTraceparent() : null;
        }
    }
}
