package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 결재 취소 through the whole system: the lead approves, then takes the approval back before the head decides; the
 * head is told it no longer waits for them and loses it from the inbox, the drafter is told, the document shows the
 * lead's step pending again with the retraction in its history; the lead approves again and it goes on.
 */
class RetractionEndToEndTest extends StandaloneTestBase {

    @Test
    void theLeadTakesTheApprovalBackAndEveryoneConcernedSeesIt() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "결재 취소 문서"));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();
            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");

            Response back = http.post("/api/approvals/" + id + "/retraction", lead, Map.of("reason", "금액 재확인"));
            assertThat(back.status()).as("%s", back).isEqualTo(200);
            assertMatchesContract("approval-processing-api.yaml", "POST", "/api/approvals/" + id + "/retraction", back);

            JsonNode headTold = about(headWs, id, 1).get(0);
            assertThat(headTold.path("type").asText()).isEqualTo("APPROVAL_RETRACTED");
            assertThat(headTold.path("message").asText()).contains("no longer waits for you");
            assertThat(inboxIds(head)).doesNotContain(id);
            assertThat(about(staffWs, id, 2)).extracting(n -> n.path("type").asText())
                    .containsExactly("STEP_APPROVED", "APPROVAL_RETRACTED");
            assertThat(inboxIds(lead)).contains(id);

            // the record follows through Kafka: the retraction and the step activated again
            Response view = eventually(() -> http.get("/api/approvals/" + id, staff),
                    r -> r.json().path("history").size() == 6, "the retraction recorded");
            assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
            JsonNode doc = view.json();
            assertThat(doc.path("history")).extracting(h -> h.path("type").asText())
                    .containsExactly("SUBMITTED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "RETRACTED", "STEP_ACTIVATED");
            assertThat(doc.path("history").get(4).path("comment").asText()).isEqualTo("금액 재확인");
            assertThat(doc.path("currentStep").asInt()).isEqualTo(1);
            assertThat(doc.path("line").findValuesAsText("status")).containsExactly("PENDING", "WAITING");

            // decided again: it goes on to the head as before
            assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(about(headWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
        }
    }
}
