package com.erp.perf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Recorder;

/**
 * End-to-end latency as people feel it, on real WebSocket clients: from a submission being sent to its first
 * approver being told "you have a document to approve", and from that approver's decision being sent to the
 * drafter being told. Documents are submitted at a fixed rate; each team lead approves every document as soon
 * as the notification arrives. Notifications are matched to documents by their title, which is unique.
 */
final class EndToEnd {

    record Result(String mode, double rate, long submitted, long completed, Latency submitToApprover,
                  Latency decisionToDrafter, Load.Outcome submits) {
    }

    private EndToEnd() {
    }

    static Result run(Target target, Accounts accounts, String mode, double rate, Duration duration) throws Exception {
        Http http = accounts.http();
        Recorder toApprover = new Recorder(3);
        Recorder toDrafter = new Recorder(3);
        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, Long> decidedAt = new ConcurrentHashMap<>();
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
                    http.postJson(target.processing() + "/api/approvals/" + n.path("approvalId").asText() + "/decisions",
                            leadToken, "{\"decision\":\"APPROVE\"}");
                }));
                sockets.add(new Notifications(target.notification(), accounts.token(chain.staff()), n -> {
                    Long decided = decidedAt.get(n.path("title").asText());
                    if (decided != null && "STEP_APPROVED".equals(n.path("type").asText())) {
                        toDrafter.recordValue(Math.max(1, (System.nanoTime() - decided) / 1000));
                    }
                }));
            }
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
            return new Result(mode, rate, submits.sent(), drafter.getTotalCount(), Latency.of(approver),
                    Latency.of(drafter), submits);
        } finally {
            sockets.forEach(Notifications::close);
        }
    }
}
