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
 * approval-processing escalates a step waiting too long to the superiors of whoever it waits on. {@code heads}: each
 * department's active head (a department without one is not listed), whom notification tells of documents sent to
 * the department (수신처): the head now, not the one when the document was submitted.
 */
public record ReportingLines(String eventId, int version, Instant occurredAt, List<Line> lines, List<Head> heads) {

    public static final int VERSION = 1;
    /** The one key of the topic: each record is the whole chart, and compaction keeps the newest. */
    public static final String KEY = "org-chart";

    /** {@code employeeId} reports to {@code superior}. */
    public record Line(long employeeId, Person superior) {
    }

    /** {@code head} heads department {@code departmentId} now. */
    public record Head(long departmentId, Person head) {
    }

    /** A chart from a publisher that did not list the heads yet (null: not known). */
    public ReportingLines(String eventId, int version, Instant occurredAt, List<Line> lines) {
        this(eventId, version, occurredAt, lines, null);
    }

    /**
     * Throws {@link InvalidEventException} (a dead letter) for a chart no consumer may
     * keep: no lines, or a line without a superior (employee-service lists only those who have one).
     */
    public ReportingLines checked() {
        if (lines == null || lines.stream().anyMatch(l -> l == null || l.superior() == null)) {
            throw new InvalidEventException("a chart without lines, or a line without a superior");
        }
        if (heads != null && heads.stream().anyMatch(h -> h == null || h.head() == null)) {
            throw new InvalidEventException("a department head that names nobody");
        }
        return this;
    }

    /**
     * The head of each department that has one, by the department's id; null if the chart does not say (published
     * before heads were listed), so that a reader can tell "no head" from "not known".
     */
    public Map<Long, Person> departmentHeads() {
        return heads == null ? null
                : heads.stream().filter(h -> h != null && h.head() != null)
                        .collect(Collectors.toMap(Head::departmentId, Head::head, (a, b) -> b));
    }

    /** Each listed employee's superior, by the employee's id (a line without one, kept before it was checked, is none). */
    public Map<Long, Person> superiors() {
        return lines == null ? Map.of()
                : lines.stream().filter(l -> l != null && l.superior() != null)
                        .collect(Collectors.toMap(Line::employeeId, Line::superior, (a, b) -> b));
    }
}
