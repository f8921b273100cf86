package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 전결 through the whole system: a team lead approves a leave document with final authority, so it is approved at
 * once, the department head is never asked, the days are used and the drafter is told; on a general document the
 * lead may not, and is told why.
 */
class FinalAuthorityEndToEndTest extends StandaloneTestBase {

    // this year's first Monday of June: dev.staff's leave of this year is no other test's
    private static final LocalDate MONDAY = LocalDate.of(Year.now().getValue(), 6, 1)
            .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));

    private double used(String token) {
        return http.get("/api/leave/balance?year=" + MONDAY.getYear(), token).json().path("used").asDouble();
    }

    @Test
    void aTeamLeadApprovesALeaveWithFinalAuthorityAndTheHeadIsNeverAsked() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        double usedBefore = used(staff);
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            Response submitted = http.post("/api/approvals", staff, Map.of("type", "LEAVE", "title", "전결 휴가",
                    "leave", Map.of("kind", "ANNUAL", "startDate", MONDAY.toString(), "endDate", MONDAY.plusDays(1).toString())));
            assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();
            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");

            Response decided = http.post("/api/approvals/" + id + "/decisions", lead,
                    Map.of("decision", "APPROVE_FINAL", "comment", "팀장 전결"));
            assertThat(decided.status()).as("%s", decided).isEqualTo(200);
            assertMatchesContract("approval-processing-api.yaml", "POST", "/api/approvals/" + id + "/decisions", decided);
            assertThat(decided.json().path("status").asText()).isEqualTo("APPROVED");
            assertThat(decided.json().has("nextApprover")).isFalse();

            assertThat(about(staffWs, id, 2)).extracting(n -> n.path("type").asText())
                    .containsExactly("STEP_APPROVED", "APPROVAL_COMPLETED");
            nothingMoreAbout(headWs, id);
            assertThat(inboxIds(head)).doesNotContain(id);

            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> "APPROVED".equals(d.path("status").asText()) && d.hasNonNull("number"), "the document approved");
            assertThat(doc.path("line").findValuesAsText("status")).containsExactly("APPROVED", "SKIPPED");
            assertThat(doc.path("history").findValuesAsText("type")).contains("APPROVED_FINAL", "DOCUMENT_APPROVED")
                    .doesNotContain("APPROVED");
            assertThat(eventually(() -> used(staff), u -> u == usedBefore + 2, "the two days used")).isEqualTo(usedBefore + 2);
        }
    }

    @Test
    void aTeamLeadMayNotDecideAGeneralDocumentForTheHead() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", "전결 불가"));
        String id = submitted.json().path("id").asText();
        Response refused = eventually(() -> http.post("/api/approvals/" + id + "/decisions", lead,
                Map.of("decision", "APPROVE_FINAL")), r -> r.status() != 404, "the lead's turn");
        JsonNode problem = assertProblem(refused, 422);
        assertThat(problem.path("detail").asText()).contains("only leave documents");
        // still the lead's to decide, plainly
        assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
    }
}
