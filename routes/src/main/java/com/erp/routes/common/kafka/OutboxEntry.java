package com.erp.routes.common.kafka;

import java.time.Instant;

/** An event stored with the change it describes, waiting to be published to {@code topic}, keyed by the document. */
public record OutboxEntry(String approvalId, String eventId, String topic, String payload, Instant createdAt) {
}
