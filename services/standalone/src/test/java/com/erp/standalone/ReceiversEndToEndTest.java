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
 * 수신 through the whole system: dev.staff sends a document to sales.staff. While it is under way the receiver can
 * neither read nor receive it; once approved they are told, read it, find it in their received box and acknowledge it
 * (접수) once, and the drafter is told; nobody else can.
 */
class ReceiversEndToEndTest extends StandaloneTestBase {

    @Test
    void theReceiverGetsTheApprovedDocumentAndAcknowledgesItOnce() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        String receiver = login("sales.staff");
        String outsider = login("sales.lead");
        try (WebSocketTestClient receiverWs = WebSocketTestClient.withHeader(port, WS, receiver);
             WebSocketTestClient drafterWs = WebSocketTestClient.withHeader(port, WS, staff)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "수신 문서",
                    "receiverIds", List.of(idOf(receiver))));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();

            // under way: not the receiver's yet
            eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")),
                    r -> r.status() == 200, "the lead's approval");
            assertProblem(http.get("/api/approvals/" + id, receiver), 403);
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/receipt", receiver, null), 403)
                    .path("detail").asText()).contains("once it is approved").doesNotContain("IN_PROGRESS");
            assertThat(http.get("/api/approvals?box=received", receiver).json().path("items").findValuesAsText("id"))
                    .doesNotContain(id);

            assertThat(http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            JsonNode told = about(receiverWs, id, 1).get(0);
            assertThat(told.path("type").asText()).isEqualTo("DOCUMENT_RECEIVED");
            assertThat(told.path("message").asText()).contains("수신");

            Response doc = eventually(() -> http.get("/api/approvals/" + id, receiver), r -> r.status() == 200,
                    "the receiver reads it");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, doc);
            assertThat(doc.json().path("receivers").get(0).path("receiver").path("name").asText()).isEqualTo("최유진");
            assertThat(doc.json().path("receivers").get(0).has("receivedAt")).isFalse();
            assertThat(http.get("/api/approvals?box=received", receiver).json().path("items").findValuesAsText("id"))
                    .contains(id);

            assertProblem(http.post("/api/approvals/" + id + "/receipt", outsider, null), 403);
            assertProblem(http.post("/api/approvals/" + id + "/receipt", staff, null), 403);
            Response received = http.post("/api/approvals/" + id + "/receipt", receiver, null);
            assertThat(received.status()).as("%s", received).isEqualTo(200);
            assertMatchesContract("approval-request-api.yaml", "POST", "/api/approvals/" + id + "/receipt", received);
            assertThat(received.json().path("receivers").get(0).has("receivedAt")).isTrue();
            JsonNode last = received.json().path("history").get(received.json().path("history").size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("RECEIVED");
            assertThat(last.path("actor").path("name").asText()).isEqualTo("최유진");
            assertProblem(http.post("/api/approvals/" + id + "/receipt", receiver, null), 409);
            // the drafter is told, once, and sees the receipt too
            JsonNode acknowledged = told(drafterWs, id, "DOCUMENT_ACKNOWLEDGED");
            assertThat(acknowledged.path("message").asText()).contains("최유진").contains("접수").contains("수신 문서");
            nothingMoreAbout(drafterWs, id);
            assertThat(http.get("/api/approvals/" + id, staff).json().path("receivers").get(0).has("receivedAt")).isTrue();
        }
    }

    @Test
    void receiversAreNeitherTheDrafterNorOnTheLineNorInCc() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        long salesStaff = idOf(login("sales.staff"));
        assertThat(assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverIds", List.of(idOf(lead)))), 422).path("detail").asText()).contains("approval line or in cc");
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverIds", List.of(salesStaff), "ccIds", List.of(salesStaff))), 422);
        assertThat(assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverIds", List.of(idOf(staff)))), 422).path("detail").asText()).contains("yourself");
        assertProblem(http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "t",
                "receiverIds", List.of(salesStaff, salesStaff))), 400);
    }
}
