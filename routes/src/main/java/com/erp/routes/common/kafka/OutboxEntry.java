package com.erp.routes.common.kafka;

import java.time.Instant;

/**
 * An event stored with the change it describes, waiting to be published to {@code topic}, keyed by the document; with
 * the trace of the request that stored it (null if none), which its record carries also when the relay publishes it
 * ({@code OutboxRoutes}).
 */
public record OutboxEntry(String approvalId, String eventId, String topic, String payload, Instant createdAt,
                          String traceparent) {
}
