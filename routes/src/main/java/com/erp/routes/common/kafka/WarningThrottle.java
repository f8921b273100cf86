package com.erp.routes.common.kafka;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets one warning line through per interval for a condition that, under load, happens to every request (e.g. the
 * outbox queue full while the broker is slow): a line per occurrence buried the log in thousands of identical lines.
 * Each line that goes out says how many occurrences it stands for.
 */
public final class WarningThrottle {

    private final long intervalMs;
    private final LongSupplier clock;
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong nextLineAt = new AtomicLong(Long.MIN_VALUE);

    public WarningThrottle(long intervalMs, LongSupplier clock) {
        this.intervalMs = intervalMs;
        this.clock = clock;
    }

    public WarningThrottle(long intervalMs) {
        this(intervalMs, System::currentTimeMillis);
    }

    /**
     * Counts one occurrence. Returns how many occurred since the last line (this one included) when a line is due
     * now, 0 when it is not: the caller logs only for a positive answer.
     */
    public long occurred() {
        unreported.incrementAndGet();
        long now = clock.getAsLong();
        long due = nextLineAt.get();
        if (now >= due && nextLineAt.compareAndSet(due, now + intervalMs)) {
            return unreported.getAndSet(0);
        }
        return 0;
    }
}
