package com.erp.routes.common.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.erp.routes.common.kafka.InvalidEventException;

/**
 * Who reports to whom (topic {@code erp.topics.reporting-lines}, compacted, one key): employee-service publishes the
 * whole of it whenever the org chart says something else than what it published last (and again every so often), so a
 * consumer keeps the last it read: one key, one partition, so records arrive in the order they were written (the
 * writers' clocks, two replicas' perhaps apart, do not order them). Each active employee's superior is the first approver of their default line (조직도 기본 결재선): a staff
 * member's team lead, else their department head; a department head or executive has none and is not listed.
 * approval-processing escalates a step waiting too long to the superiors of whoever it waits on.
 */
public record ReportingLines(String eventId, int version, Instant occurredAt, List<Line> lines) {

    public static final int VERSION = 1;
    /** The one key of the topic: each record is the whole chart, and compaction keeps the newest. */
    public static final String KEY = "org-chart";

    /** {@code employeeId} reports to {@code superior}. */
    public record Line(long employeeId, Person superior) {
    }

    /**
     * Throws {@link InvalidEventException} (a dead letter) for a chart no consumer may
     * keep: no lines, or a line without a superior (employee-service lists only those who have one).
     */
    public ReportingLines checked() {
        if (lines == null || lines.stream().anyMatch(l -> l == null || l.superior() == null)) {
            throw new InvalidEventException("a chart without lines, or a line without a superior");
        }
        return this;
    }

    /** Each listed employee's superior, by the employee's id (a line without one, kept before it was checked, is none). */
    public Map<Long, Person> superiors() {
        return lines == null ? Map.of()
                : lines.stream().filter(l -> l != null && l.superior() != null)
                        .collect(Collectors.toMap(Line::employeeId, Line::superior, (a, b) -> b));
    }
}
