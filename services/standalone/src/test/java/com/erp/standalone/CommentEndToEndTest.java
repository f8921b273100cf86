package com.erp.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 의견 through the whole system: the lead comments on a document that reached them; the drafter is told live over the
 * WebSocket, the head (whose step has not come) is not, and the comment is on the document.
 */
class CommentEndToEndTest extends StandaloneTestBase {

    @Test
    void theDrafterIsToldOfTheLeadsCommentLive() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "의견 문서"));
            String id = submitted.json().path("id").asText();
            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            // the record shows the lead's step reached once step-activated is recorded: then the lead is audience too
            eventually(() -> http.get("/api/approvals/" + id, staff).json().path("line").get(0).path("status").asText(),
                    "PENDING"::equals, "the lead's step recorded");

            Response comment = http.post("/api/approvals/" + id + "/comments", lead, Map.of("text", "일정 확인 부탁드립니다"));
            assertThat(comment.status()).as("%s", comment).isEqualTo(201);

            JsonNode told = about(staffWs, id, 1).get(0);
            assertThat(told.path("type").asText()).isEqualTo("COMMENT_ADDED");
            assertThat(told.path("message").asText()).contains("일정 확인 부탁드립니다");
            nothingMoreAbout(headWs, id);
            nothingMoreAbout(leadWs, id);
            assertThat(http.get("/api/approvals/" + id, staff).json().path("comments").findValuesAsText("text"))
                    .containsExactly("일정 확인 부탁드립니다");
        }
    }
}
