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
 * 결재선 변경 through the whole system: the drafter puts someone else on the active step (the new people looked up in
 * employee-service's org chart in this JVM); the one taken off is told and can no longer decide, the one put on is asked
 * and decides, and the document's page shows the line as it is now. Nobody but the drafter may change it.
 */
class LineChangeEndToEndTest extends StandaloneTestBase {

    private Response change(String token, String id, Object body) {
        return http.put("/api/approvals/" + id + "/line", token, body);
    }

    @Test
    void theDrafterReplacesTheActiveApproverAndTheNextOneAlongTheWay() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String salesLead = login("sales.lead");
        String salesHead = login("sales.head");
        String outsider = login("sales.staff");
        try (WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head);
             WebSocketTestClient salesLeadWs = WebSocketTestClient.withHeader(port, WS, salesLead);
             WebSocketTestClient salesHeadWs = WebSocketTestClient.withHeader(port, WS, salesHead)) {
            // the org chart's line: dev.lead, then dev.head
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "결재선 변경 문서"));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();
            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");

            Map<String, Object> toSalesLead = Map.of("steps", List.of(Map.of("step", 1, "approverId", idOf(salesLead))),
                    "reason", "이서연 팀장 장기 출장");
            assertThat(assertProblem(change(lead, id, toSalesLead), 403).path("detail").asText())
                    .contains("Only the drafter");
            assertProblem(change(outsider, id, toSalesLead), 403);

            Response changed = change(staff, id, toSalesLead);
            assertThat(changed.status()).as("%s", changed).isEqualTo(200);
            assertMatchesContract("approval-processing-api.yaml", "PUT", "/api/approvals/" + id + "/line", changed);
            assertThat(changed.json().path("line").get(0).path("approver").path("name").asText()).isEqualTo("정하늘");

            // the lead is told and released; the sales lead is asked
            JsonNode off = about(leadWs, id, 1).get(0);
            assertThat(off.path("type").asText()).isEqualTo("LINE_CHANGED");
            assertThat(off.path("message").asText()).contains("took you off").contains("이서연 팀장 장기 출장");
            assertThat(about(salesLeadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(inboxItem(lead, id)).isNull();
            assertThat(inboxItem(salesLead, id)).isNotNull();
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")),
                    403).path("detail").asText()).contains("not an approver");
            nothingMoreAbout(headWs, id);

            // the page shows the new line and says who changed it
            Response page = eventually(() -> http.get("/api/approvals/" + id, salesLead), r -> r.status() == 200
                    && r.json().path("history").findValuesAsText("type").contains("LINE_CHANGED"), "the change recorded");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, page);
            assertThat(page.json().path("line").get(0).path("approver").path("name").asText()).isEqualTo("정하늘");
            assertThat(page.json().path("line").get(0).path("status").asText()).isEqualTo("PENDING");

            assertThat(http.post("/api/approvals/" + id + "/decisions", salesLead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            // step 1 is decided now: it stays; step 2, active, is the head's, who decides the document for the
            // company: another department's head cannot take it (결재권한), and nobody is told of a change
            assertProblem(change(staff, id, Map.of("steps", List.of(Map.of("step", 1, "approverId", idOf(lead))))), 409);
            assertThat(assertProblem(change(staff, id, Map.of("steps", List.of(Map.of("step", 2, "approverId",
                    idOf(salesHead))))), 422).path("detail").asText()).contains("박지훈").contains("강도윤");
            nothingMoreAbout(salesHeadWs, id);
            assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);

            // the last decision's snapshot approves the document; approval.completed (another topic) follows it
            Response done = eventually(() -> http.get("/api/approvals/" + id, staff),
                    r -> r.json().path("history").findValuesAsText("type").contains("DOCUMENT_APPROVED"),
                    "the document approved and its completion recorded");
            assertThat(done.json().path("line").findValuesAsText("name")).containsExactly("정하늘", "박지훈");
            assertThat(done.json().path("history").findValuesAsText("type")).containsSubsequence(
                    "SUBMITTED", "STEP_ACTIVATED", "LINE_CHANGED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED",
                    "APPROVED", "DOCUMENT_APPROVED");
            assertThat(done.json().path("history").findValuesAsText("type").stream().filter("LINE_CHANGED"::equals))
                    .as("the refused change is not recorded").hasSize(1);
        }
    }

    @Test
    void theDrafterAddsAStepAndTheDocumentGoesAlongTheLongerLine() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String salesLead = login("sales.lead");
        try (WebSocketTestClient salesLeadWs = WebSocketTestClient.withHeader(port, WS, salesLead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "단계 추가 문서"));
            String id = submitted.json().path("id").asText();

            // the lead (active, as is), then the sales lead added, then the head
            Response grown = eventually(() -> change(staff, id, Map.of("remaining", List.of(
                    Map.of("approverId", idOf(lead)), Map.of("approverId", idOf(salesLead)),
                    Map.of("approverId", idOf(head))), "reason", "영업 검토 필요")), r -> r.status() == 200,
                    "the line grown");
            assertThat(grown.json().path("line").findValuesAsText("name")).containsExactly("이서연", "정하늘", "박지훈");
            JsonNode put = about(salesLeadWs, id, 1).get(0);
            assertThat(put.path("type").asText()).isEqualTo("LINE_CHANGED");
            assertThat(put.path("message").asText()).contains("step 2 of 3");
            Response page = eventually(() -> http.get("/api/approvals/" + id, staff),
                    r -> r.json().path("line").size() == 3, "the longer line recorded");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, page);

            assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(about(salesLeadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(http.post("/api/approvals/" + id + "/decisions", salesLead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            // the head's step is active now; someone already on the line cannot take it (nobody twice)
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertProblem(change(staff, id, Map.of("remaining", List.of(Map.of("approverId", idOf(lead))))), 422);
            assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            Response done = eventually(() -> http.get("/api/approvals/" + id, staff),
                    r -> r.json().path("history").findValuesAsText("type").contains("DOCUMENT_APPROVED"),
                    "the document approved along the longer line");
            assertThat(done.json().path("line").findValuesAsText("name")).containsExactly("이서연", "정하늘", "박지훈");
        }
    }

    @Test
    void aStepNotReachedIsRemovedAndTheLineIsShorterOnThePage() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String salesLead = login("sales.lead");
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "단계 삭제 문서",
                "approverIds", List.of(idOf(lead), idOf(salesLead), idOf(head))));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        // the sales lead's step goes: the lead, then the head
        Response shrunk = eventually(() -> change(staff, id, Map.of("remaining", List.of(Map.of("approverId", idOf(lead)),
                Map.of("approverId", idOf(head))))), r -> r.status() == 200, "the line shortened");
        assertThat(shrunk.json().path("steps").toString()).isEqualTo("[2,3]");
        Response page = eventually(() -> http.get("/api/approvals/" + id, staff),
                r -> r.json().path("line").size() == 2, "the shorter line recorded");
        assertThat(page.json().path("history").findValuesAsText("comment")).anyMatch(c -> c.contains("step 3 removed"));
        // 결재권한: the head's step cannot go as well (the lead would decide the document for the company)
        assertThat(assertProblem(change(staff, id, Map.of("remaining", List.of(Map.of("approverId", idOf(lead))))), 422)
                .path("detail").asText()).contains("박지훈").contains("can be replaced");
        assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
        eventually(() -> http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")),
                r -> r.status() == 200, "the head's approval");
        Response done = eventually(() -> http.get("/api/approvals/" + id, staff),
                r -> r.json().path("history").findValuesAsText("type").contains("DOCUMENT_APPROVED"),
                "the document approved along the shorter line");
        assertThat(done.json().path("line").findValuesAsText("name")).containsExactly("이서연", "박지훈");
        // the sales lead is off the line: not among their documents to approve
        assertThat(http.get("/api/approvals?box=approver&limit=100", salesLead).json().path("items")
                .findValuesAsText("id")).doesNotContain(id);
    }
}
