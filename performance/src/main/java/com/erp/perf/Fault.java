package com.erp.perf;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAccumulator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * A fault in the middle of a steady load, then its end: approval-processing taken away, or the broker made slow (every
 * client's produce rate throttled by a Kafka quota, so sends wait long for their acknowledgement: the condition that
 * once filled approval-request's heap with unanswered sends). Counted: submissions accepted (201/202), refused
 * (anything else), and lost: accepted but never activated once the fault is over and processing has caught up (it
 * must be 0 on the asynchronous path). Time to drain: from the fault's end until processing's Kafka consumer has no
 * lag and the outboxes are empty. approval-request's heap is sampled throughout: its peak shows whether the fault
 * piles up work in its memory.
 */
final class Fault {

    /** What goes wrong. */
    enum Kind {
        PROCESSING_STOPPED("processing stopped"),
        BROKER_THROTTLED("broker slow");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** A producer's bytes per second while the broker is slow: a few submissions' events per second per client. */
    static final double THROTTLED_PRODUCE_BYTES_PER_SECOND = 16 * 1024;

    record Result(String kind, String mode, double rate, double seconds, double outageSeconds, long accepted,
                  long refused, long lost, double drainSeconds, Map<Integer, Long> statuses, double p99Ms,
                  double requestHeapPeakMb, double requestLiveHeapPeakMb) {
    }

    private Fault() {
    }

    static Result run(Target target, Accounts accounts, Kind kind, String mode, double rate, Duration total,
                      Duration outageAt, Duration outage) throws Exception {
        Http http = accounts.http();
        List<Accounts.Chain> chains = accounts.chains();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Map<String, String> drafterOf = new ConcurrentHashMap<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong backAt = new AtomicLong();
        Prometheus request = new Prometheus(http, target.request(), accounts.token("admin"));
        DoubleAccumulator heapPeak = new DoubleAccumulator(Math::max, 0);
        // what a full collection left (Micrometer's jvm_gc_live_data_size_bytes): the used peak above is mostly garbage
        // not yet collected, since the old generation is collected only when full
        DoubleAccumulator livePeak = new DoubleAccumulator(Math::max, 0);
        ScheduledExecutorService timer = Load.scheduler();
        // a thread of its own: a scrape slowed by the fault must not delay the fault's beginning or end
        ScheduledExecutorService sampler = Load.scheduler();
        sampler.scheduleAtFixedRate(() -> {
            try {
                heapPeak.accumulate(request.sum("jvm_memory_used_bytes", "area=\"heap\""));
                livePeak.accumulate(request.sum("jvm_gc_live_data_size_bytes"));
            } catch (RuntimeException e) {
                // a sample missed while the service is busy: the others still tell
            }
        }, 0, 1, TimeUnit.SECONDS);
        CompletableFuture<Void> back = new CompletableFuture<>();
        timer.schedule(() -> {
            try {
                begin(kind, target, accounts);
            } catch (Exception e) {
                // the run fails rather than report a fault that never happened (a scheduled task's exception is
                // otherwise kept in its future, which nobody reads)
                back.completeExceptionally(e);
            }
        }, outageAt.toMillis(), TimeUnit.MILLISECONDS);
        timer.schedule(() -> {
            if (back.isDone()) {
                return; // the fault never began: nothing to end
            }
            try {
                end(kind, target, accounts);
                backAt.set(System.nanoTime());
                back.complete(null);
            } catch (Exception e) {
                back.completeExceptionally(e);
            }
        }, outageAt.plus(outage).toMillis(), TimeUnit.MILLISECONDS);

        Load.Outcome load;
        try {
            load = Load.open(rate, total, i -> {
                Accounts.Chain chain = chains.get(i % chains.size());
                return http.submit(target.request() + "/api/approvals", accounts.token(chain.staff()), "fault-" + run + "-" + i, mode)
                        .thenApply(r -> {
                            if (r.status() == 201 || r.status() == 202) {
                                String id = r.json().path("id").asText();
                                accepted.add(id);
                                drafterOf.put(id, chain.staff());
                            }
                            return r;
                        });
            });
            back.get(5, TimeUnit.MINUTES);
        } finally {
            timer.shutdownNow();
            sampler.shutdownNow();
            if (!back.isDone() && kind == Kind.BROKER_THROTTLED) {
                throttle(target, null); // never leave the broker slow for the scenarios after this one
            }
        }

        // processing's lag and outbox, and approval-request's outbox: a document whose send timed out waits there
        Prometheus metrics = Prometheus.across(http, accounts.token("admin"), target.processing(), target.request());
        double drain = waitForNoLag(metrics, backAt.get());
        // a document's status is approval-request's record of processing's events: wait for that consumer too
        waitForAllConsumers(metrics, Duration.ofMinutes(5));
        long lost = accepted.parallelStream().filter(id -> {
            Http.Result doc = http.get(target.request() + "/api/approvals/" + id, accounts.token(drafterOf.get(id)));
            return doc.status() != 200 || "SUBMITTED".equals(doc.json().path("status").asText());
        }).count();
        return new Result(kind.label, mode, rate, load.seconds(), outage.toMillis() / 1000.0, accepted.size(),
                load.sent() - accepted.size(), lost, drain, load.statuses(), load.latency().p99(),
                Load.round(heapPeak.get() / (1 << 20)), Load.round(livePeak.get() / (1 << 20)));
    }

    private static void begin(Kind kind, Target target, Accounts accounts) throws Exception {
        switch (kind) {
            case PROCESSING_STOPPED -> target.stopProcessing(accounts);
            case BROKER_THROTTLED -> throttle(target, THROTTLED_PRODUCE_BYTES_PER_SECOND);
        }
    }

    private static void end(Kind kind, Target target, Accounts accounts) throws Exception {
        switch (kind) {
            case PROCESSING_STOPPED -> target.startProcessing(accounts);
            case BROKER_THROTTLED -> throttle(target, null);
        }
    }

    /**
     * Sets (or with {@code null} removes) the broker's default produce quota, which every client id without one of
     * its own gets: the services' producers wait for the broker as if it were overloaded.
     */
    static void throttle(Target target, Double bytesPerSecond) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBrokers()))) {
            ClientQuotaEntity everyClient = new ClientQuotaEntity(Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(everyClient,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond))))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Seconds from {@code sinceNanos} until processing's consumer of submissions has caught up (at most 5 min). */
    static double waitForNoLag(Prometheus metrics, long sinceNanos) throws InterruptedException {
        return waitForNoLag(metrics, sinceNanos, Duration.ofMinutes(5));
    }

    /**
     * Seconds from {@code sinceNanos} until processing's consumer of submissions has caught up and published what it
     * took in (its outbox is empty: activations are published from a queue, after the consumer moved on), at most
     * {@code max}.
     */
    static double waitForNoLag(Prometheus metrics, long sinceNanos, Duration max) throws InterruptedException {
        return waitUntilNoLag(metrics, sinceNanos, max, "group=\"erp-approval-processing\"", "topic=\"approval.submitted\"");
    }

    /**
     * Until every consumer group of ours has caught up (notifications and records too, which lag behind processing
     * after a burst), so a scenario that measures latency does not wait behind another's backlog.
     */
    static double waitForAllConsumers(Prometheus metrics, Duration max) throws InterruptedException {
        return waitForAllConsumers(metrics, System.nanoTime(), max);
    }

    /** Seconds from {@code sinceNanos} until every consumer group of ours has caught up (at most {@code max}). */
    static double waitForAllConsumers(Prometheus metrics, long sinceNanos, Duration max) throws InterruptedException {
        return waitUntilNoLag(metrics, sinceNanos, max);
    }

    private static double waitUntilNoLag(Prometheus metrics, long sinceNanos, Duration max, String... labels)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        // the lag gauge is refreshed every few seconds: look until it has been 0 twice in a row
        int zeros = 0;
        while (System.nanoTime() < deadline) {
            // each on its own: the backlog gauge reads -1 when its store is unreachable, which a sum would hide
            // a document accepted but still in approval-request's outbox (its send timed out under load; the relay
            // publishes it) has not been taken in either
            boolean drained = metrics.sum("erp_kafka_consumer_lag", labels) == 0
                    && metrics.sum("erp_outbox_backlog", "service=\"approval-processing\"") == 0
                    && metrics.sum("erp_outbox_backlog", "service=\"approval-request\"") == 0;
            zeros = drained ? zeros + 1 : 0;
            if (zeros >= 2) {
                break;
            }
            Thread.sleep(250);
        }
        return Load.round((System.nanoTime() - sinceNanos) / 1e9);
    }
}
