package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class WarningThrottleTest {

    @Test
    void theFirstOccurrenceIsReportedAtOnceTheNextOnesOncePerIntervalWithTheirCount() {
        AtomicLong now = new AtomicLong(1_000);
        WarningThrottle throttle = new WarningThrottle(60_000, now::get);

        assertThat(throttle.occurred()).as("the first is told at once").isEqualTo(1);
        for (int i = 0; i < 499; i++) {
            now.addAndGet(100);
            assertThat(throttle.occurred()).as("within the interval: no line").isZero();
        }
        now.set(1_000 + 60_000);
        assertThat(throttle.occurred()).as("the line after the interval stands for every one since").isEqualTo(500);
        now.addAndGet(1);
        assertThat(throttle.occurred()).isZero();
        now.addAndGet(120_000);
        assertThat(throttle.occurred()).as("after a quiet spell the next is told at once").isEqualTo(2);
    }
}
