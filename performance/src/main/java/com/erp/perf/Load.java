package com.erp.perf;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.Recorder;

/**
 * The harness's own load generators, for what Gatling does not drive here: an open model (requests at a fixed
 * rate whatever the answers; latency counted from when a request was due, so a stalled server is not hidden)
 * and a closed one (a fixed number in flight, as fast as answers come).
 */
public final class Load {

    /** What a run of requests gave. */
    public record Outcome(long sent, long ok, long failed, double seconds, double throughput, Latency latency,
                          Map<Integer, Long> statuses) {
    }

    private Load() {
    }

    /** {@code rate} requests per second for {@code duration}; {@code request(i)} starts the i-th. */
    public static Outcome open(double rate, Duration duration, IntFunction<CompletableFuture<Http.Result>> request)
            throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long count = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
        long intervalNanos = (long) (1_000_000_000L / rate);
        CompletableFuture<?>[] all = new CompletableFuture<?>[(int) count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            all[i] = request.apply(i).handle((r, e) -> {
                int status = e != null ? 0 : r.status();
                record(latencies, statuses, ok, failed, status, due);
                return null;
            });
        }
        CompletableFuture.allOf(all).join();
        return outcome(count, ok, failed, start, latencies, statuses);
    }

    /** {@code concurrency} requests in flight for {@code duration} (or until {@code limit} were sent). */
    public static Outcome closed(int concurrency, Duration duration, long limit,
                                 IntFunction<CompletableFuture<Http.Result>> request) throws InterruptedException {
        Recorder latencies = new Recorder(3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        while (System.nanoTime() < end && sent < limit) {
            inFlight.acquire();
            long begin = System.nanoTime();
            request.apply((int) sent).handle((r, e) -> {
                record(latencies, statuses, ok, failed, e != null ? 0 : r.status(), begin);
                inFlight.release();
                return null;
            });
            sent++;
        }
        inFlight.acquire(concurrency);
        return outcome(sent, ok, failed, start, latencies, statuses);
    }

    private static void record(Recorder latencies, Map<Integer, Long> statuses, AtomicLong ok, AtomicLong failed,
                               int status, long sinceNanos) {
        latencies.recordValue(Math.max(1, (System.nanoTime() - sinceNanos) / 1000));
        statuses.merge(status, 1L, Long::sum);
        (status >= 200 && status < 300 ? ok : failed).incrementAndGet();
    }

    private static Outcome outcome(long sent, AtomicLong ok, AtomicLong failed, long start, Recorder latencies,
                                   Map<Integer, Long> statuses) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(sent, ok.get(), failed.get(), round(seconds), round(ok.get() / seconds),
                Latency.of(latencies.getIntervalHistogram()), Map.copyOf(statuses));
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** A daemon scheduler for timed actions during a run (faults). */
    static ScheduledExecutorService scheduler() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perf-timer");
            t.setDaemon(true);
            return t;
        });
    }
}
