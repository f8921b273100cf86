package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class OutboxRelayGateTest {

    // grace 15 s, timer 2 s: a failed entry is looked for until 19 s after the failure; idle looks every 60 s
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final OutboxRelayGate gate = new OutboxRelayGate(15_000, 2_000, 60_000, now::get);

    private void at(long msFromStart) {
        now.set(1_000_000 + msFromStart);
    }

    @Test
    void looksOftenAfterStartForACrashsLeftoversThenSlowly() {
        at(0);
        assertThat(gate.shouldScan()).isTrue();
        gate.scanned(0);
        at(18_000);
        assertThat(gate.shouldScan()).as("within grace + 2 periods of the start").isTrue();
        gate.scanned(0);
        at(20_000);
        assertThat(gate.shouldScan()).as("nothing suggests entries now").isFalse();
        at(77_999);
        assertThat(gate.shouldScan()).isFalse();
        at(78_000);
        assertThat(gate.shouldScan()).as("the slow look, 60 s after the last").isTrue();
    }

    @Test
    void aFailedPublicationMakesItLookOftenUntilTheEntryIsDueAndBeyond() {
        at(0);
        gate.scanned(0);
        at(30_000);
        assertThat(gate.shouldScan()).isFalse();
        gate.publishFailed();
        at(32_000);
        assertThat(gate.shouldScan()).isTrue();
        gate.scanned(0); // not due yet (grace)
        at(48_000);
        assertThat(gate.shouldScan()).as("when the entry becomes due").isTrue();
        gate.scanned(0);
        at(49_001);
        assertThat(gate.shouldScan()).isFalse();
    }

    @Test
    void findingEntriesKeepsItLookingOften() {
        at(0);
        gate.scanned(0);
        at(40_000);
        gate.publishFailed();
        at(56_000);
        gate.scanned(3);
        at(74_000);
        assertThat(gate.shouldScan()).as("entries found at 56 s: more may follow").isTrue();
        gate.scanned(0);
        at(76_000);
        assertThat(gate.shouldScan()).isFalse();
    }

    @Test
    void theFirstLookIsNeverSkipped() {
        at(500_000); // even if the timer first fires long after construction
        assertThat(gate.shouldScan()).isTrue();
    }
}
