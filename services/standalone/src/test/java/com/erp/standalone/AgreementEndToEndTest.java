package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 합의 through the whole system: dev.staff's document goes to the lead, then to a 합의 of two heads of another
 * department in parallel (both asked at once, in either order), then to dev.head once both agree; one disagreement
 * instead rejects it, and the other agreer is asked no more.
 */
class AgreementEndToEndTest extends StandaloneTestBase {

    private boolean inInbox(String token, String approvalId) {
        return inboxIds(token).contains(approvalId);
    }

    private String submitWithAgreement(String staff, String title, long... agreers) {
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", title,
                "agreement", Map.of("agreerIds", java.util.Arrays.stream(agreers).boxed().toList())));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        return submitted.json().path("id").asText();
    }

    @Test
    void bothAgreersAgreeInParallelThenTheHeadApproves() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String salesHead = login("sales.head");
        String salesLead = login("sales.lead");
        try (WebSocketTestClient salesHeadWs = WebSocketTestClient.withHeader(port, WS, salesHead);
             WebSocketTestClient salesLeadWs = WebSocketTestClient.withHeader(port, WS, salesLead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head);
             WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff)) {
            String id = submitWithAgreement(staff, "합의 문서", idOf(salesHead), idOf(salesLead));
            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> "IN_PROGRESS".equals(d.path("status").asText()), "the document under way");
            // lead, 합의 (the two sales people, in the order named), head
            assertThat(doc.path("line").get(0).path("approver").path("name").asText()).isEqualTo("이서연");
            assertThat(doc.path("line").get(1).has("approver")).isFalse();
            assertThat(doc.path("line").get(1).path("agreements").findValuesAsText("name")).containsExactly("강도윤", "정하늘");
            assertThat(doc.path("line").get(2).path("approver").path("name").asText()).isEqualTo("박지훈");

            Response approved = eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead,
                    Map.of("decision", "APPROVE")), r -> r.status() != 404, "the lead's turn");
            assertThat(approved.status()).as("%s", approved).isEqualTo(200);
            assertThat(approved.json().has("nextApprover")).isFalse();

            // both agreers are asked at once
            for (WebSocketTestClient ws : List.of(salesHeadWs, salesLeadWs)) {
                JsonNode asked = about(ws, id, 1).get(0);
                assertThat(asked.path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
                assertThat(asked.path("message").asText()).contains("agree (합의)");
            }
            Response inbox = http.get("/api/inbox", salesLead);
            assertMatchesContract("approval-processing-api.yaml", "GET", "/api/inbox", inbox);
            JsonNode item = inboxItem(salesLead, id);
            assertThat(item).isNotNull();
            assertThat(item.path("agreement").asBoolean()).isTrue();

            // the second named agrees first; the head is not asked yet, and the first named still is
            assertThat(http.post("/api/approvals/" + id + "/decisions", salesLead, Map.of("decision", "APPROVE",
                    "comment", "영업 동의")).status()).isEqualTo(200);
            assertThat(about(staffWs, id, 2).get(1).path("message").asText()).contains("정하늘 agreed (합의)");
            assertProblem(http.post("/api/approvals/" + id + "/decisions", salesLead, Map.of("decision", "APPROVE")), 409);
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")),
                    409).path("detail").asText()).contains("강도윤");
            assertThat(inInbox(salesLead, id)).isFalse();
            assertThat(inInbox(salesHead, id)).isTrue();
            nothingMoreAbout(headWs, id);

            assertThat(http.post("/api/approvals/" + id + "/decisions", salesHead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);

            // the last decision's snapshot approves the document; approval.completed (another topic) follows it
            Response done = eventually(() -> http.get("/api/approvals/" + id, staff),
                    r -> r.json().path("history").findValuesAsText("type").contains("DOCUMENT_APPROVED"),
                    "the document approved and its completion recorded");
            assertThat(done.json().path("status").asText()).isEqualTo("APPROVED");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, done);
            JsonNode agreement = done.json().path("line").get(1);
            assertThat(agreement.path("status").asText()).isEqualTo("APPROVED");
            assertThat(agreement.path("agreements").findValuesAsText("status")).containsExactly("APPROVED", "APPROVED");
            assertThat(agreement.path("agreements").get(1).path("comment").asText()).isEqualTo("영업 동의");
            assertThat(done.json().path("history").findValuesAsText("type")).contains("AGREED", "DOCUMENT_APPROVED");
            // an agreer reads the document, and finds it in their approver box
            assertThat(http.get("/api/approvals/" + id, salesHead).status()).isEqualTo(200);
            assertThat(http.get("/api/approvals?box=approver", salesHead).json().path("items").findValuesAsText("id"))
                    .contains(id);
        }
    }

    @Test
    void oneDisagreementRejectsTheDocument() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String salesHead = login("sales.head");
        String salesLead = login("sales.lead");
        String id = submitWithAgreement(staff, "합의 반대 문서", idOf(salesHead), idOf(salesLead));
        eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")),
                r -> r.status() == 200, "the lead's approval");
        // 전결 is not how an agreer decides, and a disagreement needs a reason
        assertProblem(http.post("/api/approvals/" + id + "/decisions", salesHead, Map.of("decision", "APPROVE_FINAL")), 422);
        assertProblem(http.post("/api/approvals/" + id + "/decisions", salesHead, Map.of("decision", "REJECT")), 400);
        Response rejected = http.post("/api/approvals/" + id + "/decisions", salesHead,
                Map.of("decision", "REJECT", "comment", "영업 일정과 충돌"));
        assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(inInbox(salesLead, id)).isFalse();
        assertProblem(http.post("/api/approvals/" + id + "/decisions", salesLead, Map.of("decision", "APPROVE")), 409);

        JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                d -> d.path("history").findValuesAsText("type").contains("DOCUMENT_REJECTED"),
                "the document rejected and its rejection recorded");
        List<String> steps = new java.util.ArrayList<>();
        doc.path("line").forEach(step -> steps.add(step.path("status").asText()));
        assertThat(steps).containsExactly("APPROVED", "REJECTED", "SKIPPED");
        assertThat(doc.path("line").get(1).path("agreements").findValuesAsText("status")).containsExactly("REJECTED", "SKIPPED");
        assertThat(doc.path("history").findValuesAsText("type")).contains("DISAGREED", "DOCUMENT_REJECTED");

        // the contract and the rules refuse an agreement out of place
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "agreement", Map.of("agreerIds", List.of(idOf(salesHead)), "position", 3))), 422);
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "agreement", Map.of("agreerIds", List.of()))), 400);
        assertThat(assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "agreement", Map.of("agreerIds", List.of(idOf(lead))))), 422).path("detail").asText()).contains("twice");
    }
}
