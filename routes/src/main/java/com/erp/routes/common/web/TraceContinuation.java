package com.erp.routes.common.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * One trace per request: Spring's HTTP observation opens the request's span on the servlet thread (continuing the
 * client's {@code traceparent}, if it sent one), and the route runs on a worker of its own, where Camel's tracer reads
 * the trace from the request's headers. This hands the servlet thread's span to the route as the request's
 * {@code traceparent}, so that security's log lines and the route's (and the Kafka records it sends) share one trace id.
 */
public final class TraceContinuation implements UnaryOperator<HttpServletRequest> {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContinuation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Called on the servlet thread, while the request's span is current. */
    @Override
    public HttpServletRequest apply(HttpServletRequest request) {
        Span span = tracer.currentSpan();
        if (span == null) {
            return request;
        }
        Map<String, String> context = new LinkedHashMap<>();
        propagator.inject(span.context(), context, Map::put);
        return context.isEmpty() ? request : new Continued(request, context);
    }

    /** The request with the trace context's headers in place of any of the same name. */
    private static final class Continued extends HttpServletRequestWrapper {

        private final Map<String, String> context;

        Continued(HttpServletRequest request, Map<String, String> context) {
            super(request);
            this.context = context;
        }

        private String own(String name) {
            return context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @Override
        public String getHeader(String name) {
            String value = own(name);
            return value != null ? value : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            String value = own(name);
            return value != null ? Collections.enumeration(Set.of(value)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements(); ) {
                String name = e.nextElement();
                if (own(name) == null) {
                    names.add(name);
                }
            }
            names.addAll(context.keySet());
            return Collections.enumeration(names);
        }
    }
}
