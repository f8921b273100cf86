package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.web.PageCursor;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class DocumentQueryTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    @Test
    void theDrafterTheApproversAndAdminsMayReadADocumentNobodyElse() {
        String id = submit("열람 권한");
        String path = "/api/approvals/" + id;

        Response drafter = http.get(path, token(DRAFTER));
        assertThat(drafter.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", path, drafter);
        assertThat(drafter.json().path("title").asText()).isEqualTo("열람 권한");
        assertThat(drafter.json().path("history").findValuesAsText("type")).containsExactly("SUBMITTED");

        assertThat(http.get(path, token(HEAD)).status()).isEqualTo(200);
        assertThat(http.get(path, adminToken()).status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", path, assertProblemResponse(http.get(path, token(OTHER)), 403));
    }

    @Test
    void unknownAndMalformedIds() {
        Response unknown = http.get("/api/approvals/00000000-0000-0000-0000-000000000000", token(DRAFTER));
        assertProblem(unknown, 404);
        assertThat(assertProblem(http.get("/api/approvals/not-a-uuid", token(DRAFTER)), 400)
                .path("errors").findValuesAsText("field")).contains("approvalId");
    }

    @Test
    void myDocumentsNewestFirst() {
        String older = submit("첫 번째");
        String newer = submit("두 번째");
        Response mine = http.get("/api/approvals?limit=100", token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", mine);
        var ids = itemIds(mine.json());
        assertThat(ids).contains(older, newer);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(itemIds(http.get("/api/approvals", token(OTHER)).json()))
                .doesNotContain(older, newer);
    }

    private String submitAs(Person drafter, String title, Person... approvers) {
        Response r = http.post("/api/approvals", token(drafter), Map.of("type", "GENERAL", "title", title, "body", "본문",
                "approverIds", Arrays.stream(approvers).map(Person::id).toList()));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return r.json().path("id").asText();
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return itemIds(page.json());
    }

    /** The documents' ids, in the order listed (not their drafters' ids). */
    private static List<String> itemIds(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsWhileDocumentsArrive() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            submitted.add(submitAs(OTHER, "페이지 " + i, LEAD, HEAD));
        }
        // four more in the newest one's millisecond, stored in ascending id order: only the id, newest first, orders
        // them as the cursor expects, or a page boundary among them would skip or repeat one
        Document newest = approvals().find(new Document("_id", submitted.get(1))).first();
        long run = System.nanoTime() % 1_000_000_000L; // one prefix per run, so reruns on kept data do not collide
        for (int i = 1; i <= 4; i++) {
            String id = String.format("ffffffff-0000-4000-8000-%012d", run * 10 + i);
            Document copy = new Document(newest).append("_id", id).append("title", "같은 시각 " + i)
                    .append("history", List.of()).append("outbox", List.of());
            copy.remove(ApprovalDocuments.OUTBOX_MARK); // unique: the copies have nothing to publish
            approvals().insertOne(copy);
            submitted.add(id);
        }
        List<String> all = ids(http.get("/api/approvals?limit=100", token(OTHER)));
        assertThat(all).containsAll(submitted).doesNotHaveDuplicates();
        assertThat(all.subList(0, 5)).containsExactly(submitted.get(5), submitted.get(4), submitted.get(3),
                submitted.get(2), submitted.get(1));

        Response first = http.get("/api/approvals?limit=2", token(OTHER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", first);
        assertThat(ids(first)).isEqualTo(all.subList(0, 2));
        String cursor = first.json().path("nextCursor").asText();
        assertThat(cursor).isNotBlank();

        String late = submitAs(OTHER, "나중에 올린 문서", LEAD, HEAD);
        List<String> rest = new ArrayList<>();
        int pages = 0;
        while (cursor != null) {
            Response page = http.get("/api/approvals?limit=2&cursor=" + cursor, token(OTHER));
            assertMatchesContract(CONTRACT, "GET", "/api/approvals", page);
            assertThat(ids(page)).hasSizeBetween(1, 2);
            rest.addAll(ids(page));
            cursor = page.json().has("nextCursor") ? page.json().path("nextCursor").asText() : null;
            assertThat(++pages).isLessThan(100);
        }
        assertThat(rest).isEqualTo(all.subList(2, all.size()));
        assertThat(ids(http.get("/api/approvals?limit=2", token(OTHER))).get(0)).isEqualTo(late);
    }

    @Test
    void qFindsTheDocumentsWhoseTitleContainsItAsWrittenInAnyCase() {
        String marker = "Q" + System.nanoTime();
        String server = submit("서버 증설 " + marker + " (Rack.A)");
        String budget = submit("예산 " + marker.toLowerCase() + " 검토");
        String others = submitAs(OTHER, "남의 " + marker, LEAD);
        String path = "/api/approvals?q=";
        Response found = http.get(path + marker, token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", found);
        // the drafter's own box only, newest first, whatever the case
        assertThat(ids(found)).containsExactly(budget, server).doesNotContain(others);
        // pattern characters are text: "(Rack.A)" matches, ".*" matches nothing
        assertThat(ids(http.get(path + "%28rack.a%29", token(DRAFTER)))).containsExactly(server);
        assertThat(ids(http.get(path + ".*" + marker, token(DRAFTER)))).isEmpty();
        // narrowed further by box: the lead finds the other drafter's document on their line
        assertThat(ids(http.get(path + marker + "&box=approver", token(LEAD)))).contains(others, server, budget);
        // and the number, once it has one
        String number = "GEN-2099-" + marker.substring(1);
        approvals().updateOne(com.mongodb.client.model.Filters.eq("_id", budget),
                com.mongodb.client.model.Updates.set("number", number));
        assertThat(ids(http.get(path + number.toLowerCase(), token(DRAFTER)))).containsExactly(budget);
        assertProblem(http.get(path + "x".repeat(101), token(DRAFTER)), 400);
    }

    @Test
    void whoReadTheDocumentIsKeptOnceEachNotTheDrafterNorWhoMayNotReadIt() {
        String id = submit("열람 기록");
        assertThat(http.get("/api/approvals/" + id, token(DRAFTER)).json().has("readBy")).isFalse();
        assertThat(http.get("/api/approvals/" + id, token(LEAD)).status()).isEqualTo(200);
        assertThat(http.get("/api/approvals/" + id, token(LEAD)).status()).isEqualTo(200);
        assertThat(http.get("/api/approvals/" + id, token(OTHER)).status()).isEqualTo(403);
        assertThat(http.get("/api/approvals/" + id, token(HEAD)).status()).isEqualTo(200);

        Response page = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + id, page);
        assertThat(page.json().path("readBy").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(page.json().path("readBy").get(0).path("at").asText()).isNotBlank();
    }

    @Test
    void theFormAndTheDaysOfSubmissionNarrowTheList() {
        String marker = "F" + System.nanoTime();
        String general = submit("일반 " + marker);
        String claim = submit("지출 " + marker);
        // the claim an expense, submitted half an hour into 2025-03-01 in Seoul (still February in UTC)
        approvals().updateOne(com.mongodb.client.model.Filters.eq("_id", claim), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("type", "EXPENSE"),
                com.mongodb.client.model.Updates.set("submittedAt",
                        java.util.Date.from(java.time.Instant.parse("2025-02-28T15:30:00Z")))));
        String path = "/api/approvals?q=" + marker;
        Response expenses = http.get(path + "&type=EXPENSE", token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", expenses);
        assertThat(ids(expenses)).containsExactly(claim);
        assertThat(ids(http.get(path + "&type=GENERAL", token(DRAFTER)))).containsExactly(general);
        // the company's calendar decides the day
        assertThat(ids(http.get(path + "&from=2025-03-01&to=2025-03-01", token(DRAFTER)))).containsExactly(claim);
        assertThat(ids(http.get(path + "&to=2025-02-28", token(DRAFTER)))).isEmpty();
        assertThat(ids(http.get(path + "&from=2025-03-02", token(DRAFTER)))).containsExactly(general);
        assertThat(ids(http.get(path + "&from=2025-01-01&type=EXPENSE", token(DRAFTER)))).containsExactly(claim);

        Response backwards = http.get(path + "&from=2025-03-02&to=2025-03-01", token(DRAFTER));
        assertThat(assertProblem(backwards, 400).path("errors").findValuesAsText("field")).contains("from");
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", backwards);
        assertThat(assertProblem(http.get(path + "&from=2025-13-01", token(DRAFTER)), 400).path("errors")
                .findValuesAsText("field")).contains("from");
        assertThat(assertProblem(http.get(path + "&type=MEMO", token(DRAFTER)), 400).path("errors")
                .findValuesAsText("field")).contains("type");
    }

    @Test
    void requestHeadersNamedLikeParametersAreNotTakenForThem() {
        String mine = submit("헤더 위장");
        String others = submitAs(OTHER, "남의 문서", LEAD);
        // limit 0 would be refused as a parameter; as a header it must not reach the list unvalidated
        Response spoofed = http.send(http.request("/api/approvals", token(DRAFTER))
                .header("limit", "0").header("box", "approver").GET().build());
        assertThat(ids(spoofed)).contains(mine);
        // the query string's value, not mixed with a header's
        Response both = http.send(http.request("/api/approvals?limit=1", token(DRAFTER)).header("limit", "100").GET().build());
        assertThat(ids(both)).hasSize(1);
        // a header named like the path's parameter does not change the document asked for
        Response path = http.send(http.request("/api/approvals/" + mine, token(DRAFTER)).header("approvalId", others).GET().build());
        assertThat(path.json().path("id").asText()).isEqualTo(mine);
    }

    @Test
    void theApproverBoxListsTheDocumentsOnWhoseLineTheCallerIsAndStatusNarrowsIt() {
        String toDrafter = submitAs(OTHER, "김민준 결재 요청", DRAFTER);
        String byDrafter = submit("김민준 기안");

        List<String> box = ids(http.get("/api/approvals?box=approver&limit=100", token(DRAFTER)));
        assertThat(box).contains(toDrafter).doesNotContain(byDrafter);
        assertThat(ids(http.get("/api/approvals?box=approver&limit=100", token(HEAD)))).contains(byDrafter)
                .doesNotContain(toDrafter);
        assertThat(ids(http.get("/api/approvals?box=drafted&limit=100", token(DRAFTER)))).contains(byDrafter)
                .doesNotContain(toDrafter);

        assertThat(ids(http.get("/api/approvals?box=approver&status=SUBMITTED&limit=100", token(DRAFTER)))).contains(toDrafter);
        assertThat(ids(http.get("/api/approvals?box=approver&status=APPROVED&limit=100", token(DRAFTER))))
                .doesNotContain(toDrafter);
    }

    @Test
    void administratorsSeeEveryDocumentInBoxAllWithItsDrafterNobodyElseDoes() {
        String mine = submit("전사 문서함 김민준");
        String theirs = submitAs(OTHER, "전사 문서함 최유진", DRAFTER);

        Response all = http.get("/api/approvals?box=all&limit=100&q=" + java.net.URLEncoder.encode("전사 문서함",
                java.nio.charset.StandardCharsets.UTF_8), adminToken());
        assertThat(all.status()).as("%s", all).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", all);
        assertThat(ids(all)).contains(mine, theirs);
        JsonNode item = all.json().path("items").get(0);
        assertThat(item.path("drafter").path("name").asText()).isIn(DRAFTER.name(), OTHER.name());
        // every box's items name their drafter
        assertThat(http.get("/api/approvals?box=approver&limit=100", token(DRAFTER)).json().path("items")
                .findValuesAsText("name")).contains(OTHER.name());

        Response refused = http.get("/api/approvals?box=all", token(DRAFTER));
        assertThat(assertProblem(refused, 403).path("detail").asText()).contains("administrators");
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", refused);
    }

    @Test
    void aDepartmentHeadSeesAndReadsEveryDocumentOfTheirDepartmentInBoxDepartmentNobodyElseDoes() {
        // the head is on neither line (a small expense, which the lead decides alone)
        Response small = http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "부서 문서함 개발",
                "approverIds", List.of(LEAD.id()), "expense", Map.of("amount", 300_000, "category", "MEAL", "spentOn",
                        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).minusDays(1).toString())));
        assertThat(small.status()).as("%s", small).isEqualTo(202);
        String ours = small.json().path("id").asText();
        String theirs = submitAs(OTHER, "부서 문서함 영업", DRAFTER);

        Response box = http.get("/api/approvals?box=department&limit=100&q=" + java.net.URLEncoder.encode("부서 문서함",
                java.nio.charset.StandardCharsets.UTF_8), token(HEAD));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", box);
        assertThat(ids(box)).contains(ours).doesNotContain(theirs);
        assertThat(http.get("/api/approvals/" + ours, token(HEAD)).status()).isEqualTo(200);
        // another department's head would be a head too, but not of this department: the sales document stays closed
        assertProblem(http.get("/api/approvals/" + theirs, token(HEAD)), 403);

        assertThat(assertProblem(http.get("/api/approvals?box=department", token(LEAD)), 403).path("detail").asText())
                .contains("department head");
        assertProblem(http.get("/api/approvals?box=department", token(DRAFTER)), 403);
        // a colleague of the drafter who is not on the line still may not read it
        assertProblem(http.get("/api/approvals/" + ours, token(OTHER)), 403);

        // the org chart decides, not the rank: a former head (position DEPT_HEAD still, another named since, so their
        // token says they head nothing) reads none of it; a head whose rank is another reads it
        String former = com.erp.routes.testing.TestPeople.token(tokens, HEAD, 0, false);
        assertProblem(http.get("/api/approvals/" + ours, former), 403);
        assertProblem(http.get("/api/approvals?box=department", former), 403);
        assertProblem(http.get("/api/reports/approvals", former), 403);
        com.erp.routes.common.events.Person actingHead = new com.erp.routes.common.events.Person(HEAD.id() + 500,
                "본부장 대행", "TEAM_LEAD", HEAD.department());
        String named = com.erp.routes.testing.TestPeople.token(tokens, actingHead, 0, true);
        assertThat(http.get("/api/approvals/" + ours, named).status()).isEqualTo(200);
        assertThat(ids(http.get("/api/approvals?box=department&limit=100&q=" + java.net.URLEncoder.encode("부서 문서함",
                java.nio.charset.StandardCharsets.UTF_8), named))).contains(ours).doesNotContain(theirs);
    }

    @Test
    void aDeputyKeepsTheDocumentInTheApproverBoxAfterTheirStepWasSentBack() {
        String decided = submit("대결 후 전단계 반려");
        String untouched = submit("대결 없음");
        // as the record route leaves it: OTHER decided step 1 for LEAD, then step 2 sent it back, which cleared the
        // line's deputy; only the history says OTHER took part
        approvals().updateOne(new Document("_id", decided), new Document("$push", new Document("history",
                new Document("eventId", "e-deputy").append("type", "APPROVED").append("step", 1).append("at", new Date())
                        .append("actor", new Document("id", OTHER.id()).append("name", OTHER.name()))
                        .append("onBehalfOf", new Document("id", LEAD.id()).append("name", LEAD.name())))));
        assertThat(approvals().find(new Document("_id", decided).append("line.deputy.id", OTHER.id())).first()).isNull();

        assertThat(ids(http.get("/api/approvals?box=approver&limit=100", token(OTHER)))).contains(decided)
                .doesNotContain(untouched);
        // acting for nobody (the drafter's submission) puts no document in one's approver box
        assertThat(ids(http.get("/api/approvals?box=approver&limit=100", token(DRAFTER)))).doesNotContain(decided, untouched);
    }

    @Test
    void badListParametersAreNamed() {
        Map<String, String> bad = Map.of(
                "cursor=bm90LWEtY3Vyc29y", "cursor", // well-formed, but not a cursor this API gave
                "cursor=not%20url-safe", "cursor",
                // an inbox's cursor (whom an item is for) is not a document list's
                "cursor=" + new PageCursor(Instant.now(), UUID.randomUUID().toString(), 1002).encode(), "cursor",
                "box=everyone", "box",
                "status=DONE", "status",
                "limit=0", "limit");
        bad.forEach((query, field) -> {
            Response r = http.get("/api/approvals?" + query, token(DRAFTER));
            assertThat(assertProblem(r, 400).path("errors").findValuesAsText("field")).as(query).contains(field);
            assertMatchesContract(CONTRACT, "GET", "/api/approvals", r);
        });
    }

    private static Response assertProblemResponse(Response r, int status) {
        assertProblem(r, status);
        return r;
    }
}
