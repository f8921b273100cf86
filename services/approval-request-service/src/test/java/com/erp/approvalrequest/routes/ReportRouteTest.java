package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.erp.routes.common.events.Person;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 결재 통계: read from the stored documents, for administrators and a department's head. */
class ReportRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    /** Copies a submitted document as one of {@code department}'s, in the state given. */
    private void store(String department, String type, String status, Instant submitted, Instant completed,
                       Integer currentStep, List<Document> line, List<Document> history) {
        Document doc = approvals().find(new Document("_id", submit("통계용"))).first();
        doc.append("_id", UUID.randomUUID().toString()).append("type", type).append("status", status)
                .append("drafter", new Document("id", 1L).append("name", "기안자").append("department", department))
                .append("submittedAt", Date.from(submitted)).append("completedAt", completed == null ? null : Date.from(completed))
                .append("currentStep", currentStep).append("line", line).append("history", history)
                .remove(com.erp.approvalrequest.persistence.ApprovalDocuments.OUTBOX_MARK);
        doc.remove("outbox");
        approvals().insertOne(doc);
    }

    private static Document person(Person p) {
        return new Document("id", p.id()).append("name", p.name()).append("position", p.position())
                .append("department", p.department());
    }

    private static Document event(String type, int step, Person actor, Instant at) {
        return new Document("type", type).append("step", step).append("actor", actor == null ? null : person(actor))
                .append("at", Date.from(at));
    }

    @Test
    void theReportCountsTheDepartmentsDocumentsAndTimesItsDecisions() {
        String dept = "통계본부 " + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minusSeconds(6 * 3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // approved: LEAD after 2 h, HEAD after 1 h more
        store(dept, "GENERAL", "APPROVED", t, t.plusSeconds(3 * 3600), null,
                List.of(new Document("step", 1).append("approver", person(LEAD)).append("status", "APPROVED"),
                        new Document("step", 2).append("approver", person(HEAD)).append("status", "APPROVED")),
                List.of(event("SUBMITTED", 0, DRAFTER, t), event("STEP_ACTIVATED", 1, LEAD, t),
                        event("APPROVED", 1, LEAD, t.plusSeconds(2 * 3600)),
                        event("STEP_ACTIVATED", 2, HEAD, t.plusSeconds(2 * 3600)),
                        event("APPROVED", 2, HEAD, t.plusSeconds(3 * 3600))));
        // waiting at HEAD since 1 h after submission, LEAD decided after 1 h
        store(dept, "LEAVE", "IN_PROGRESS", t, null, 2,
                List.of(new Document("step", 1).append("approver", person(LEAD)).append("status", "APPROVED"),
                        new Document("step", 2).append("approver", person(HEAD)).append("status", "PENDING")),
                List.of(event("STEP_ACTIVATED", 1, LEAD, t), event("APPROVED", 1, LEAD, t.plusSeconds(3600)),
                        event("STEP_ACTIVATED", 2, HEAD, t.plusSeconds(3600))));
        store("다른 본부", "GENERAL", "REJECTED", t, t.plusSeconds(60), null, List.of(), List.of());

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        // from the day of the first submission (6 hours ago may be yesterday, or last month)
        String from = "from=" + LocalDate.ofInstant(t, ZoneId.of("Asia/Seoul"));
        String path = "/api/reports/approvals?" + from + "&department="
                + java.net.URLEncoder.encode(dept, java.nio.charset.StandardCharsets.UTF_8);
        Response r = http.get(path, adminToken());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/reports/approvals", r);
        JsonNode report = r.json();
        assertThat(report.path("to").asText()).isEqualTo(today);
        assertThat(report.path("total").path("submitted").asInt()).isEqualTo(2);
        assertThat(report.path("total").path("approved").asInt()).isEqualTo(1);
        assertThat(report.path("total").path("inProgress").asInt()).isEqualTo(1);
        assertThat(report.path("total").path("rejected").asInt()).as("another department's").isZero();
        assertThat(report.path("byType").findValuesAsText("type")).containsExactly("GENERAL", "LEAVE");
        assertThat(report.path("completion").path("count").asInt()).isEqualTo(1);
        assertThat(report.path("completion").path("medianHours").asDouble()).isEqualTo(3.0);

        JsonNode approvers = report.path("approvers");
        assertThat(approvers.get(0).path("approver").path("name").asText()).as("waiting first").isEqualTo(HEAD.name());
        assertThat(approvers.get(0).path("waiting").asInt()).isEqualTo(1);
        assertThat(approvers.get(0).path("decided").asInt()).isEqualTo(1);
        assertThat(approvers.get(0).path("medianHours").asDouble()).isEqualTo(1.0);
        assertThat(Instant.parse(approvers.get(0).path("waitingSince").asText())).isEqualTo(t.plusSeconds(3600));
        assertThat(approvers.get(1).path("approver").path("name").asText()).isEqualTo(LEAD.name());
        assertThat(approvers.get(1).path("decided").asInt()).isEqualTo(2);
        assertThat(approvers.get(1).path("medianHours").asDouble()).isEqualTo(1.0);
        assertThat(approvers.get(1).path("p90Hours").asDouble()).isEqualTo(2.0);

        // the department's head sees it, and only it; nobody else does
        String head = token(new Person(5001, "통계 본부장", "DEPT_HEAD", dept));
        Response own = http.get("/api/reports/approvals?" + from, head);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().path("department").asText()).isEqualTo(dept);
        assertThat(own.json().path("total").path("submitted").asInt()).isEqualTo(2);
        assertProblem(http.get("/api/reports/approvals?department=%EB%8B%A4%EB%A5%B8%20%EB%B3%B8%EB%B6%80", head), 403);
        assertProblem(http.get("/api/reports/approvals", token(LEAD)), 403);
        assertProblem(http.get("/api/reports/approvals", token(DRAFTER)), 403);
        assertThat(http.get("/api/reports/approvals", null).status()).isEqualTo(401);
    }

    @Test
    void aPeriodIsDaysInOrderAndAtMostAYear() {
        String admin = adminToken();
        assertThat(assertProblem(http.get("/api/reports/approvals?from=2026-13-01", admin), 400).path("errors")
                .findValuesAsText("field")).isNotEmpty();
        assertProblem(http.get("/api/reports/approvals?from=2026-11-10&to=2026-11-01", admin), 422);
        assertThat(assertProblem(http.get("/api/reports/approvals?from=2025-01-01&to=2026-11-01", admin), 422)
                .path("detail").asText()).contains("366");
        Response empty = http.get("/api/reports/approvals?from=2020-01-01&to=2020-01-31", admin);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().path("total").path("submitted").asInt()).isZero();
        assertThat(empty.json().path("completion").has("medianHours")).isFalse();
    }

    /**
     * A department the org chart does not know and no document names: a misspelt name is said so, not answered with
     * zeros. A known department with nothing in the period has its report of zeros.
     */
    @Test
    void aDepartmentNobodyKnowsIs422NotAReportOfZeros() {
        String admin = adminToken();
        String period = "from=2020-01-01&to=2020-01-31&department=";
        JsonNode misspelt = assertProblem(http.get("/api/reports/approvals?" + period
                + java.net.URLEncoder.encode("개발본뷰", java.nio.charset.StandardCharsets.UTF_8), admin), 422);
        assertThat(misspelt.path("detail").asText()).contains("개발본뷰");
        Response known = http.get("/api/reports/approvals?" + period
                + java.net.URLEncoder.encode(com.erp.routes.testing.TestPeople.DEV.name(), java.nio.charset.StandardCharsets.UTF_8),
                admin);
        assertThat(known.status()).as("%s", known).isEqualTo(200);
        assertThat(known.json().path("total").path("submitted").asInt()).isZero();
    }
}
