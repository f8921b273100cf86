package com.erp.employee.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.erp.employee.domain.ApprovalLinePolicy;
import com.erp.employee.domain.Employee;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReportingLines;

/**
 * The org chart's reporting lines (bean {@code reportingLinesPublisher}, route {@code employee.reporting-lines}): each active
 * employee's superior, the first approver of their default line, and each department's head. Compared with what was published last, so the topic
 * gets a record only when the chart changed (a hire, a move, a head or lead named, a departure), whichever route
 * changed it; the first comparison after a start publishes, and one {@code republishEvery} after the last publication
 * too, so a consumer that lost its copy (Redis emptied) has it again within that time.
 */
public class ReportingLinesPublisher {

    private record Published(Map<Long, Person> superiors, Map<Long, Person> heads, Instant at) {
    }

    private final Clock clock;
    private final Duration republishEvery;
    private final AtomicReference<Published> published = new AtomicReference<>();

    public ReportingLinesPublisher(Clock clock, Duration republishEvery) {
        this.clock = clock;
        this.republishEvery = republishEvery;
    }

    /** The reporting lines the chart gives now; null when they are the ones published last, less than a period ago. */
    public ReportingLines changed(List<Employee> active) {
        List<ReportingLines.Line> lines = active.stream()
                .map(e -> {
                    List<Employee> line = ApprovalLinePolicy.defaultLine(e);
                    return line.isEmpty() ? null : new ReportingLines.Line(e.getId(), EmployeeViews.person(line.get(0)));
                })
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(ReportingLines.Line::employeeId))
                .toList();
        // each department of an active employee, with its head if that head is active
        Map<Long, Person> heads = new TreeMap<>();
        active.stream().map(Employee::getDepartment).filter(Objects::nonNull)
                .filter(d -> d.getId() != null && d.getHead() != null && d.getHead().isActive())
                .forEach(d -> heads.putIfAbsent(d.getId(), EmployeeViews.person(d.getHead())));
        ReportingLines now = new ReportingLines(UUID.randomUUID().toString(), ReportingLines.VERSION, clock.instant(),
                lines, heads.entrySet().stream().map(h -> new ReportingLines.Head(h.getKey(), h.getValue())).toList());
        Published last = published.get();
        boolean same = last != null && now.superiors().equals(last.superiors())
                && now.departmentHeads().equals(last.heads())
                && now.occurredAt().isBefore(last.at().plus(republishEvery));
        return same ? null : now;
    }

    /** Kafka has it: the next comparison is against it. */
    public void published(ReportingLines lines) {
        published.set(new Published(lines.superiors(), lines.departmentHeads(), lines.occurredAt()));
    }
}
