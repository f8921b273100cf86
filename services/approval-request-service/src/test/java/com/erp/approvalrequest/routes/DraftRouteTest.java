package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.erp.approvalrequest.persistence.Drafts;
import com.erp.routes.testing.HttpTestClient.Response;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 임시저장: /api/drafts on the real MongoDB-wire server; each person's drafts are theirs alone. */
class DraftRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    private static Map<String, Object> draft(String title, Map<String, Object> form) {
        return Map.of("type", "LEAVE", "title", title, "form", form);
    }

    @Test
    void aDraftIsSavedListedTakenUpAgainSavedAgainAndDeleted() {
        Map<String, Object> form = Map.of("kind", "ANNUAL", "start", "2027-03-02",
                "approvers", List.of(Map.of("id", LEAD.id(), "name", LEAD.name())), "custom", true);
        Response saved = http.post("/api/drafts", token(DRAFTER), draft("  3월 휴가  ", form));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/drafts", saved);
        String id = saved.json().path("id").asText();
        assertThat(saved.header("Location")).isEqualTo("/api/drafts/" + id);
        assertThat(saved.json().path("title").asText()).isEqualTo("3월 휴가");

        sleepAMillisecondOrTwo(); // saved in the same millisecond, the order would be the ids'
        Response later = http.post("/api/drafts", token(DRAFTER), Map.of("title", "", "form",
                Map.of("a.b", 1, "$odd", "key", "big", new java.math.BigInteger("123456789012345678901234567890"))));
        assertThat(later.status()).isEqualTo(201);
        String other = later.json().path("id").asText();

        Response list = http.get("/api/drafts", token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/drafts", list);
        // the last saved first, without their content
        assertThat(list.json().path("items").findValuesAsText("id")).containsSubsequence(other, id);
        assertThat(list.json().path("items").get(0).has("form")).isFalse();

        Response one = http.get("/api/drafts/" + id, token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/drafts/" + id, one);
        assertThat(one.json().path("form").path("approvers").get(0).path("name").asText()).isEqualTo(LEAD.name());
        assertThat(one.json().path("form").path("custom").asBoolean()).isTrue();

        // kept as sent, keys and numbers a BSON document would not take included
        Response odd = http.get("/api/drafts/" + other, token(DRAFTER));
        assertThat(odd.json().path("form").path("a.b").asInt()).isEqualTo(1);
        assertThat(odd.json().path("form").path("$odd").asText()).isEqualTo("key");
        assertThat(odd.json().path("form").path("big").bigIntegerValue()).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));

        sleepAMillisecondOrTwo();
        Response again = http.put("/api/drafts/" + id, token(DRAFTER), draft("3월 휴가 (수정)", Map.of("kind", "HALF_DAY_AM")));
        assertThat(again.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/drafts/" + id, again);
        assertThat(again.json().path("title").asText()).isEqualTo("3월 휴가 (수정)");
        assertThat(again.json().path("form").has("approvers")).isFalse();
        assertThat(http.get("/api/drafts", token(DRAFTER)).json().path("items").findValuesAsText("id"))
                .containsSubsequence(id, other);

        Response deleted = http.delete("/api/drafts/" + id, token(DRAFTER));
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(http.get("/api/drafts/" + id, token(DRAFTER)), 404);
        assertProblem(http.delete("/api/drafts/" + id, token(DRAFTER)), 404);
    }

    private static void sleepAMillisecondOrTwo() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void nobodyReachesAnothersDraftNotEvenToLearnItExists() {
        String id = http.post("/api/drafts", token(DRAFTER), draft("내 초안", Map.of("body", "비밀"))).json().path("id").asText();
        assertThat(assertProblem(http.get("/api/drafts/" + id, token(OTHER)), 404).path("detail").asText())
                .isEqualTo("You have no such draft.");
        assertProblem(http.put("/api/drafts/" + id, token(OTHER), draft("가로채기", Map.of())), 404);
        assertProblem(http.delete("/api/drafts/" + id, token(OTHER)), 404);
        assertThat(http.get("/api/drafts", token(OTHER)).json().path("items").findValuesAsText("id")).doesNotContain(id);
        assertProblem(http.get("/api/drafts/" + id, null), 401);
        assertProblem(http.get("/api/drafts", null), 401);
        Response mine = http.get("/api/drafts/" + id, token(DRAFTER));
        assertThat(mine.json().path("title").asText()).isEqualTo("내 초안");
        assertThat(mine.json().path("form").path("body").asText()).isEqualTo("비밀");
    }

    @Test
    void aDraftHasTheContractsShape() {
        assertProblem(http.post("/api/drafts", token(DRAFTER), Map.of("title", "양식 없음")), 400);
        assertProblem(http.post("/api/drafts", token(DRAFTER), Map.of("form", Map.of(), "extra", 1)), 400);
        assertProblem(http.post("/api/drafts", token(DRAFTER), Map.of("form", Map.of(), "title", "x".repeat(201))), 400);
        assertProblem(http.post("/api/drafts", token(DRAFTER), Map.of("form", Map.of(), "type", "LOAN")), 400);
        assertProblem(http.get("/api/drafts/not-a-draft", token(DRAFTER)), 400);
    }

    @Test
    void onePersonKeepsAtMostFiftyDrafts() {
        List<Document> full = new ArrayList<>();
        for (int i = 0; i < Drafts.MAX_PER_PERSON; i++) {
            full.add(new Document("_id", UUID.randomUUID().toString()).append("owner", HEAD.id()).append("title", "초안 " + i)
                    .append("form", "{}").append("savedAt", new Date()));
        }
        mongo.getDatabase("erp").getCollection("drafts").insertMany(full);
        try {
            assertThat(assertProblem(http.post("/api/drafts", token(HEAD), Map.of("form", Map.of())), 409)
                    .path("detail").asText()).contains("50");
            // someone else is not held back by it
            assertThat(http.post("/api/drafts", token(LEAD), Map.of("form", Map.of())).status()).isEqualTo(201);
        } finally {
            mongo.getDatabase("erp").getCollection("drafts").deleteMany(Filters.eq("owner", HEAD.id()));
        }
    }
}
