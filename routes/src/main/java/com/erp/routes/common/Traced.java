package com.erp.routes.common;

/**
 * Something kept with the trace it was made in, to be sent on later: an outbox entry. A route whose consumer hands it
 * over without a trace of its own (a relay, a polling consumer) continues that trace ({@link TraceParent.Tracer}), so
 * an event published late still carries the trace of the request that caused it.
 */
public interface Traced {

    /** A W3C {@code traceparent}; null when it was made outside any trace (or before traces were kept). */
    String traceparent();
}
