package com.erp.routes.common;

/**
 * Something kept with the trace it was made in, to be sent on later: employee-service's outbox row. A route whose
 * consumer hands it over with no trace of its own (a polling consumer) continues that trace ({@link TraceParent.Tracer}),
 * so the event it publishes still carries the trace of the request that caused it.
 */
public interface Traced {

    /** A W3C {@code traceparent}; null when it was made outside any trace (or before traces were kept). */
    String traceparent();
}
