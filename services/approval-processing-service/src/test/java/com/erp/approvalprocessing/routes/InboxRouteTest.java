package com.erp.approvalprocessing.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** GET /api/inbox: a page at a time, oldest first, of one drafter's documents if asked, on the real Redis. */
class InboxRouteTest extends ProcessingRouteTestBase {

    private static final String CONTRACT = "approval-processing-api.yaml";

    /** An approver of this test alone, so that the inbox holds what this test put there and nothing else. */
    private static final Person APPROVER = new Person(7301, "결재함 주인", "TEAM_LEAD", "D");
    private static final Person STRANGER = new Person(7302, "남", "TEAM_LEAD", "D");

    @Test
    void pagesFollowOneAnotherOldestFirstAndADrafterMayBeChosen() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Person drafter : List.of(DRAFTER, OTHER, DRAFTER, OTHER, DRAFTER)) {
            ids.add(activated(drafter, List.of(new LineStep(1, APPROVER), new LineStep(2, HEAD))));
        }

        Response first = http.get("/api/inbox?limit=2", token(APPROVER));
        assertThat(first.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/inbox", first);
        assertThat(first.json().path("total").asInt()).isEqualTo(5);
        assertThat(approvalIds(first)).containsExactly(ids.get(0), ids.get(1));

        // one of the first page decided meanwhile shifts nothing (the next page starts after the cursor, not at an
        // offset); one arriving meanwhile comes at the end
        assertThat(decide(APPROVER, ids.get(0), "APPROVE", null).status()).isEqualTo(200);
        ids.add(activated(OTHER, List.of(new LineStep(1, APPROVER))));
        Response second = http.get("/api/inbox?limit=2&cursor=" + first.json().path("nextCursor").asText(), token(APPROVER));
        assertThat(second.json().path("total").asInt()).isEqualTo(5);
        assertThat(approvalIds(second)).containsExactly(ids.get(2), ids.get(3));
        Response last = http.get("/api/inbox?limit=2&cursor=" + second.json().path("nextCursor").asText(), token(APPROVER));
        assertThat(approvalIds(last)).containsExactly(ids.get(4), ids.get(5));
        assertThat(last.json().has("nextCursor")).isFalse();

        // a drafter's documents only: what an approver sent many by one person clears
        Response others = http.get("/api/inbox?drafterId=" + OTHER.id(), token(APPROVER));
        assertMatchesContract(CONTRACT, "GET", "/api/inbox", others);
        assertThat(others.json().path("total").asInt()).isEqualTo(3);
        assertThat(approvalIds(others)).containsExactly(ids.get(1), ids.get(3), ids.get(5));
        assertThat(others.json().path("items").findValuesAsText("id")).containsOnly(String.valueOf(OTHER.id()));
        // a drafter's, a page at a time
        Response othersFirst = http.get("/api/inbox?limit=2&drafterId=" + OTHER.id(), token(APPROVER));
        assertThat(approvalIds(othersFirst)).containsExactly(ids.get(1), ids.get(3));
        assertThat(approvalIds(http.get("/api/inbox?limit=2&drafterId=" + OTHER.id() + "&cursor="
                + othersFirst.json().path("nextCursor").asText(), token(APPROVER)))).containsExactly(ids.get(5));
        // without a limit, all of them (up to 100)
        assertThat(approvalIds(http.get("/api/inbox", token(APPROVER)))).containsExactly(ids.get(1), ids.get(2),
                ids.get(3), ids.get(4), ids.get(5));
        // one document's item: what its page asks
        Response one = http.get("/api/inbox?approvalId=" + ids.get(3), token(APPROVER));
        assertMatchesContract(CONTRACT, "GET", "/api/inbox", one);
        assertThat(approvalIds(one)).containsExactly(ids.get(3));
        assertThat(one.json().path("total").asInt()).isEqualTo(1);
        assertThat(approvalIds(http.get("/api/inbox?approvalId=" + ids.get(0), token(APPROVER)))).as("decided").isEmpty();
        // nobody else's inbox shows them
        assertThat(approvalIds(http.get("/api/inbox?approvalId=" + ids.get(3), token(STRANGER)))).isEmpty();
        Response stranger = http.get("/api/inbox?drafterId=" + OTHER.id(), token(STRANGER));
        assertThat(stranger.json().path("total").asInt()).isZero();
        assertThat(stranger.json().path("items")).isEmpty();
    }

    @Test
    void aDeputysPagesListADocumentOncePerApproverTheyStandInFor() throws Exception {
        Person first = new Person(7311, "부재 하나", "TEAM_LEAD", "D");
        Person second = new Person(7312, "부재 둘", "TEAM_LEAD", "D");
        Person deputy = new Person(7313, "대결자", "TEAM_LEAD", "D");
        whileAway(List.of(first, second), deputy, () -> {
            String agreement = activated(List.of(LineStep.agreement(1, List.of(first, second)), new LineStep(2, HEAD)));
            String later = activated(OTHER, List.of(new LineStep(1, first)));
            List<String> seen = new ArrayList<>();
            String cursor = "";
            do {
                Response page = http.get("/api/inbox?limit=1" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), token(deputy));
                assertMatchesContract(CONTRACT, "GET", "/api/inbox", page);
                assertThat(page.json().path("total").asInt()).isEqualTo(3);
                page.json().path("items").forEach(i -> seen.add(i.path("approvalId").asText() + "/"
                        + i.path("onBehalfOf").path("id").asLong()));
                cursor = page.json().path("nextCursor").asText("");
            } while (!cursor.isEmpty());
            assertThat(seen).containsExactly(agreement + "/" + first.id(), agreement + "/" + second.id(),
                    later + "/" + first.id());
            assertThat(approvalIds(http.get("/api/inbox?drafterId=" + OTHER.id(), token(deputy)))).containsExactly(later);
            // one document: an item for each approver they decide it for
            List<Long> forWhom = new ArrayList<>();
            http.get("/api/inbox?approvalId=" + agreement, token(deputy)).json().path("items")
                    .forEach(i -> forWhom.add(i.path("onBehalfOf").path("id").asLong()));
            assertThat(forWhom).containsExactly(first.id(), second.id());
            assertThat(http.get("/api/inbox?approvalId=" + agreement, token(deputy)).json().path("total").asInt())
                    .isEqualTo(2);
        });
    }

    @Test
    void aPageOutsideTheContractOrACursorNotGivenHereIsA400() {
        for (String query : List.of("limit=0", "limit=201", "limit=abc", "limit=1.5", "drafterId=0", "drafterId=x",
                "drafterId=99999999999999999999", "cursor=not%20a%20cursor", "cursor=bm90LWEtY3Vyc29y", "cursor=null", "approvalId=x",
                "approvalId=" + UUID.randomUUID().toString().toUpperCase())) {
            Response answer = http.get("/api/inbox?" + query, token(APPROVER));
            JsonNode problem = assertProblem(answer, 400);
            assertMatchesContract(CONTRACT, "GET", "/api/inbox", answer);
            assertThat(problem.path("detail").asText()).as(query).isNotBlank();
        }
        assertProblem(http.get("/api/inbox", null), 401);
    }

    @Test
    void optionsSaysTheMethodsThePathHasAndOnlyToWhoeverIsSignedIn() {
        Response inbox = http.options("/api/inbox", token(APPROVER));
        assertThat(inbox.status()).isEqualTo(204);
        assertThat(inbox.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        // as the 405 of a method the path does not have says
        assertThat(http.options("/api/approvals/" + UUID.randomUUID() + "/decisions", token(APPROVER)).header("Allow"))
                .isEqualTo("OPTIONS, POST");
        Response notAllowed = http.get("/api/approvals/" + UUID.randomUUID() + "/decisions", token(APPROVER));
        assertProblem(notAllowed, 405);
        assertThat(notAllowed.header("Allow")).isEqualTo("POST");
        assertProblem(http.options("/api/nothing-here", token(APPROVER)), 404);
        assertProblem(http.options("/api/inbox", null), 401);
    }

    /** HEAD answers as GET would, without the body: its status and headers, a problem's status too. */
    @Test
    void headAnswersAsGetWithoutTheBody() {
        Response get = http.get("/api/inbox?limit=1", token(APPROVER));
        Response head = http.head("/api/inbox?limit=1", token(APPROVER));
        assertThat(head.status()).isEqualTo(200);
        // the GET's headers (its length may be left out, as HTTP allows; the client reads no body of a HEAD's)
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Length")).isIn(null, get.header("Content-Length"));
        assertThat(http.head("/api/inbox?limit=0", token(APPROVER)).status()).as("as GET: 400").isEqualTo(400);
        assertThat(http.head("/api/inbox", null).status()).isEqualTo(401);
        Response noGet = http.head("/api/approvals/" + UUID.randomUUID() + "/decisions", token(APPROVER));
        assertThat(noGet.status()).isEqualTo(405);
        assertThat(noGet.header("Allow")).isEqualTo("POST");
    }

    private static List<String> approvalIds(Response page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(i -> ids.add(i.path("approvalId").asText()));
        return ids;
    }
}
