package com.erp.routes.common;

/**
 * The trace of the route running on this thread, for what a store keeps to be sent later ({@link Traced}): the one
 * its log lines carry ({@link TraceParent#current}). A bean when tracing is on ({@code ErpTracingAutoConfiguration});
 * {@link #NONE} otherwise.
 */
@FunctionalInterface
public interface CurrentTrace {

    CurrentTrace NONE = () -> null;

    /** A W3C {@code traceparent}, or null when no span is current. */
    String traceparent();
}
