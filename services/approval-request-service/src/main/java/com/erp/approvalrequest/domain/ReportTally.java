package com.erp.approvalrequest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.erp.approvalrequest.api.ApprovalReport;
import com.erp.routes.common.events.Person;

/**
 * 결재 통계: counts documents as they are added and computes the report's figures. Plain Java, one pass, memory
 * proportional to the forms, the people and the durations kept.
 */
public final class ReportTally {

    /** At most this many people are listed, those with the most waiting first. */
    public static final int MAX_APPROVERS = 50;

    /** A decision of a step: who made it, when the step was activated and when it was decided. */
    public record Decision(Person actor, Instant activatedAt, Instant decidedAt) {
    }

    /** A step waiting for someone now, since when. */
    public record Waiting(Person person, Instant since) {
    }

    /** What the report needs of a document. */
    public record Doc(String type, String status, Instant submittedAt, Instant completedAt, List<Decision> decisions,
                      List<Waiting> waiting) {
    }

    private final Map<String, int[]> byType = new TreeMap<>();
    private final int[] total = new int[5];
    private final List<Double> completionHours = new ArrayList<>();
    private final Map<Long, Approver> approvers = new HashMap<>();

    private static final class Approver {
        Person person;
        final List<Double> hours = new ArrayList<>();
        int waiting;
        Instant since;
    }

    public void add(Doc doc) {
        int[] counts = byType.computeIfAbsent(doc.type(), t -> new int[5]);
        int at = switch (doc.status()) {
            // a leave cancelled after it was approved (휴가 취소) was approved: its line's work is done
            case "APPROVED", "CANCELLED" -> 2;
            case "REJECTED" -> 3;
            case "WITHDRAWN" -> 4;
            default -> 1; // SUBMITTED (not yet activated) or IN_PROGRESS: on its way
        };
        for (int[] c : new int[][]{counts, total}) {
            c[0]++;
            c[at]++;
        }
        if ((at == 2 || at == 3) && doc.completedAt() != null && doc.submittedAt() != null) {
            completionHours.add(hours(doc.submittedAt(), doc.completedAt()));
        }
        for (Decision d : doc.decisions()) {
            if (d.actor() == null) {
                continue;
            }
            Approver a = approver(d.actor());
            if (d.activatedAt() != null && !d.decidedAt().isBefore(d.activatedAt())) {
                a.hours.add(hours(d.activatedAt(), d.decidedAt()));
            } else {
                a.hours.add(null); // decided, but when it was asked is not known (a history older than its step)
            }
        }
        for (Waiting w : doc.waiting()) {
            if (w.person() == null) {
                continue;
            }
            Approver a = approver(w.person());
            a.waiting++;
            if (w.since() != null && (a.since == null || w.since().isBefore(a.since))) {
                a.since = w.since();
            }
        }
    }

    public ApprovalReport report(String from, String to, String department) {
        List<ApprovalReport.Counts> types = byType.entrySet().stream().map(e -> counts(e.getKey(), e.getValue())).toList();
        List<ApprovalReport.ApproverRow> rows = approvers.values().stream()
                .map(a -> {
                    List<Double> known = a.hours.stream().filter(h -> h != null).sorted().toList();
                    return new ApprovalReport.ApproverRow(a.person, a.hours.size(), percentile(known, 50),
                            percentile(known, 90), a.waiting, a.since);
                })
                .sorted(Comparator.comparingInt(ApprovalReport.ApproverRow::waiting).reversed()
                        .thenComparing(Comparator.comparingInt(ApprovalReport.ApproverRow::decided).reversed())
                        .thenComparing(r -> r.approver().name()))
                .limit(MAX_APPROVERS)
                .toList();
        List<Double> sorted = completionHours.stream().sorted().toList();
        return new ApprovalReport(from, to, department, counts(null, total), types,
                new ApprovalReport.Durations(sorted.size(), percentile(sorted, 50), percentile(sorted, 90)), rows);
    }

    private Approver approver(Person p) {
        Approver a = approvers.computeIfAbsent(p.id(), id -> new Approver());
        a.person = p; // the latest name seen
        return a;
    }

    private static ApprovalReport.Counts counts(String type, int[] c) {
        return new ApprovalReport.Counts(type, c[0], c[1], c[2], c[3], c[4]);
    }

    private static double hours(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 3_600_000.0;
    }

    /** The nearest-rank percentile of sorted values, in hours to two decimals (36 s); null when there are none. */
    static Double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        double v = sorted.get(Math.max(0, rank - 1));
        return Math.round(v * 100) / 100.0;
    }
}
