package com.erp.approvalrequest.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.erp.approvalrequest.api.ApprovalReport;
import com.erp.approvalrequest.domain.ReportTally;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.FieldError;
import com.erp.routes.common.web.ProblemException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * 결재 통계 (bean {@code approvalReports}): who may see which report, the documents it reads, and their figures. An
 * administrator sees any department's or all; a department head their own department's; nobody else any.
 */
public class ApprovalReports {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    private static final Set<String> DECISIONS = Set.of("APPROVED", "APPROVED_FINAL", "REJECTED", "AGREED", "DISAGREED",
            "RETURNED");

    private final Clock clock;
    private final ZoneId zone;

    public ApprovalReports(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** What a report covers: the days (both included) in the company's calendar, and the drafters' department. */
    public record Scope(LocalDate from, LocalDate to, String department) {
    }

    /** The report's scope as the caller may see it; this month up to today when no days are given. */
    public Scope scope(Caller caller, String from, String to, String department) {
        String wanted = department == null || department.isBlank() ? null : department.strip();
        if (!caller.isAdmin()) {
            if (!caller.headsDepartment() || caller.department() == null) {
                throw ProblemException.forbidden("Reports are for administrators, and for department heads of their"
                        + " department.");
            }
            if (wanted != null && !wanted.equals(caller.department())) {
                throw ProblemException.forbidden("As a department head you see " + caller.department()
                        + "'s report only.");
            }
            wanted = caller.department();
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = day(to, "to", today);
        LocalDate start = day(from, "from", end.withDayOfMonth(1));
        if (start.isAfter(end)) {
            throw ProblemException.unprocessable("The period starts (" + start + ") after it ends (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.unprocessable("A report covers at most " + MAX_DAYS + " days; ask for a shorter period.");
        }
        return new Scope(start, end, wanted);
    }

    /** The documents submitted in the scope's days, of its department's drafters. */
    public Bson criteria(Scope scope) {
        List<Bson> all = new ArrayList<>();
        all.add(gte("submittedAt", Date.from(scope.from().atStartOfDay(zone).toInstant())));
        all.add(lt("submittedAt", Date.from(scope.to().plusDays(1).atStartOfDay(zone).toInstant())));
        if (scope.department() != null) {
            all.add(eq("drafter.department", scope.department()));
        }
        return and(all);
    }

    public Bson fields() {
        return Projections.include("type", "status", "submittedAt", "completedAt", "currentStep", "line", "stepCount",
                "history.type", "history.step", "history.actor", "history.at");
    }

    public ApprovalReport report(Iterable<Document> docs, Scope scope) {
        ReportTally tally = new ReportTally();
        if (docs instanceof MongoIterable<Document> found) {
            // closed also when a document cannot be read: it would stay open on the server until it timed out
            try (MongoCursor<Document> cursor = found.iterator()) {
                cursor.forEachRemaining(doc -> tally.add(snapshot(doc)));
            }
        } else {
            docs.forEach(doc -> tally.add(snapshot(doc)));
        }
        return tally.report(scope.from().toString(), scope.to().toString(), scope.department());
    }

    /** Whether the report is of one department and found no document of it. */
    public boolean emptyForADepartment(ApprovalReport report) {
        return report.department() != null && report.total().submitted() == 0;
    }

    /** The report, or 422 when its department is not one the org chart knows (a misspelt name, say). */
    public ApprovalReport ofAKnownDepartment(ApprovalReport report, boolean known) {
        if (!known) {
            throw ProblemException.unprocessable("No department is named '" + report.department() + "', and no "
                    + "document of the period is of one so named: check the name (GET /api/departments).");
        }
        return report;
    }

    /** What the tally needs of a stored document: its decisions, each with its step's activation, and who it waits for. */
    static ReportTally.Doc snapshot(Document doc) {
        List<Document> history = doc.getList("history", Document.class, List.of());
        List<ReportTally.Decision> decisions = new ArrayList<>();
        for (Document h : history) {
            if (DECISIONS.contains(h.getString("type")) && h.getDate("at") != null) {
                Instant at = h.getDate("at").toInstant();
                decisions.add(new ReportTally.Decision(ApprovalDocuments.toPerson(h.get("actor", Document.class)),
                        activation(history, h.getInteger("step"), at), at));
            }
        }
        List<ReportTally.Waiting> waiting = new ArrayList<>();
        String status = doc.getString("status");
        Integer current = doc.getInteger("currentStep");
        List<Document> line = ApprovalDocuments.steps(doc);
        if (("SUBMITTED".equals(status) || "IN_PROGRESS".equals(status)) && current != null
                && current >= 1 && current <= line.size()) {
            Document step = line.get(current - 1);
            Instant since = activation(history, current, null);
            if ("PENDING".equals(step.getString("status")) && step.get("approver") != null) {
                waiting.add(new ReportTally.Waiting(ApprovalDocuments.toPerson(step.get("approver", Document.class)), since));
            }
            for (Document part : step.getList("agreements", Document.class, List.of())) {
                if ("PENDING".equals(part.getString("status"))) {
                    waiting.add(new ReportTally.Waiting(ApprovalDocuments.toPerson(part.get("agreer", Document.class)),
                            since));
                }
            }
        }
        return new ReportTally.Doc(doc.getString("type"), status == null ? "SUBMITTED" : status,
                instant(doc.getDate("submittedAt")), instant(doc.getDate("completedAt")), decisions, waiting);
    }

    /** When {@code step} was last activated (at or before {@code before}, if given); null if the history does not say. */
    private static Instant activation(List<Document> history, Integer step, Instant before) {
        Instant found = null;
        for (Document h : history) {
            if ("STEP_ACTIVATED".equals(h.getString("type")) && step != null && step.equals(h.getInteger("step"))
                    && h.getDate("at") != null) {
                Instant at = h.getDate("at").toInstant();
                if ((before == null || !at.isAfter(before)) && (found == null || at.isAfter(found))) {
                    found = at;
                }
            }
        }
        return found;
    }

    private static LocalDate day(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("'" + value + "' is not a day (YYYY-MM-DD).",
                    List.of(new FieldError(field, "not a day")));
        }
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
