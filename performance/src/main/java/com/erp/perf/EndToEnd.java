package com.erp.perf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * End-to-end latency as people feel it, on real WebSocket clients: from a submission being sent to its first
 * approver being told "you have a document to approve", and from that approver's decision being sent to the
 * drafter being told. Documents are submitted at a fixed rate; each team lead approves every document as soon
 * as the notification arrives. Notifications are matched to documents by their title, which is unique.
 * <p>
 * The decision is sent without waiting for its answer: a WebSocket client reads its messages one at a time, and a
 * listener that waited for each decision would delay the next notification by it, so that the harness's own
 * queue, not the system, set the measured latency once decisions took longer than the gap between documents.
 */
final class EndToEnd {

    /**
     * @param gc the garbage-collection pauses of the system's JVMs during the run: a pause holds every document in
     *           flight, so they are what the tail latency is read against
     */
    record Result(String mode, double rate, long submitted, long completed, long decisionsFailed,
                  Latency submitToApprover, Latency decisionToDrafter, Load.Outcome submits, GcPauses gc) {

        /**
         * Whether the system kept pace with this rate: every submission accepted and decided, every drafter told,
         * and the slowest percent of both notifications within {@code limitMs} — past its maximum the queues grow
         * for as long as the run lasts, and so does the latency.
         */
        boolean keptUp(double limitMs) {
            return submits.failed() == 0 && decisionsFailed == 0 && completed == submitted
                    && submitToApprover.p99() <= limitMs && decisionToDrafter.p99() <= limitMs;
        }
    }

    /**
     * The end-to-end workload's maximum, found by a ramp: the highest rate at which the system {@link
     * Result#keptUp kept up}, and every step tried on the way.
     */
    record Ramp(double limitMs, double maximum, List<Result> steps) {
    }

    /** How many garbage-collection pauses, and their total length (Micrometer's jvm_gc_pause_seconds). */
    record GcPauses(long count, double totalMs) {

        static GcPauses of(Target target, Accounts accounts) {
            long count = 0;
            double seconds = 0;
            // standalone: one JVM behind every base; services: four
            for (String base : new java.util.LinkedHashSet<>(List.of(target.employee(), target.request(),
                    target.processing(), target.notification()))) {
                Prometheus p = new Prometheus(accounts.http(), base, accounts.token("admin"));
                count += (long) p.sum("jvm_gc_pause_seconds_count");
                seconds += p.sum("jvm_gc_pause_seconds_sum");
            }
            return new GcPauses(count, seconds * 1000);
        }

        GcPauses since(GcPauses before) {
            return new GcPauses(count - before.count, Load.round(totalMs - before.totalMs));
        }

        double meanMs() {
            return count == 0 ? 0 : Load.round(totalMs / count);
        }
    }

    private EndToEnd() {
    }

    /**
     * Runs the async path at rising rates, {@code factor} apart from {@code start}, each on an empty pipeline,
     * until a rate is not kept up with (or {@code maxSteps} were run); if the first is not, falls to lower rates
     * until one is. The maximum is the last rate kept up with: within a factor of the true one.
     */
    static Ramp ramp(Target target, Accounts accounts, Prometheus lag, double start, double factor, int maxSteps,
                     Duration step, double limitMs) throws Exception {
        List<Result> steps = new ArrayList<>();
        double rate = Math.max(5, Math.round(start));
        double maximum = 0;
        boolean falling = false;
        for (int i = 0; i < maxSteps; i++) {
            Fault.waitForAllConsumers(lag, Duration.ofMinutes(10));
            PerfSuite.say("end to end ramp: async at %s/s", rate);
            Result r = run(target, accounts, "async", rate, step);
            steps.add(r);
            boolean kept = r.keptUp(limitMs);
            if (kept) {
                maximum = Math.max(maximum, rate);
            }
            if (i == 0 && !kept) {
                falling = true;
            }
            if (falling ? kept || rate <= 5 : !kept) {
                break;
            }
            rate = Math.max(5, Math.round(falling ? rate / factor : rate * factor));
        }
        return new Ramp(limitMs, maximum, steps);
    }

    static Result run(Target target, Accounts accounts, String mode, double rate, Duration duration) throws Exception {
        Http http = accounts.http();
        Recorder toApprover = new Recorder(3);
        Recorder toDrafter = new Recorder(3);
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
        AtomicLong decisionsFailed = new AtomicLong();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Accounts.Chain> chains = accounts.chains();
        List<Notifications> sockets = new ArrayList<>();
        try {
            for (Accounts.Chain chain : chains) {
                String leadToken = accounts.token(chain.lead());
                sockets.add(new Notifications(target.notification(), leadToken, n -> {
                    String title = n.path("title").asText();
                    Long sent = submittedAt.get(title);
                    if (sent == null || !"APPROVAL_REQUESTED".equals(n.path("type").asText())) {
                        return;
                    }
                    toApprover.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    decidedAt.put(title, System.nanoTime());
                    http.postJsonAsync(target.processing() + "/api/approvals/" + n.path("approvalId").asText()
                                    + "/decisions", leadToken, "{\"decision\":\"APPROVE\"}")
                            .whenComplete((r, e) -> {
                                if (e != null || r.status() / 100 != 2) {
                                    decisionsFailed.incrementAndGet();
                                }
                            });
                }));
                sockets.add(new Notifications(target.notification(), accounts.token(chain.staff()), n -> {
                    Long decided = decidedAt.get(n.path("title").asText());
                    if (decided != null && "STEP_APPROVED".equals(n.path("type").asText())) {
                        toDrafter.recordValue(Math.max(1, (System.nanoTime() - decided) / 1000));
                    }
                }));
            }
            GcPauses gcBefore = GcPauses.of(target, accounts);
            Load.Outcome submits = Load.open(rate, duration, i -> {
                Accounts.Chain chain = chains.get(i % chains.size());
                String title = "e2e-" + run + "-" + i;
                submittedAt.put(title, System.nanoTime());
                return http.submit(target.request() + "/api/approvals", accounts.token(chain.staff()), title, mode);
            });
            // let the last notifications arrive
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            var approver = toApprover.getIntervalHistogram();
            var drafter = toDrafter.getIntervalHistogram();
            while ((approver.getTotalCount() < submits.ok() || drafter.getTotalCount() < submits.ok())
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
                approver.add(toApprover.getIntervalHistogram());
                drafter.add(toDrafter.getIntervalHistogram());
            }
            return new Result(mode, rate, submits.sent(), drafter.getTotalCount(), decisionsFailed.get(), Latency.of(approver),
                    Latency.of(drafter), submits, GcPauses.of(target, accounts).since(gcBefore));
        } finally {
            sockets.forEach(Notifications::close);
        }
    }
}
