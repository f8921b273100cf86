package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.erp.routes.common.redis.RedisReportingLines;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * 수신처 through the whole system: dev.staff sends a document to the whole of 영업본부. While it is under way nobody of
 * it can read or receive it; once approved its head (강도윤) is told, anyone of it reads it and finds it in their
 * received box, and one of them acknowledges it (접수) for the department, once, which its drafter and head are told;
 * nobody else can.
 */
class ReceivingDepartmentsEndToEndTest extends StandaloneTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aDepartmentGetsTheApprovedDocumentAndOneOfItAcknowledgesItForAll() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String salesStaff = login("sales.staff");
        String salesLead = login("sales.lead");
        String salesHead = login("sales.head");
        String admin = login("admin");
        long sales = departmentId(staff, "영업본부");
        try (WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, salesHead);
             WebSocketTestClient drafterWs = WebSocketTestClient.withHeader(port, WS, staff)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "수신처 문서",
                    "receiverDepartmentIds", List.of(sales)));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();

            // under way: not the department's yet
            eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")),
                    r -> r.status() == 200, "the lead's approval");
            assertProblem(http.get("/api/approvals/" + id, salesStaff), 403);
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/receipt", salesStaff, null), 403)
                    .path("detail").asText()).contains("once it is approved");
            assertThat(http.get("/api/approvals?box=received", salesStaff).json().path("items").findValuesAsText("id"))
                    .doesNotContain(id);

            assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            JsonNode told = about(headWs, id, 1).get(0);
            assertThat(told.path("type").asText()).isEqualTo("DOCUMENT_RECEIVED");
            assertThat(told.path("message").asText()).contains("수신처").contains("영업본부");

            Response doc = eventually(() -> http.get("/api/approvals/" + id, salesStaff), r -> r.status() == 200,
                    "someone of the department reads it");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, doc);
            JsonNode department = doc.json().path("receivingDepartments").get(0);
            assertThat(department.path("department").path("name").asText()).isEqualTo("영업본부");
            assertThat(department.path("head").path("name").asText()).isEqualTo("강도윤");
            assertThat(department.has("receivedAt")).isFalse();
            assertThat(http.get("/api/approvals?box=received", salesLead).json().path("items").findValuesAsText("id"))
                    .contains(id);
            assertThat(http.get("/api/approvals?box=received", lead).json().path("items").findValuesAsText("id"))
                    .doesNotContain(id);

            // only someone of the department receives it: not the drafter, not an administrator of another one
            assertProblem(http.post("/api/approvals/" + id + "/receipt", staff, null), 403);
            assertProblem(http.post("/api/approvals/" + id + "/receipt", admin, null), 403);
            Response received = http.post("/api/approvals/" + id + "/receipt", salesLead, null);
            assertThat(received.status()).as("%s", received).isEqualTo(200);
            assertMatchesContract("approval-request-api.yaml", "POST", "/api/approvals/" + id + "/receipt", received);
            JsonNode receipt = received.json().path("receivingDepartments").get(0);
            assertThat(receipt.path("receivedBy").path("name").asText()).isEqualTo("정하늘");
            assertThat(receipt.has("receivedAt")).isTrue();
            JsonNode last = received.json().path("history").get(received.json().path("history").size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("RECEIVED");
            assertThat(last.path("actor").path("name").asText()).isEqualTo("정하늘");
            assertThat(last.path("comment").asText()).contains("영업본부");
            // the drafter and the department's head are told who took it
            assertThat(told(drafterWs, id, "DOCUMENT_ACKNOWLEDGED").path("message").asText())
                    .contains("정하늘").contains("for 영업본부 (수신처)");
            JsonNode headTold = about(headWs, id, 1).get(0);
            assertThat(headTold.path("type").asText()).isEqualTo("DOCUMENT_ACKNOWLEDGED");
            assertThat(headTold.path("message").asText()).contains("정하늘").contains("which you head");
            // once for the whole department
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/receipt", salesStaff, null), 409)
                    .path("detail").asText()).contains("정하늘");
            assertThat(http.get("/api/approvals/" + id, staff).json().path("receivingDepartments").get(0)
                    .path("receivedBy").path("name").asText()).isEqualTo("정하늘");
        }
    }

    /**
     * Whoever heads the department when the document is approved is told, not the head it had at its submission, who
     * has moved on since: the org chart employee-service publishes, kept by notification (bean departmentHeads), says
     * who that is.
     */
    @Test
    void whoeverHeadsTheDepartmentWhenItIsApprovedIsTold() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String admin = login("admin");
        long formerHeadId = idOf(login("sales.head"));
        long newHeadId = idOf(login("sales.lead"));
        long sales = departmentId(staff, "영업본부");
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "새 본부장에게",
                "receiverDepartmentIds", List.of(sales)));
        String id = submitted.json().path("id").asText();
        eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")),
                r -> r.status() == 200, "the lead's approval");
        try {
            nameHead(admin, sales, newHeadId);
            // naming a head revokes both people's tokens (a token says whether its holder heads their department):
            // they sign in again
            String formerHead = login("sales.head");
            String newHead = login("sales.lead");
            try (WebSocketTestClient formerWs = WebSocketTestClient.withHeader(port, WS, formerHead);
                 WebSocketTestClient newWs = WebSocketTestClient.withHeader(port, WS, newHead)) {
                assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                        .isEqualTo(200);
                assertThat(told(newWs, id, "DOCUMENT_RECEIVED").path("message").asText()).contains("영업본부");
                nothingMoreAbout(formerWs, id);
                assertThat(http.get("/api/notifications", formerHead).json().path("items").findValuesAsText("approvalId"))
                        .doesNotContain(id);
            }
        } finally {
            nameHead(admin, sales, formerHeadId);
        }
    }

    /** Names the head, and waits until notification's copy of the org chart says so. */
    private void nameHead(String admin, long department, long employeeId) {
        Response named = http.put("/api/departments/" + department + "/head", admin, Map.of("employeeId", employeeId));
        assertThat(named.status()).as("%s", named).isEqualTo(200);
        RedisReportingLines chart = context.getBean("departmentHeads", RedisReportingLines.class);
        eventually(() -> chart.departmentHeads(), heads -> heads != null && heads.get(department) != null
                && heads.get(department).id() == employeeId, "the org chart naming the head");
    }

    @Test
    void onlyDepartmentsOfTheOrgChartEachOnce() {
        String staff = login("dev.staff");
        long sales = departmentId(staff, "영업본부");
        assertThat(assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverDepartmentIds", List.of(sales, 987654))), 422).path("detail").asText())
                .contains("987654").contains("receiverDepartmentIds");
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverDepartmentIds", List.of(sales, sales))), 400);
    }

    @Test
    void aResubmissionKeepsTheReceivingDepartments() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        long sales = departmentId(staff, "영업본부");
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "다시 보낼 문서",
                "receiverDepartmentIds", List.of(sales)));
        String id = submitted.json().path("id").asText();
        eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "REJECT",
                "comment", "보완")), r -> r.status() == 200, "the lead's rejection");
        Response again = eventually(() -> http.post("/api/approvals/" + id + "/resubmission", staff,
                Map.of("title", "다시 보낸 문서")), r -> r.status() == 202, "the resubmission");
        JsonNode copy = http.get("/api/approvals/" + again.json().path("id").asText(), staff).json();
        assertThat(copy.path("receivingDepartments")).hasSize(1);
        assertThat(copy.path("receivingDepartments").get(0).path("department").path("name").asText()).isEqualTo("영업본부");
    }

    private long departmentId(String token, String name) {
        for (JsonNode d : http.get("/api/departments", token).json()) {
            if (name.equals(d.path("name").asText())) {
                return d.path("id").asLong();
            }
        }
        throw new AssertionError("no department " + name);
    }
}
