package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Leave documents through the whole system (the saga): the leave ledger holds a leave's days before its first
 * approver is asked, uses them when it is approved, frees them when it is withdrawn, and a leave asking for more
 * than is left is rejected at once, its drafter told why, and can be resubmitted with fewer. Next year's leave, which
 * no other test touches.
 */
class LeaveEndToEndTest extends StandaloneTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final int YEAR = Year.now().getValue() + 1;
    // the second Monday of March: no public holiday in the weeks from it (삼일절 is the 1st)
    private static final LocalDate MONDAY = LocalDate.of(YEAR, 3, 8).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

    /** The date {@code days} calendar days after the second Monday of March next year. */
    private static String day(int days) {
        return MONDAY.plusDays(days).toString();
    }

    private String submitLeave(String token, String title, String start, String end) {
        Response r = http.post("/api/approvals", token, Map.of("type", "LEAVE", "title", title,
                "leave", Map.of("kind", "ANNUAL", "startDate", start, "endDate", end)));
        assertThat(r.status()).as("submit: %s", r).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        return r.json().path("id").asText();
    }

    private JsonNode balance(String token) {
        Response r = http.get("/api/leave/balance?year=" + YEAR, token);
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
            String id = submitLeave(staff, "여름 휴가", day(0), day(2)); // Monday to Wednesday

            assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            // asked only once the days were held
            assertThat(reservedUsedAvailable(balance(staff))).containsExactly(3.0, 0.0, 12.0);

            assertThat(http.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            assertThat(eventually(() -> http.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE")),
                    r -> r.status() == 200, "the head's turn").json().path("status").asText()).isEqualTo("APPROVED");

            JsonNode used = eventually(() -> balance(staff), b -> b.path("used").asDouble() == 3.0, "the days used");
            assertThat(reservedUsedAvailable(used)).containsExactly(0.0, 3.0, 12.0);
            Response entries = http.get("/api/leave/entries?year=" + YEAR, staff);
            assertMatchesContract("employee-api.yaml", "GET", "/api/leave/entries", entries);
            assertThat(entries.json().path("items").findValuesAsText("kind")).containsExactly("DEDUCTED", "RESERVED");
            assertThat(entries.json().path("items").findValuesAsText("approvalId")).containsOnly(id);

            JsonNode doc = eventually(() -> http.get("/api/approvals/" + id, staff).json(),
                    d -> d.path("history").size() == 7 && d.hasNonNull("number"), "the full history and a number");
            assertThat(doc.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "LEAVE_RESERVED",
                    "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "APPROVED", "DOCUMENT_APPROVED");
            // processing started it from the reservation, not before it
            assertThat(Instant.parse(doc.path("history").get(2).path("at").asText()))
                    .isAfterOrEqualTo(Instant.parse(doc.path("history").get(1).path("at").asText()));
            assertThat(doc.path("leave").path("days").asDouble()).isEqualTo(3.0);
            assertThat(doc.path("number").asText()).startsWith("LEA-");
        }
    }

    @Test
    void moreThanIsLeftIsRejectedAtOnceAndResubmissionsCountOnWhatTheirPredecessorHeld() {
        String staff = login("sales.staff");
        String lead = login("sales.lead");
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead)) {
            // three weeks and a day: 16 working days, one more than the year has
            String tooLong = submitLeave(staff, "장기 휴가", day(0), day(21));

            JsonNode told = about(staffWs, tooLong, 1).get(0);
            assertThat(told.path("type").asText()).isEqualTo("LEAVE_REFUSED");
            assertThat(told.path("message").asText()).contains("this asks for 16 days, 15 days left");
            JsonNode doc = eventually(() -> http.get("/api/approvals/" + tooLong, staff).json(),
                    d -> "REJECTED".equals(d.path("status").asText()), "the refused leave rejected");
            assertThat(doc.path("line").findValuesAsText("status")).containsOnly("SKIPPED");
            assertThat(doc.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "LEAVE_REFUSED");
            nothingMoreAbout(leadWs, tooLong);
            assertThat(reservedUsedAvailable(balance(staff))).containsExactly(0.0, 0.0, 15.0);

            // resubmitted (재기안) with fewer days: ten, held
            Response again = http.post("/api/approvals/" + tooLong + "/resubmission", staff,
                    Map.of("leave", Map.of("kind", "ANNUAL", "startDate", day(0), "endDate", day(11))));
            assertThat(again.status()).as("%s", again).isEqualTo(202);
            String ten = again.json().path("id").asText();
            about(leadWs, ten, 1);
            assertThat(balance(staff).path("available").asDouble()).isEqualTo(5.0);
            assertThat(http.get("/api/approvals/" + ten, staff).json().path("leave").path("days").asDouble()).isEqualTo(10.0);

            // withdrawn and at once resubmitted with twelve days: the resubmission may count on the ten it held
            Response withdrawn = http.post("/api/approvals/" + ten + "/withdrawal", staff, Map.of("reason", "일정 변경"));
            assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
            JsonNode old = eventually(() -> http.get("/api/approvals/" + ten, staff).json(),
                    d -> "WITHDRAWN".equals(d.path("status").asText()), "the withdrawal recorded");
            assertThat(old.path("status").asText()).isEqualTo("WITHDRAWN");
            Response twelve = http.post("/api/approvals/" + ten + "/resubmission", staff,
                    Map.of("leave", Map.of("kind", "ANNUAL", "startDate", day(0), "endDate", day(15))));
            assertThat(twelve.status()).as("%s", twelve).isEqualTo(202);
            String last = twelve.json().path("id").asText();
            assertThat(about(leadWs, last, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            JsonNode held = eventually(() -> balance(staff), b -> b.path("reserved").asDouble() == 12.0, "twelve days held");
            assertThat(reservedUsedAvailable(held)).containsExactly(12.0, 0.0, 3.0);
            assertThat(http.get("/api/leave/entries?year=" + YEAR, staff).json().path("items").findValuesAsText("kind"))
                    .containsExactly("RESERVED", "RELEASED", "RESERVED", "REFUSED");
        }
    }
}
