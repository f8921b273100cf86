package com.erp.perf;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Backlog drain: approval-processing's Kafka consumer stopped, {@code n} documents submitted (asynchronously)
 * as fast as they are taken, then the consumer started again. Measured: how fast documents were taken with
 * nobody processing them, and how fast processing drained the queue (documents per second from its start
 * until its consumer lag is 0).
 */
final class Backlog {

    record Result(long queued, Load.Outcome submits, double drainSeconds, double drainRate, double lagBeforeDrain) {
    }

    private Backlog() {
    }

    static Result run(Target target, Accounts accounts, int n, int concurrency) throws Exception {
        Http http = accounts.http();
        List<Accounts.Chain> chains = accounts.chains();
        String run = UUID.randomUUID().toString().substring(0, 8);
        target.consumer(accounts, false);
        Load.Outcome submits;
        try {
            submits = Load.closed(concurrency, Duration.ofHours(1), n, i -> http.submit(target.request() + "/api/approvals",
                    accounts.token(chains.get(i % chains.size()).staff()), "backlog-" + run + "-" + i, "async"));
        } finally {
            // let the lag gauge (refreshed every second here) and the outbox's (reused for 5 s) see it
            Thread.sleep(5500);
        }
        Prometheus metrics = Prometheus.across(http, accounts.token("admin"), target.processing(), target.request());
        // every accepted document in the topic first: a send that timed out under the burst left its event to the
        // relay, and a drain measured without it would count documents it never took
        waitForEmptyOutbox(metrics, Duration.ofMinutes(10));
        // one service's lag gauge: every service measures every group's
        double lag = new Prometheus(http, target.processing(), accounts.token("admin"))
                .sum("erp_kafka_consumer_lag", "group=\"erp-approval-processing\"", "topic=\"approval.submitted\"");
        long start = System.nanoTime();
        target.consumer(accounts, true);
        double drain = Fault.waitForNoLag(metrics, start, Duration.ofMinutes(30));
        return new Result(submits.ok(), submits, drain, Load.round(submits.ok() / Math.max(drain, 0.001)), lag);
    }

    private static void waitForEmptyOutbox(Prometheus metrics, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline
                && metrics.sum("erp_outbox_backlog", "service=\"approval-request\"") != 0) {
            Thread.sleep(500);
        }
    }
}
