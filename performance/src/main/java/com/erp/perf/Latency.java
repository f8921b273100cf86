package com.erp.perf;

import org.HdrHistogram.Histogram;

/** A latency distribution in milliseconds, from an HdrHistogram recorded in microseconds. */
public record Latency(long count, double mean, double p50, double p95, double p99, double max) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);

    public static Histogram histogram() {
        return new Histogram(3_600_000_000L, 3); // up to an hour, in microseconds, 3 significant digits
    }

    public static Latency of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(h.getTotalCount(), ms(h.getMean()), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    private static double ms(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
