package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 휴가 취소 through the whole system: the drafter cancels an approved leave before it begins; its days come back to
 * their year, it leaves the department's calendar, and the approvers are told. Nobody else may, and only once; a leave
 * begun is an administrator's to cancel, and then the drafter is told. Every balance is compared with itself before, so
 * other tests' leave does not matter, and each leave is given back, so theirs is not changed.
 */
class LeaveCancellationEndToEndTest extends StandaloneTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    private JsonNode balance(String token, int year) {
        Response r = http.get("/api/leave/balance?year=" + year, token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    /** A leave of the drafter's, approved by each step of their line in turn; its id. */
    private String approvedLeave(String drafter, LocalDate start, LocalDate end, String... line) {
        Response r = http.post("/api/approvals", drafter, Map.of("type", "LEAVE", "title", "휴가 " + start,
                "leave", Map.of("kind", "ANNUAL", "startDate", start.toString(), "endDate", end.toString())));
        assertThat(r.status()).as("submit: %s", r).isEqualTo(202);
        String id = r.json().path("id").asText();
        for (String approver : line) {
            eventually(() -> http.post("/api/approvals/" + id + "/decisions", approver, Map.of("decision", "APPROVE")),
                    d -> d.status() == 200, "an approval of step " + java.util.Arrays.asList(line).indexOf(approver));
        }
        eventually(() -> http.get("/api/approvals/" + id, drafter).json(), d -> "APPROVED".equals(d.path("status").asText())
                && d.path("history").findValuesAsText("type").contains("DOCUMENT_APPROVED"), "the approval recorded");
        return id;
    }

    @Test
    void theDrafterCancelsAnApprovedLeaveBeforeItBeginsAndGetsItsDaysBack() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        // the third Monday of June next year: no public holiday that week (현충일 is the 6th)
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Seoul")).plusYears(1).withMonth(6).withDayOfMonth(15)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int year = start.getYear();
        JsonNode before = balance(staff, year);
        try (WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
             WebSocketTestClient headWs = WebSocketTestClient.withHeader(port, WS, head)) {
            String id = approvedLeave(staff, start, start.plusDays(1), lead, head);
            eventually(() -> balance(staff, year), b -> b.path("used").asDouble() == before.path("used").asDouble() + 2,
                    "two days used");
            String month = "/api/leave/calendar?month=" + start.toString().substring(0, 7);
            assertThat(http.get(month, staff).json().path("leaves").findValuesAsText("startDate")).contains(start.toString());

            // nobody but its drafter (or an administrator): not the lead who approved it, not someone of another department
            assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", lead, Map.of()), 403);
            assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", login("sales.staff"), Map.of()), 403);
            assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", staff, Map.of("reason", 7)), 400);

            Response cancelled = http.post("/api/approvals/" + id + "/leave-cancellation", staff, Map.of("reason", "일정 변경"));
            assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
            assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/leave-cancellation", cancelled);
            assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
            JsonNode last = cancelled.json().path("history").path(cancelled.json().path("history").size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("LEAVE_CANCELLED");
            assertThat(last.path("comment").asText()).isEqualTo("일정 변경");
            // once
            assertThat(assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", staff, Map.of()), 409)
                    .path("detail").asText()).contains("cancelled already");

            // the same days asked for again at once: held, not refused as already on leave, through the whole system
            // (whether the cancellation reached the ledger first or not: the race itself is LeaveLedgerTest's); then
            // withdrawn, to give them back
            Response again = http.post("/api/approvals", staff, Map.of("type", "LEAVE", "title", "다시 휴가 " + start,
                    "leave", Map.of("kind", "ANNUAL", "startDate", start.toString(), "endDate", start.plusDays(1).toString())));
            assertThat(again.status()).as("submit again: %s", again).isEqualTo(202);
            String againId = again.json().path("id").asText();
            JsonNode held = eventually(() -> http.get("/api/approvals/" + againId, staff).json(),
                    d -> d.path("history").findValuesAsText("type").stream().anyMatch(t -> t.startsWith("LEAVE_RE")),
                    "the ledger's answer");
            assertThat(held.path("history").findValuesAsText("type")).as("%s", held).contains("LEAVE_RESERVED")
                    .doesNotContain("LEAVE_REFUSED");
            eventually(() -> http.post("/api/approvals/" + againId + "/withdrawal", staff, Map.of("reason", "다시 취소")),
                    w -> w.status() == 200, "the new leave withdrawn");

            for (WebSocketTestClient approver : new WebSocketTestClient[]{leadWs, headWs}) {
                assertThat(told(approver, id, "LEAVE_CANCELLED").path("message").asText()).contains("일정 변경");
            }
            JsonNode after = eventually(() -> balance(staff, year),
                    b -> b.path("used").asDouble() == before.path("used").asDouble()
                            && b.path("available").asDouble() == before.path("available").asDouble(), "the days back");
            assertThat(after.path("reserved").asDouble()).isEqualTo(before.path("reserved").asDouble());
            Response entries = http.get("/api/leave/entries?year=" + year, staff);
            assertMatchesContract("employee-api.yaml", "GET", "/api/leave/entries", entries);
            List<String> ofCancelled = new java.util.ArrayList<>();
            entries.json().path("items").forEach(e -> {
                if (id.equals(e.path("approvalId").asText())) {
                    ofCancelled.add(e.path("kind").asText());
                }
            });
            assertThat(ofCancelled).as("given back once").containsExactly("CANCELLED", "DEDUCTED", "RESERVED");
            assertThat(http.get(month, staff).json().path("leaves").findValuesAsText("startDate")).doesNotContain(start.toString());
            // in the list, as it is now (a completion recorded after the cancellation: RecordRouteTest)
            assertThat(http.get("/api/approvals?status=CANCELLED", staff).json().path("items").findValuesAsText("id"))
                    .contains(id);
            assertThat(http.get("/api/approvals/" + id, staff).json().path("status").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void aLeaveBegunIsAnAdministratorsToCancelAndTheDrafterIsTold() {
        // dev.lead's line is the head alone; no other test gives them leave
        String staff = login("dev.lead");
        String head = login("dev.head");
        // a working Tuesday about two months ago (last year in January or February: a leave may lie in last year too)
        java.util.Set<String> off = new java.util.HashSet<>();
        http.get("/api/leave/days-off", staff).json().path("holidays").forEach(h -> off.add(h.asText()));
        LocalDate start = LocalDate.now(ZoneId.of("Asia/Seoul")).minusMonths(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        while (off.contains(start.toString())) {
            start = start.minusWeeks(1);
        }
        LocalDate day = start;
        int year = start.getYear();
        JsonNode before = balance(staff, year);
        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff)) {
            String id = approvedLeave(staff, day, day, head);
            assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", staff, Map.of()), 409);

            Response cancelled = http.post("/api/approvals/" + id + "/leave-cancellation", login("admin"),
                    Map.of("reason", "출근함"));
            assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
            assertThat(told(staffWs, id, "LEAVE_CANCELLED").path("message").asText()).contains("yours again");
            eventually(() -> balance(staff, year), b -> b.path("used").asDouble() == before.path("used").asDouble(),
                    "the day back");
        }
    }
}
