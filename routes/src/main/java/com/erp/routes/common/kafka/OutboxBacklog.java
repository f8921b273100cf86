package com.erp.routes.common.kafka;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code erp.outbox.backlog{service}}: events stored but not yet published (Kafka down or slow). Counting may
 * scan the store, so a value is reused for a while ({@code maxAge}) rather than computed on every scrape.
 */
public final class OutboxBacklog {

    private final LongSupplier count;
    private final long maxAgeNanos;
    private volatile long value;
    private volatile long measuredAt = Long.MIN_VALUE;

    private OutboxBacklog(LongSupplier count, Duration maxAge) {
        this.count = count;
        this.maxAgeNanos = maxAge.toNanos();
    }

    public static OutboxBacklog register(MeterRegistry meters, String service, LongSupplier count) {
        return register(meters, service, count, Duration.ofSeconds(1));
    }

    public static OutboxBacklog register(MeterRegistry meters, String service, LongSupplier count, Duration maxAge) {
        return register(meters, "erp.outbox.backlog", "Events stored but not yet published to Kafka", service, count,
                maxAge);
    }

    /**
     * {@code erp.outbox.dead.letters{service}}: events Kafka refused for good, set aside for an operator's replay
     * (employee-service's {@code employee_outbox_dead}); an alert's figure, since nothing else sends them.
     */
    public static OutboxBacklog registerDeadLetters(MeterRegistry meters, String service, LongSupplier count,
                                                    Duration maxAge) {
        return register(meters, "erp.outbox.dead.letters", "Events Kafka refused for good, waiting for a replay",
                service, count, maxAge);
    }

    private static OutboxBacklog register(MeterRegistry meters, String name, String description, String service,
                                          LongSupplier count, Duration maxAge) {
        OutboxBacklog backlog = new OutboxBacklog(count, maxAge);
        Gauge.builder(name, backlog, OutboxBacklog::current)
                .tag("service", service)
                .description(description)
                .register(meters);
        return backlog;
    }

    private synchronized double current() {
        long now = System.nanoTime();
        if (measuredAt == Long.MIN_VALUE || now - measuredAt > maxAgeNanos) {
            try {
                value = count.getAsLong();
            } catch (RuntimeException e) {
                value = -1; // the store is not reachable: health says so; the gauge shows it as -1
            }
            measuredAt = now;
        }
        return value;
    }
}
