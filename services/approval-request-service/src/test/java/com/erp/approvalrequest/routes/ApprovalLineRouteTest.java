package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * 위임전결 규정 on the line: a small expense or a short trip submitted without approvers ends with the team lead (the
 * rule is kept on the document and in the event processing starts from), a larger one goes to the department head as
 * well, named approvers are never cut; and the drafting page's preview (GET /api/approval-line) says the same line
 * before anything is submitted. The module's defaults: an expense up to 500,000 won, a trip of up to 3 days.
 */
class ApprovalLineRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String YESTERDAY = LocalDate.now(ZoneId.of("Asia/Seoul")).minusDays(1).toString();
    private static final LocalDate MONDAY = LocalDate.of(Year.now().getValue() + 1, 4, 6)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));

    private Document submitted(Map<String, Object> body) {
        Response r = http.post("/api/approvals", token(DRAFTER), body);
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        return approvals().find(new Document("_id", r.json().path("id").asText())).first();
    }

    private static List<Long> line(Document stored) {
        return stored.getList("line", Document.class).stream().map(s -> s.get("approver", Document.class).getLong("id")).toList();
    }

    private static Map<String, Object> expense(long amount) {
        return Map.of("type", "EXPENSE", "title", "지출 " + amount, "expense",
                Map.of("amount", amount, "category", "MEAL", "spentOn", YESTERDAY));
    }

    @Test
    void anExpenseWithinTheLeadsLimitEndsWithTheLeadAndTheDocumentSaysWhy() throws Exception {
        Document small = submitted(expense(500_000));
        assertThat(line(small)).containsExactly(LEAD.id());
        Document rule = small.get("lineRule", Document.class);
        assertThat(rule.getString("form")).isEqualTo("EXPENSE");
        assertThat(rule.get("limit", Number.class).longValue()).isEqualTo(500_000);
        assertThat(rule.get("decidedBy", Document.class).getLong("id")).isEqualTo(LEAD.id());
        assertThat(rule.getList("skipped", Document.class)).extracting(p -> p.getLong("id")).containsExactly(HEAD.id());
        // processing starts from the event: one step, the lead's
        JsonNode event = JSON.readTree(kafka.awaitKey("approval.submitted", small.getString("_id"), 1).get(0).value());
        assertThat(event.path("payload").path("line").findValuesAsText("name")).containsExactly(LEAD.name());

        Response shown = http.get("/api/approvals/" + small.getString("_id"), token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + small.getString("_id"), shown);
        JsonNode lineRule = shown.json().path("lineRule");
        assertThat(lineRule.path("unit").asText()).isEqualTo("WON");
        assertThat(lineRule.path("size").asLong()).isEqualTo(500_000);
        assertThat(lineRule.path("skipped").findValuesAsText("name")).containsExactly(HEAD.name());

        Document large = submitted(expense(500_001));
        assertThat(line(large)).containsExactly(LEAD.id(), HEAD.id());
        assertThat(large.containsKey("lineRule")).isFalse();
        assertThat(http.get("/api/approvals/" + large.getString("_id"), token(DRAFTER)).json().has("lineRule")).isFalse();
    }

    @Test
    void aShortTripEndsWithTheLeadALongerOneAndAGeneralDocumentGoTheWholeLineAndNamedApproversAreNeverCut() {
        Document threeDays = submitted(Map.of("type", "BUSINESS_TRIP", "title", "짧은 출장", "trip",
                Map.of("destination", "대전", "startDate", MONDAY.toString(), "endDate", MONDAY.plusDays(2).toString())));
        assertThat(line(threeDays)).containsExactly(LEAD.id());
        Document fourDays = submitted(Map.of("type", "BUSINESS_TRIP", "title", "긴 출장", "trip",
                Map.of("destination", "대전", "startDate", MONDAY.toString(), "endDate", MONDAY.plusDays(3).toString())));
        assertThat(line(fourDays)).containsExactly(LEAD.id(), HEAD.id());
        assertThat(line(submitted(Map.of("type", "GENERAL", "title", "일반")))).containsExactly(LEAD.id(), HEAD.id());

        Document named = submitted(Map.of("type", "EXPENSE", "title", "지정 결재선", "approverIds", List.of(LEAD.id(), HEAD.id()),
                "expense", Map.of("amount", 1000, "category", "MEAL", "spentOn", YESTERDAY)));
        assertThat(line(named)).containsExactly(LEAD.id(), HEAD.id());
        assertThat(named.containsKey("lineRule")).isFalse();
    }

    /**
     * 결재권한: a line the drafter names ends with whom the org chart gives the authority for this document (the lead
     * for a small expense, the head for a larger one or a general document), or someone above them on the drafter's
     * line; a colleague or another department's people are added before them, never instead. A refused submission
     * stores and publishes nothing; a resubmission is held to the same rule.
     */
    @Test
    void aNamedLineEndsWithWhomTheOrgChartGivesTheAuthorityForTheDocument() {
        long before = approvals().countDocuments();
        JsonNode toLead = assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title",
                "팀장 전결 시도", "approverIds", List.of(LEAD.id()))), 422);
        assertThat(toLead.path("detail").asText()).contains(HEAD.name()).contains("ends with " + LEAD.name());
        assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "동료 결재",
                "approverIds", List.of(OTHER.id()))), 422);
        assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "순서 뒤집기",
                "approverIds", List.of(HEAD.id(), LEAD.id()))), 422);
        Map<String, Object> largeToLead = new java.util.HashMap<>(expense(900_000));
        largeToLead.put("approverIds", List.of(LEAD.id()));
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), largeToLead), 422).path("detail").asText())
                .contains(HEAD.name());
        assertThat(approvals().countDocuments()).as("nothing stored").isEqualTo(before);

        // what the lead may decide alone, named: the lead, or the head above them; others before them
        Map<String, Object> smallToLead = new java.util.HashMap<>(expense(300_000));
        smallToLead.put("approverIds", List.of(OTHER.id(), LEAD.id()));
        assertThat(line(submitted(smallToLead))).containsExactly(OTHER.id(), LEAD.id());
        smallToLead.put("approverIds", List.of(HEAD.id()));
        assertThat(line(submitted(smallToLead))).containsExactly(HEAD.id());
        assertThat(line(submitted(Map.of("type", "GENERAL", "title", "영업 검토 후", "approverIds",
                List.of(OTHER.id(), LEAD.id(), HEAD.id()))))).containsExactly(OTHER.id(), LEAD.id(), HEAD.id());
        // someone the org chart gives no line ends theirs with someone of at least their own position: a colleague
        // for a staff member, not someone who reports to them for a head
        Response free = http.post("/api/approvals", token(OTHER), Map.of("type", "GENERAL", "title", "자유 지정",
                "approverIds", List.of(DRAFTER.id())));
        assertThat(free.status()).as("%s", free).isEqualTo(202);
        assertThat(assertProblem(http.post("/api/approvals", token(HEAD), Map.of("type", "GENERAL", "title", "부하 결재",
                "approverIds", List.of(LEAD.id()))), 422).path("detail").asText()).contains("at least your own position");
    }

    @Test
    void thePreviewShowsTheLineASubmissionWouldGetWithTheRules() {
        Response small = http.get("/api/approval-line?type=EXPENSE&amount=300000", token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approval-line", small);
        assertThat(small.json().path("approvers").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(small.json().path("lineRule").path("skipped").findValuesAsText("name")).containsExactly(HEAD.name());
        assertThat(small.json().path("rules").path("expenseWon").asLong()).isEqualTo(500_000);
        assertThat(small.json().path("rules").path("tripDays").asInt()).isEqualTo(3);

        Response large = http.get("/api/approval-line?type=EXPENSE&amount=900000", token(DRAFTER));
        assertThat(large.json().path("approvers").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(large.json().has("lineRule")).isFalse();
        // no amount yet: the whole line, as for a general document
        assertThat(http.get("/api/approval-line?type=EXPENSE", token(DRAFTER)).json().path("approvers")
                .findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        Response trip = http.get("/api/approval-line?type=BUSINESS_TRIP&startDate=" + MONDAY + "&endDate=" + MONDAY.plusDays(1),
                token(DRAFTER));
        assertThat(trip.json().path("approvers").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(trip.json().path("lineRule").path("size").asInt()).isEqualTo(2);
        // leave is not cut by default (a lead approves a leave with 전결 at their step)
        assertThat(http.get("/api/approval-line?type=LEAVE&leaveKind=ANNUAL&startDate=" + MONDAY, token(DRAFTER)).json()
                .path("approvers").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        // someone the org chart gives no line: empty
        assertThat(http.get("/api/approval-line?type=GENERAL", token(OTHER)).json().path("approvers").isEmpty()).isTrue();
    }

    @Test
    void thePreviewRefusesWhatTheContractDoesAndAnyoneUnknown() {
        assertThat(assertProblem(http.get("/api/approval-line?type=ORDER", token(DRAFTER)), 400).path("detail").asText())
                .contains("type");
        assertProblem(http.get("/api/approval-line", token(DRAFTER)), 400);
        assertProblem(http.get("/api/approval-line?type=EXPENSE&amount=0", token(DRAFTER)), 400);
        assertProblem(http.get("/api/approval-line?type=BUSINESS_TRIP&startDate=tomorrow", token(DRAFTER)), 400);
        assertProblem(http.get("/api/approval-line?type=GENERAL", null), 401);
    }
}
