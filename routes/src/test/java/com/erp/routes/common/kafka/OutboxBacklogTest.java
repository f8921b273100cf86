package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class OutboxBacklogTest {

    private static double read(SimpleMeterRegistry meters, String service) {
        return meters.get("erp.outbox.backlog").tag("service", service).gauge().value();
    }

    @Test
    void aCountIsReusedForItsMaximumAgeSoScrapesDoNotEachScanTheStore() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicInteger counted = new AtomicInteger();
        OutboxBacklog.register(meters, "scanned", () -> 40 + counted.incrementAndGet(), Duration.ofHours(1));
        assertThat(read(meters, "scanned")).isEqualTo(41);
        assertThat(read(meters, "scanned")).isEqualTo(41);
        assertThat(counted).hasValue(1);
    }

    @Test
    void anOldCountIsMeasuredAgainAndAnUnreachableStoreReadsMinusOne() throws InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicInteger counted = new AtomicInteger();
        OutboxBacklog.register(meters, "fresh", counted::incrementAndGet, Duration.ofMillis(1));
        assertThat(read(meters, "fresh")).isEqualTo(1);
        Thread.sleep(5);
        assertThat(read(meters, "fresh")).isEqualTo(2);

        OutboxBacklog.register(meters, "down", () -> {
            throw new IllegalStateException("store down");
        });
        assertThat(read(meters, "down")).isEqualTo(-1);
    }
}
