package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Leave documents through the whole system (the saga): the leave ledger holds a leave's days before its first
 * approver is asked, uses them when it is approved, frees them when it is withdrawn, and a leave asking for more
 * than is left is rejected at once, its drafter told why. A year of its own (2036), so other tests do not meet it.
 */
class LeaveEndToEndTest extends StandaloneTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    private String submitLeave(String token, String title, String start, String end) {
        Response r = http.post("/api/approvals", token, Map.of("type", "LEAVE", "title", title,
                "leave", Map.of("kind", "ANNUAL", "startDate", start, "endDate", end)));
        assertThat(r.status()).as("submit: %s", r).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        return r.json().path("id").asText();
    }

    private JsonNode balance(String token) {
        Response r = http.get("/api/leave/balance?year=2036", token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static List<Double> reservedUsedAvailable(JsonNode b) {
        return List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble());
    }

    @Test
    void aLeaveHoldsItsDaysBeforeTheLeadIsAskedAndUsesThemWhenApproved() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        assertThat(balance(staff).path("available").asDouble()).isEqualTo(15.0);
        try (WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead)) {
            String id = submitLeave(staff, "여름 휴가", "2036-03-03", "2036-03-05"); // Monday to Wednesday

            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            // asked only once the days were held
            assertThat(reservedUsedAvailable(balance(staff))).containsExactly(3.0, 0.0, 12.0);

            assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(eventually(() -> http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")),
                    r -> r.status() == 200, "the head's turn").json().path("status").asText()).isEqualTo("APPROVED");

            JsonNode used = eventually(() -> balance(staff), b -> b.path("used").asDouble() == 3.0, "the days used");
            assertThat(reservedUsedAvailable(used)).containsExactly(0.0, 3.0, 12.0);
            Response entries = http.get("/api/leave/entries?year=2036", staff);
            assertMatchesContract("employee-api.yaml", "GET", "/api/leave/entries", entries);
            assertThat(entries.json().path("items").findValuesAsText("kind")).containsExactly("DEDUCTED", "RESERVED");
            assertThat(entries.json().path("items").findValuesAsText("approvalId")).containsOnly(id);

            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> d.path("history").size() == 7 && d.hasNonNull("number"), "the full history and a number");
            assertThat(doc.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "LEAVE_RESERVED",
                    "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "APPROVED", "DOCUMENT_APPROVED");
            assertThat(doc.path("leave").path("days").asDouble()).isEqualTo(3.0);
            assertThat(doc.path("number").asText()).startsWith("LEA-");
        }
    }

    @Test
    void moreThanIsLeftIsRejectedAtOnceAndAWithdrawnLeaveFreesItsDays() {
        String staff = login("sales.staff");
        String lead = login("sales.lead");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withQueryToken(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead)) {
            // four weeks and a day: 16 working days, one more than the year has
            String tooLong = submitLeave(staff, "장기 휴가", "2036-03-03", "2036-03-24");

            JsonNode told = about(staffWs, tooLong, 1).get(0);
            assertThat(told.path("type").asText()).isEqualTo("LEAVE_REFUSED");
            assertThat(told.path("message").asText()).contains("this asks for 16 days, 15 days left");
            JsonNode doc = eventually(() -> http.get("/api/approvals/" + tooLong, staff).json(),
                    d -> "REJECTED".equals(d.path("status").asText()), "the refused leave rejected");
            assertThat(doc.path("line").findValuesAsText("status")).containsOnly("SKIPPED");
            assertThat(doc.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "LEAVE_REFUSED");
            nothingMoreAbout(leadWs, tooLong);
            assertThat(reservedUsedAvailable(balance(staff))).containsExactly(0.0, 0.0, 15.0);

            String shorter = submitLeave(staff, "휴가", "2036-03-03", "2036-03-04");
            about(leadWs, shorter, 1);
            assertThat(balance(staff).path("available").asDouble()).isEqualTo(13.0);
            Response withdrawn = http.post("/api/approvals/" + shorter + "/withdrawal", staff, Map.of("reason", "일정 변경"));
            assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
            JsonNode freed = eventually(() -> balance(staff), b -> b.path("reserved").asDouble() == 0.0, "the days freed");
            assertThat(reservedUsedAvailable(freed)).containsExactly(0.0, 0.0, 15.0);
            assertThat(http.get("/api/leave/entries?year=2036", staff).json().path("items").findValuesAsText("kind"))
                    .containsExactly("RELEASED", "RESERVED", "REFUSED");
        }
    }
}
