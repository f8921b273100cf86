package com.erp.routes.common.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;
import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers employee-service's answers briefly: a line or a person changes rarely, and every submission (and every
 * change of a line in progress) needs them, so under load almost every lookup is answered from memory. Subclasses say how employee-service is
 * asked; the answers are the contract's JSON either way.
 */
public abstract class CachingEmployeeDirectory implements EmployeeDirectory {

    private final Cache<Long, List<Person>> lines;
    private final Cache<Long, Person> people;
    /** The whole org chart's departments under one key: a company has tens of them, and a submission names few. */
    private final Cache<Boolean, Map<Long, ReceivingDepartment>> departments;
    /** When the departments were last read (nanoTime); a seam for tests. */
    private volatile long departmentsReadAt;
    LongSupplier nanoTime = System::nanoTime;

    protected CachingEmployeeDirectory(Duration cacheTtl) {
        this.lines = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
        this.people = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
        this.departments = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(1).build();
    }

    /**
     * An id the kept departments lack makes them be read again, but no sooner than this after the last read: made-up
     * ids in a stream of submissions would otherwise have every one of them read the whole org chart.
     */
    static final Duration UNKNOWN_REREAD_AFTER = Duration.ofSeconds(5);

    /** How long a caller is asked to wait when employee-service is away. */
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * What the caller is told when employee-service answered {@code status} (a problem, {@code detail}) instead of
     * the directory's answer: their token refused (401, 403), themselves not in the org chart (404: 422), or
     * employee-service away or overloaded (anything else: 503 with Retry-After, its own or ours).
     */
    static ProblemException refused(int status, String detail, Integer retryAfterSeconds) {
        String said = detail == null || detail.isBlank() ? "" : " (employee-service: " + detail + ")";
        return switch (status) {
            case 401 -> ProblemException.unauthorized("Your token was not accepted by employee-service" + said + ".");
            case 403 -> ProblemException.forbidden("employee-service refused to look up the approval line's people" + said
                    + ".");
            case 404 -> ProblemException.unprocessable("You are not in the org chart, so no approval line can be "
                    + "resolved for you" + said + ".");
            default -> unavailable("employee-service answered " + status + said, retryAfterSeconds);
        };
    }

    static ProblemException unavailable(String why, Integer retryAfterSeconds) {
        return ProblemException.unavailable("The approval line's people cannot be looked up now: " + why
                + "; nothing was submitted or changed, retry later.", retryAfterSeconds == null ? RETRY_AFTER_SECONDS : retryAfterSeconds);
    }

    /** The caller's {@code ApprovalLine} (GET /api/employees/me/approval-line). */
    protected abstract JsonNode fetchApprovalLine(String bearerToken);

    /** The active employees among these ids (GET /api/employees?ids=csv). */
    protected abstract JsonNode fetchEmployees(String idsCsv, String bearerToken);

    /** The org chart's departments with their heads (GET /api/departments). */
    protected abstract JsonNode fetchDepartments(String bearerToken);

    @Override
    public List<Person> defaultLine(long drafterId, String bearerToken) {
        return lines.get(drafterId, id -> {
            List<Person> line = new ArrayList<>();
            fetchApprovalLine(bearerToken).path("approvers").forEach(p -> line.add(new Person(p.path("id").asLong(),
                    p.path("name").asText(), p.path("position").asText(null), p.path("department").asText(null))));
            return List.copyOf(line);
        });
    }

    @Override
    public List<Person> approvers(List<Long> ids, String bearerToken) {
        List<Long> missing = ids.stream().filter(id -> people.getIfPresent(id) == null).distinct().toList();
        if (!missing.isEmpty()) {
            String csv = missing.stream().map(String::valueOf).collect(Collectors.joining(","));
            fetchEmployees(csv, bearerToken).forEach(e -> people.put(e.path("id").asLong(), new Person(
                    e.path("id").asLong(), e.path("name").asText(), e.path("position").asText(null),
                    e.path("department").path("name").asText(null))));
        }
        return ids.stream().map(people::getIfPresent).filter(p -> p != null).toList();
    }

    @Override
    public List<ReceivingDepartment> departments(List<Long> ids, String bearerToken) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ReceivingDepartment> cached = departments.getIfPresent(Boolean.TRUE);
        if (cached != null && !cached.keySet().containsAll(ids)
                && nanoTime.getAsLong() - departmentsReadAt >= UNKNOWN_REREAD_AFTER.toNanos()) {
            departments.invalidateAll(); // a department made since: asked again rather than refused for a minute
        }
        Map<Long, ReceivingDepartment> all = allDepartments(bearerToken);
        return ids.stream().map(all::get).filter(d -> d != null).toList();
    }

    /**
     * From the cached list: a department named in the last minute may be unknown until it is read again (an unknown
     * name does not make every request read the org chart again).
     */
    @Override
    public boolean hasDepartmentNamed(String name, String bearerToken) {
        return allDepartments(bearerToken).values().stream().anyMatch(d -> d.name().equals(name));
    }

    private Map<Long, ReceivingDepartment> allDepartments(String bearerToken) {
        return departments.get(Boolean.TRUE, k -> {
            Map<Long, ReceivingDepartment> found = new HashMap<>();
            fetchDepartments(bearerToken).forEach(d -> {
                JsonNode head = d.path("head");
                found.put(d.path("id").asLong(), new ReceivingDepartment(d.path("id").asLong(), d.path("name").asText(),
                        head.isObject() ? new Person(head.path("id").asLong(), head.path("name").asText(),
                                head.path("position").asText(null), d.path("name").asText()) : null));
            });
            departmentsReadAt = nanoTime.getAsLong();
            return Map.copyOf(found);
        });
    }
}
