package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * 대결 through the whole system: the team lead (dev.lead) names sales.lead deputy while away; employee-service
 * publishes it from its outbox, approval-processing and approval-request each keep it. The deputy then finds the
 * lead's step in their inbox, is told of it, reads the document, decides it for the lead (the lead and the drafter are
 * told, the document shows who decided for whom), may not use 전결, and once the lead ends the delegation may decide
 * nothing more; the rules refuse a deputy who is away themselves, oneself, nobody.
 */
class DelegationEndToEndTest extends StandaloneTestBase {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Seoul"));

    private static Map<String, Object> delegation(long deputyId, LocalDate start, LocalDate end) {
        return Map.of("deputyId", deputyId, "startDate", start.toString(), "endDate", end.toString(), "reason", "연차");
    }

    private String submit(String staff, String title) {
        Response submitted = http.post("/api/approvals", staff, Map.of("type", "GENERAL", "title", title));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        return submitted.json().path("id").asText();
    }

    @Test
    void aDeputyDecidesForTheAbsentApproverUntilTheDelegationEnds() {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String deputy = login("sales.lead");
        String outsider = login("sales.staff");
        long leadId = idOf(lead);
        long deputyId = idOf(deputy);

        Response set = http.put("/api/delegations/mine", lead, delegation(deputyId, TODAY, TODAY.plusDays(3)));
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        assertMatchesContract("employee-api.yaml", "PUT", "/api/delegations/mine", set);
        assertThat(set.json().path("mine").path("deputy").path("id").asLong()).isEqualTo(deputyId);
        assertThat(set.json().path("mine").path("inForce").asBoolean()).isTrue();
        Response theirs = http.get("/api/delegations", deputy);
        assertMatchesContract("employee-api.yaml", "GET", "/api/delegations", theirs);
        assertThat(theirs.json().path("actingFor").findValuesAsText("startDate")).containsExactly(TODAY.toString());
        assertThat(theirs.json().path("actingFor").get(0).path("approver").path("id").asLong()).isEqualTo(leadId);
        try {
            // the first document shows when both services have the delegation: the deputy's inbox and their reading
            String first = submit(staff, "대결 첫 문서");
            JsonNode item = eventually(() -> inboxItem(deputy, first), i -> i != null, "the lead's step in the deputy's inbox");
            assertThat(item.path("onBehalfOf").path("id").asLong()).isEqualTo(leadId);
            assertMatchesContract("approval-processing-api.yaml", "GET", "/api/inbox", http.get("/api/inbox", deputy));
            eventually(() -> http.get("/api/approvals/" + first, deputy).status(), s -> s == 200, "the deputy reads it");
            assertProblem(http.get("/api/approvals/" + first, outsider), 403);

            // a document the lead decided themselves waits for the head, not for the lead: nothing of the deputy's
            // to read or comment on, then or once it is approved
            String decidedByLead = submit(staff, "대결 밖 문서");
            eventually(() -> inboxItem(lead, decidedByLead), i -> i != null, "the step in the lead's own inbox");
            Response leadApproved = http.post("/api/approvals/" + decidedByLead + "/decisions", lead,
                    Map.of("decision", "APPROVE"));
            assertThat(leadApproved.status()).as("%s", leadApproved).isEqualTo(200);
            eventually(() -> http.get("/api/approvals/" + decidedByLead, deputy).status(), s -> s == 403,
                    "the deputy no longer reads what waits for the head");
            assertProblem(http.post("/api/approvals/" + decidedByLead + "/comments", deputy, Map.of("text", "대결 의견")), 403);
            assertThat(http.post("/api/approvals/" + decidedByLead + "/decisions", login("dev.head"),
                    Map.of("decision", "APPROVE")).status()).isEqualTo(200);
            eventually(() -> http.get("/api/approvals/" + decidedByLead, staff).json().path("status").asText(),
                    "APPROVED"::equals, "the document approved");
            assertProblem(http.get("/api/approvals/" + decidedByLead, deputy), 403);
            assertProblem(http.post("/api/approvals/" + decidedByLead + "/comments", deputy, Map.of("text", "대결 의견")), 403);

            try (WebSocketTestClient deputyWs = WebSocketTestClient.withHeader(port, WS, deputy);
                 WebSocketTestClient leadWs = WebSocketTestClient.withHeader(port, WS, lead);
                 WebSocketTestClient staffWs = WebSocketTestClient.withHeader(port, WS, staff)) {
                String id = submit(staff, "대결 결재 문서");
                JsonNode asked = about(deputyWs, id, 1).get(0);
                assertThat(asked.path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
                assertThat(asked.path("message").asText()).contains("You decide for 이서연").contains("대결");
                assertThat(about(leadWs, id, 1).get(0).path("type").asText()).isEqualTo("APPROVAL_REQUESTED");

                // 전결 stays the lead's own; someone the lead did not name decides nothing
                assertThat(assertProblem(http.post("/api/approvals/" + id + "/decisions", deputy,
                        Map.of("decision", "APPROVE_FINAL")), 422).path("detail").asText()).contains("전결");
                assertProblem(http.post("/api/approvals/" + id + "/decisions", outsider, Map.of("decision", "APPROVE")), 403);

                Response decided = http.post("/api/approvals/" + id + "/decisions", deputy,
                        Map.of("decision", "APPROVE", "comment", "부재중 대결"));
                assertThat(decided.status()).as("%s", decided).isEqualTo(200);
                assertThat(decided.json().path("nextApprover").path("name").asText()).isEqualTo("박지훈");

                JsonNode told = about(leadWs, id, 1).get(0);
                assertThat(told.path("type").asText()).isEqualTo("DECIDED_FOR_YOU");
                assertThat(told.path("message").asText()).contains("정하늘 approved").contains("for you");
                assertThat(about(staffWs, id, 1).get(0).path("message").asText()).contains("대결, for 이서연");
                assertThat(inboxItem(lead, id)).isNull();

                Response doc = eventually(() -> http.get("/api/approvals/" + id, staff),
                        r -> "APPROVED".equals(r.json().path("line").get(0).path("status").asText()), "the step recorded");
                assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, doc);
                JsonNode step = doc.json().path("line").get(0);
                assertThat(step.path("approver").path("id").asLong()).isEqualTo(leadId);
                assertThat(step.path("deputy").path("id").asLong()).isEqualTo(deputyId);
                JsonNode approved = null;
                for (JsonNode h : doc.json().path("history")) {
                    if ("APPROVED".equals(h.path("type").asText())) {
                        approved = h;
                    }
                }
                assertThat(approved).isNotNull();
                assertThat(approved.path("actor").path("id").asLong()).isEqualTo(deputyId);
                assertThat(approved.path("onBehalfOf").path("id").asLong()).isEqualTo(leadId);
                assertThat(approved.path("comment").asText()).isEqualTo("부재중 대결");

                // the lead is back: the delegation ends, and with it the deputy's part in what still waits
                assertThat(http.delete("/api/delegations/mine", lead).status()).isEqualTo(204);
                assertProblem(http.delete("/api/delegations/mine", lead), 404);
                eventually(() -> inboxItem(deputy, first), i -> i == null, "the lead's step gone from the deputy's inbox");
                assertProblem(http.post("/api/approvals/" + first + "/decisions", deputy, Map.of("decision", "APPROVE")), 403);
                eventually(() -> http.get("/api/approvals/" + first, deputy).status(), s -> s == 403,
                        "the deputy no longer reads the waiting document");
                // what they decided stays theirs to read, in their approver box
                assertThat(http.get("/api/approvals/" + id, deputy).status()).isEqualTo(200);
                assertThat(http.get("/api/approvals?box=approver", deputy).json().path("items").findValuesAsText("id"))
                        .contains(id).doesNotContain(first);
            }
        } finally {
            http.delete("/api/delegations/mine", lead);
        }
    }

