package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The approval walk of the README over HTTP, with real WebSocket clients for drafter and approvers: every
 * notification each of them receives, and the final document.
 */
class ApprovalFlowEndToEndTest extends StandaloneTestBase {

    private String submit(String token, String title) {
        Response r = http.post("/api/approvals", token, Map.of("type", "GENERAL", "title", title, "body", "내용"));
        assertThat(r.status()).as("submit: %s", r).isEqualTo(202);
        assertMatchesContract("approval-request-api.yaml", "POST", "/api/approvals", r);
        return r.json().path("id").asText();
    }

    private Response decide(String token, String id, String decision, String comment) {
        Map<String, Object> body = comment == null ? Map.of("decision", decision) : Map.of("decision", decision, "comment", comment);
        return http.post("/api/approvals/" + id + "/decisions", token, body);
    }

    private JsonNode documentOnceItIs(String token, String id, String status) {
        return eventually(() -> http.get("/api/approvals/" + id, token).json(),
                d -> status.equals(d.path("status").asText()) && d.path("history").size() >= 4, "document " + status);
    }

    @Test
    void teamLeadThenHeadApproveAndEveryoneIsToldInRealTime() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {

            String id = submit(staff, "서버 증설 요청");

            JsonNode asked = about(leadWs, id, 1).get(0);
            assertThat(asked.path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(asked.path("message").asText()).contains("You have a document to approve").contains("서버 증설 요청");
            Response inbox = http.get("/api/inbox", lead);
            assertMatchesContract("approval-processing-api.yaml", "GET", "/api/inbox", inbox);
            assertThat(inboxIds(lead)).contains(id);

            Response first = decide(lead, id, "APPROVE", "확인했습니다");
            assertThat(first.status()).isEqualTo(200);
            assertMatchesContract("approval-processing-api.yaml", "POST", "/api/approvals/" + id + "/decisions", first);
            assertThat(first.json().path("nextApprover").path("name").asText()).isEqualTo("박지훈");

            JsonNode stepOne = about(staffWs, id, 1).get(0);
            assertThat(stepOne.path("type").asText()).isEqualTo("STEP_APPROVED");
            assertThat(stepOne.path("actor").path("name").asText()).isEqualTo("이서연");
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(inboxIds(lead)).doesNotContain(id);

            Response second = decide(head, id, "APPROVE", null);
            assertThat(second.json().path("status").asText()).isEqualTo("APPROVED");

            List<JsonNode> end = about(staffWs, id, 2);
            assertThat(end).extracting(n -> n.path("type").asText()).containsExactly("STEP_APPROVED", "APPROVAL_COMPLETED");
            nothingMoreAbout(leadWs, id);
            nothingMoreAbout(headWs, id);

            JsonNode doc = documentOnceItIs(staff, id, "APPROVED");
            doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> d.path("history").size() == 6 && d.hasNonNull("number"), "the full history and a number");
            assertThat(doc.path("number").asText()).matches("GEN-\\d{4}-\\d{6}");
            assertThat(doc.path("line").findValuesAsText("status")).containsExactly("APPROVED", "APPROVED");
            assertThat(doc.path("line").get(0).path("comment").asText()).isEqualTo("확인했습니다");
            assertThat(doc.path("history").findValuesAsText("type")).containsExactly(
                    "SUBMITTED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "APPROVED", "DOCUMENT_APPROVED");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id,
                    http.get("/api/approvals/" + id, staff));

            // the same notifications are stored: a client that was offline catches up
            Response stored = http.get("/api/notifications", staff);
            assertMatchesContract("notification-api.yaml", "GET", "/api/notifications", stored);
            List<String> storedIds = new ArrayList<>();
            stored.json().path("items").forEach(n -> {
                if (id.equals(n.path("approvalId").asText())) {
                    storedIds.add(n.path("id").asText());
                }
            });
            assertThat(storedIds).containsExactlyInAnyOrder(stepOne.path("id").asText(), end.get(0).path("id").asText(),
                    end.get(1).path("id").asText());
        }
    }

    @Test
    void theTeamLeadRejectsWithAReasonAndTheDocumentStops() {
        String staff = login("sales.staff");
        String lead = login("sales.lead");
        String head = login("sales.head");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            String id = submit(staff, "출장비 정산");
            eventually(() -> inboxIds(lead),
                    ids -> ids.contains(id), "the document in the lead's inbox");

            assertThat(decide(lead, id, "REJECT", "영수증이 없습니다").json().path("status").asText()).isEqualTo("REJECTED");

            List<JsonNode> told = about(staffWs, id, 2);
            assertThat(told).extracting(n -> n.path("type").asText()).containsExactly("STEP_REJECTED", "APPROVAL_REJECTED");
            assertThat(told.get(1).path("message").asText()).contains("영수증이 없습니다");
            nothingMoreAbout(headWs, id);

            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> d.path("history").size() == 4, "the rejection recorded");
            assertThat(doc.path("status").asText()).isEqualTo("REJECTED");
            assertThat(doc.path("line").findValuesAsText("status")).containsExactly("REJECTED", "SKIPPED");
            assertThat(doc.path("history").findValuesAsText("type"))
                    .containsExactly("SUBMITTED", "STEP_ACTIVATED", "REJECTED", "DOCUMENT_REJECTED");
            assertThat(doc.has("number")).isFalse();

            // a rejected document takes no more decisions
            assertProblem(decide(head, id, "APPROVE", null), 409);
        }
    }

    @Test
    void theDrafterWithdrawsAfterTheFirstApprovalAndBothApproversAndTheCcAreTold() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String cc = login("sales.head");
        long ccId = http.get("/api/employees/me", cc).json().path("id").asLong();
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head);
             WebSocketTestClient ccWs = WebSocketTestClient.withHeader(port, WS, cc)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "장비 구매 요청",
                    "ccIds", List.of(ccId)));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();
            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            // the person in cc (another department) is told it started, and may read it
            assertThat(about(ccWs, id, 1).get(0).path("type").asText()).isEqualTo("CC_RECEIVED");
            assertThat(http.get("/api/approvals/" + id, cc).status()).isEqualTo(200);
            assertThat(decide(lead, id, "APPROVE", null).status()).isEqualTo(200);
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(about(staffWs, id, 1).get(0).path("type").asText()).isEqualTo("STEP_APPROVED");

            // an approver cannot take it back for the drafter
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/withdrawal", head, Map.of()), 403)
                    .path("detail").asText()).contains("Only the drafter");

            Response withdrawn = http.post("/api/approvals/" + id + "/withdrawal", staff, Map.of("reason", "수량 변경"));
            assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
            assertMatchesContract("approval-processing-api.yaml", "POST", "/api/approvals/" + id + "/withdrawal", withdrawn);
            assertThat(withdrawn.json().path("step").asInt()).isEqualTo(2);

            for (WebSocketTestClient approver : List.of(leadWs, headWs)) {
                JsonNode told = about(approver, id, 1).get(0);
                assertThat(told.path("type").asText()).isEqualTo("APPROVAL_WITHDRAWN");
                assertThat(told.path("message").asText()).contains("withdrew").contains("수량 변경");
                assertThat(told.path("actor").path("name").asText()).isEqualTo("김민준");
            }
            assertThat(about(ccWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_WITHDRAWN");
            nothingMoreAbout(staffWs, id);
            assertThat(inboxIds(head)).doesNotContain(id);
            assertThat(assertProblem(decide(head, id, "APPROVE", null), 409).path("detail").asText()).contains("withdrawn");

            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> "WITHDRAWN".equals(d.path("status").asText()) && d.path("history").size() == 5, "the withdrawal recorded");
            assertThat(doc.path("line").findValuesAsText("status")).containsExactly("APPROVED", "SKIPPED");
            assertThat(doc.path("history").findValuesAsText("type"))
                    .containsExactly("SUBMITTED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "WITHDRAWN");
            assertThat(doc.has("number")).isFalse();
            // the head still finds it in the approver box, shown as withdrawn
            JsonNode box = http.get("/api/approvals?box=approver&status=WITHDRAWN&limit=100", head).json();
            assertThat(box.path("items").findValuesAsText("id")).contains(id);
        }
    }
}
