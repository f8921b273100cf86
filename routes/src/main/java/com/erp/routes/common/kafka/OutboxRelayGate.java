package com.erp.routes.common.kafka;

import java.util.function.LongSupplier;

/**
 * Decides when the outbox relay looks for due entries. Almost always there are none: an entry is normally
 * published and removed by the request that wrote it. Looking is cheap (an index lookup among the pending
 * documents, or reading the pending entries) but not free, and it runs beside the service's hot path, so the
 * relay looks often only while entries can be expected: after this process failed to publish one or stored some
 * for the relay only (a held document's), after a look found some, and in the first grace period after start (a crash's leftovers). Otherwise it looks at a slow pace,
 * which still finds what another instance left behind.
 */
public final class OutboxRelayGate {

    private final LongSupplier clockMs;
    private final long busyWindowMs;
    private final long idleScanMs;
    private volatile long busyUntil;
    private volatile long lastScan;
    private volatile boolean scannedOnce;

    /**
     * @param graceMs    how old an entry must be before the relay takes it
     * @param periodMs   the relay's timer period
     * @param idleScanMs how often it looks when nothing suggests there is anything to find
     */
    public OutboxRelayGate(long graceMs, long periodMs, long idleScanMs, LongSupplier clockMs) {
        this.clockMs = clockMs;
        // a failed entry becomes due after graceMs at the latest (a held one at once); look a little beyond
        this.busyWindowMs = graceMs + 2 * periodMs;
        this.idleScanMs = idleScanMs;
        this.busyUntil = clockMs.getAsLong() + busyWindowMs;
    }

    /** A publication failed: its entry waits in the outbox, due after the grace period (or at once where held). */
    public void publishFailed() {
        keepLooking();
    }

    /**
     * Entries were stored for the relay only: a change's events behind an earlier event of their document that failed,
     * or entries an operator replayed.
     */
    public void storedForTheRelay() {
        keepLooking();
    }

    private void keepLooking() {
        busyUntil = Math.max(busyUntil, clockMs.getAsLong() + busyWindowMs);
    }

    public boolean shouldScan() {
        long now = clockMs.getAsLong();
        return !scannedOnce || now < busyUntil || now - lastScan >= idleScanMs;
    }

    /** A look found this many due entries. */
    public void scanned(int due) {
        lastScan = clockMs.getAsLong();
        scannedOnce = true;
        if (due > 0) {
            keepLooking(); // where there were some, more may follow
        }
    }
}