    @Test
    void theRulesRefuseChainsOneselfAndNobody() {
        String lead = login("dev.lead");
        String head = login("dev.head");
        long headId = idOf(head);
        long leadId = idOf(lead);

        assertThat(assertProblem(http.put("/api/delegations/mine", lead, delegation(leadId, TODAY, TODAY)), 422)
                .path("detail").asText()).contains("your own deputy");
        assertThat(assertProblem(http.put("/api/delegations/mine", lead, delegation(999_999, TODAY, TODAY)), 422)
                .path("detail").asText()).contains("No active employee [999999]");
        assertThat(assertProblem(http.put("/api/delegations/mine", lead, delegation(headId, TODAY, TODAY.minusDays(1))), 422)
                .path("detail").asText()).contains("before it starts");
        assertProblem(http.put("/api/delegations/mine", lead, Map.of("deputyId", headId, "startDate", "tomorrow",
                "endDate", TODAY.toString())), 400);
        assertProblem(http.put("/api/delegations/mine", null, delegation(headId, TODAY, TODAY)), 401);

        // the head is away in a week; the lead cannot hand decisions to them for those days, and while the lead is
        // the head's deputy the lead cannot hand their own on for those days either
        String sales = login("sales.head");
        long salesId = idOf(sales);
        try {
            assertThat(http.put("/api/delegations/mine", head, delegation(leadId, TODAY.plusDays(7), TODAY.plusDays(9)))
                    .status()).isEqualTo(200);
            assertThat(assertProblem(http.put("/api/delegations/mine", lead,
                    delegation(headId, TODAY.plusDays(5), TODAY.plusDays(8))), 422).path("detail").asText())
                    .contains("박지훈 is away on some of those days").doesNotContain(TODAY.plusDays(7).toString());
            assertThat(assertProblem(http.put("/api/delegations/mine", lead,
                    delegation(salesId, TODAY.plusDays(9), TODAY.plusDays(10))), 422).path("detail").asText())
                    .contains("You decide for 박지훈");
            // other days are fine
            assertThat(http.put("/api/delegations/mine", lead, delegation(salesId, TODAY.plusDays(10), TODAY.plusDays(11)))
                    .status()).isEqualTo(200);
        } finally {
            http.delete("/api/delegations/mine", head);
            http.delete("/api/delegations/mine", lead);
        }
    }
}
