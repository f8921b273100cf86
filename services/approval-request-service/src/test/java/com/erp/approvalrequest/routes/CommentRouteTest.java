package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 의견: POST /api/approvals/{id}/comments on the real broker and MongoDB-wire server. */
class CommentRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String submitWithCc(String title) {
        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", title,
                "approverIds", List.of(LEAD.id(), HEAD.id()), "ccIds", List.of(OTHER.id())));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        return r.json().path("id").asText();
    }

    /** As the record leaves it once processing has asked the lead (the step-activated event, without processing). */
    private void leadAsked(String id) {
        approvals().updateOne(Filters.eq("_id", id), Updates.set("line.0.status", "PENDING"));
    }

    private Response comment(String token, String id, Object body) {
        return http.post("/api/approvals/" + id + "/comments", token, body);
    }

    private JsonNode commented(String id, int count) throws Exception {
        return JSON.readTree(kafka.awaitKey("approval.commented", id, count).get(count - 1).value());
    }

    @Test
    void theCommentIsKeptAndThePeopleConcernedAreToldNotItsAuthorNorThoseWhoseStepHasNotCome() throws Exception {
        String id = submitWithCc("의견 문서");
        leadAsked(id);

        Response byLead = comment(token(LEAD), id, Map.of("text", "  첨부 자료를 보완해 주세요  "));
        assertThat(byLead.status()).as("%s", byLead).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/comments", byLead);
        assertThat(byLead.json().path("text").asText()).isEqualTo("첨부 자료를 보완해 주세요");
        assertThat(byLead.json().path("author").path("name").asText()).isEqualTo(LEAD.name());

        JsonNode event = commented(id, 1);
        assertThat(event.path("payload").path("text").asText()).isEqualTo("첨부 자료를 보완해 주세요");
        // the drafter and the person in cc; not the lead who wrote it, not the head whose step has not come
        assertThat(event.path("payload").path("audience").findValuesAsText("name"))
                .containsExactly(DRAFTER.name(), OTHER.name());

        assertThat(comment(token(DRAFTER), id, Map.of("text", "보완했습니다")).status()).isEqualTo(201);
        assertThat(commented(id, 2).path("payload").path("audience").findValuesAsText("name"))
                .containsExactly(LEAD.name(), OTHER.name());

        Response view = http.get("/api/approvals/" + id, token(OTHER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + id, view);
        assertThat(view.json().path("comments").findValuesAsText("text")).containsExactly("첨부 자료를 보완해 주세요", "보완했습니다");
        // published from the outbox, which is empty again, its mark gone
        await(() -> {
            Document doc = approvals().find(Filters.eq("_id", id)).first();
            return doc.getList("outbox", Document.class).isEmpty() && !doc.containsKey(ApprovalDocuments.OUTBOX_MARK);
        });
    }

    private Response keyedComment(String token, String id, String text, String key) {
        try {
            return http.send(http.request("/api/approvals/" + id + "/comments", token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("text", text)))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A comment sent again with its Idempotency-Key (a retry after a timeout) is kept and told once; at once too. */
    @Test
    void aCommentSentAgainWithItsIdempotencyKeyIsKeptAndToldOnce() throws Exception {
        String id = submitWithCc("재전송 의견");
        Response first = keyedComment(token(DRAFTER), id, "한 번만", "c-1");
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        Response again = keyedComment(token(DRAFTER), id, "한 번만", "c-1");
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/comments", again);
        assertThat(again.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        // the same key of someone else is theirs
        assertThat(keyedComment(token(OTHER), id, "제 의견", "c-1").json().path("id").asText())
                .isNotEqualTo(first.json().path("id").asText());
        List<Response> both = com.erp.routes.testing.Concurrently.run(List.of(
                () -> keyedComment(token(DRAFTER), id, "동시에", "c-2"), () -> keyedComment(token(DRAFTER), id, "동시에", "c-2")));
        assertThat(both).extracting(Response::status).containsOnly(201);

        assertThat(http.get("/api/approvals/" + id, token(DRAFTER)).json().path("comments").findValuesAsText("text"))
                .containsExactly("한 번만", "제 의견", "동시에");
        assertThat(kafka.await("approval.commented", r -> id.equals(r.key()), 4, java.time.Duration.ofSeconds(5)))
                .as("one event per comment kept").hasSize(3);
    }

    @Test
    void anOlderEntryStillPendingKeepsTheOutboxMarkItHad() {
        String id = submit("의견 순서");
        await(() -> approvals().find(Filters.eq("_id", id)).first().getList("outbox", Document.class).isEmpty());
        // an entry of this document the relay has still to publish, older than the comment (Kafka was away, say)
        String olderMark = ApprovalDocuments.outboxMark(id, java.time.Instant.now().minusSeconds(3600));
        Document older = new Document("eventId", "older-" + id).append("topic", "approval.test-pending")
                .append("payload", "{}").append("createdAt", new Date());
        approvals().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("outbox", List.of(older)),
                Updates.set(ApprovalDocuments.OUTBOX_MARK, olderMark)));
        try {
            assertThat(comment(token(DRAFTER), id, Map.of("text", "순서 확인")).status()).isEqualTo(201);
            // the comment's entry is published and gone; the older one waits, and the relay still finds it first
            await(() -> approvals().find(Filters.eq("_id", id)).first().getList("outbox", Document.class).size() == 1);
            Document doc = approvals().find(Filters.eq("_id", id)).first();
            assertThat(doc.getList("outbox", Document.class).get(0).getString("eventId")).isEqualTo("older-" + id);
            assertThat(doc.getString(ApprovalDocuments.OUTBOX_MARK)).isEqualTo(olderMark);
        } finally {
            approvals().updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("outbox", List.of()),
                    Updates.unset(ApprovalDocuments.OUTBOX_MARK)));
        }
    }

    @Test
    void onlyItsReadersCommentAndOnlyWithText() {
        String id = submit("의견 권한");
        assertThat(assertProblem(comment(token(OTHER), id, Map.of("text", "남의 문서")), 403).path("detail").asText())
                .contains("read");
        assertThat(assertProblem(comment(token(DRAFTER), id, Map.of("text", "   ")), 400)
                .path("errors").findValuesAsText("field")).containsExactly("/text");
        assertProblem(comment(token(DRAFTER), id, Map.of()), 400);
        assertProblem(comment(token(DRAFTER), id, Map.of("text", "x".repeat(2001))), 400);
        assertProblem(comment(null, id, Map.of("text", "누구")), 401);
        assertProblem(comment(token(DRAFTER), "00000000-0000-0000-0000-000000000000", Map.of("text", "없음")), 404);
        // an administrator reads every document, so may comment
        assertThat(comment(adminToken(), id, Map.of("text", "관리자 확인")).status()).isEqualTo(201);
        assertThat(approvals().find(Filters.eq("_id", id)).first().getList("comments", Document.class)).hasSize(1);
    }

    /** A flood by one reader is slowed (each comment tells everyone concerned); others still comment. */
    @Test
    void onePersonAddsAFewCommentsAMinuteToADocument() throws Exception {
        String id = submit("의견 도배");
        leadAsked(id);
        for (int i = 0; i < ApprovalDocuments.COMMENTS_PER_MINUTE; i++) {
            assertThat(comment(token(DRAFTER), id, Map.of("text", "의견 " + i)).status()).isEqualTo(201);
        }
        Response slowed = comment(token(DRAFTER), id, Map.of("text", "하나 더"));
        assertThat(assertProblem(slowed, 429).path("detail").asText()).contains("last minute");
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + id + "/comments", slowed);
        assertThat(Integer.parseInt(slowed.header("Retry-After"))).isBetween(1, 61);
        assertThat(comment(token(LEAD), id, Map.of("text", "다른 사람")).status()).isEqualTo(201);
        assertThat(approvals().find(Filters.eq("_id", id)).first().getList("comments", Document.class))
                .hasSize(ApprovalDocuments.COMMENTS_PER_MINUTE + 1);
        // a minute on (by the times the update keeps, which both the check and the update go by), the author
        // comments again
        Date minuteAgo = new Date(System.currentTimeMillis() - 61_000);
        approvals().updateOne(Filters.eq("_id", id), Updates.set("commentRate." + DRAFTER.id() + ".0", minuteAgo));
        assertThat(comment(token(DRAFTER), id, Map.of("text", "1분 뒤")).status()).isEqualTo(201);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ApprovalDocuments approvalDocuments;

    /**
     * The update itself holds the limit, whatever the document was read as: after five comments of the author's kept
     * within the minute by others' requests, a comment prepared before them is not kept; once the oldest is a minute old,
     * it is.
     */
    @Test
    void theUpdateKeepsACommentOnlyWithinTheAuthorsLimit() throws Exception {
        String id = submit("의견 갱신 조건");
        leadAsked(id);
        Document read = approvals().find(Filters.eq("_id", id)).first();
        ApprovalDocuments.PendingComment pending = approvalDocuments.comment(read, new com.erp.routes.common.security
                .Caller(DRAFTER.id(), "drafter", DRAFTER.name(), DRAFTER.department(), DRAFTER.position(),
                java.util.Set.of("EMPLOYEE")), false, new com.erp.approvalrequest.api.CommentRequest("늦은 의견"), null);
        long now = System.currentTimeMillis();
        List<Date> fiveRecent = java.util.stream.IntStream.range(0, ApprovalDocuments.COMMENTS_PER_MINUTE)
                .mapToObj(i -> new Date(now - 50_000 + i * 1_000L)).toList();
        approvals().updateOne(Filters.eq("_id", id), Updates.set("commentRate." + DRAFTER.id(), fiveRecent));
        List<org.bson.conversions.Bson> update = approvalDocuments.commentUpdate(pending);
        assertThat(approvals().updateOne(update.get(0), update.get(1)).getModifiedCount()).isZero();

        approvals().updateOne(Filters.eq("_id", id), Updates.set("commentRate." + DRAFTER.id() + ".0",
                new Date(now - 61_000)));
        assertThat(approvals().updateOne(update.get(0), update.get(1)).getModifiedCount()).isEqualTo(1);
        Document kept = approvals().find(Filters.eq("_id", id)).first();
        assertThat(kept.getList("comments", Document.class)).extracting(c -> c.getString("text")).containsExactly("늦은 의견");
        assertThat(kept.get("commentRate", Document.class).getList(String.valueOf(DRAFTER.id()), Date.class))
                .as("the latest five, oldest first").hasSize(ApprovalDocuments.COMMENTS_PER_MINUTE)
                .isSortedAccordingTo(java.util.Comparator.naturalOrder()).doesNotContain(new Date(now - 61_000));
    }

    /** Comments sent at the same moment are held to the limit too: each of them read the document before any was kept. */
    @Test
    void commentsSentAtOnceAreHeldToTheLimit() throws Exception {
        String id = submit("의견 동시");
        leadAsked(id);
        int sent = 3 * ApprovalDocuments.COMMENTS_PER_MINUTE;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(sent);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < sent; i++) {
                String text = "동시 " + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return comment(token(DRAFTER), id, Map.of("text", text));
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() != 201) {
                    assertThat(assertProblem(r, 429).path("detail").asText()).contains("last minute");
                    assertThat(r.header("Retry-After")).isNotNull();
                }
            }
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(ApprovalDocuments.COMMENTS_PER_MINUTE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(approvals().find(Filters.eq("_id", id)).first().getList("comments", Document.class))
                .hasSize(ApprovalDocuments.COMMENTS_PER_MINUTE);
    }

    @Test
    void aDocumentKeepsAtMostFiveHundredComments() throws Exception {
        String id = submit("의견 한도");
        List<Document> full = new ArrayList<>();
        for (int i = 0; i < ApprovalDocuments.MAX_COMMENTS; i++) {
            full.add(new Document("id", "c" + i).append("author", new Document("id", LEAD.id()).append("name", LEAD.name()))
                    .append("text", "의견 " + i).append("at", new Date()));
        }
        approvals().updateOne(Filters.eq("_id", id), Updates.set("comments", full));
        assertThat(assertProblem(comment(token(DRAFTER), id, Map.of("text", "하나 더")), 409).path("detail").asText())
                .contains("500");
        Document doc = approvals().find(Filters.eq("_id", id)).first();
        assertThat(doc.getList("comments", Document.class)).hasSize(ApprovalDocuments.MAX_COMMENTS);
        assertThat(kafka.await("approval.commented", r -> id.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
    }

    /** Readers off the line (cc here) cannot use up the room: the last 100 are the drafter's and the line's. */
    @Test
    void theLastCommentsADocumentKeepsAreItsDraftersAndItsLines() throws Exception {
        String id = submitWithCc("의견 몫");
        leadAsked(id);
        int othersRoom = ApprovalDocuments.MAX_COMMENTS - ApprovalDocuments.COMMENTS_KEPT_FOR_THE_LINE;
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < othersRoom - 1; i++) {
            many.add(new Document("id", "c" + i).append("author", new Document("id", OTHER.id()).append("name", OTHER.name()))
                    .append("text", "참조 의견 " + i).append("at", new Date()));
        }
        approvals().updateOne(Filters.eq("_id", id), Updates.set("comments", many));
        List<org.bson.conversions.Bson> lateUpdate = approvalDocuments.commentUpdate(approvalDocuments.comment(
                approvals().find(Filters.eq("_id", id)).first(), new com.erp.routes.common.security.Caller(OTHER.id(),
                        "other", OTHER.name(), OTHER.department(), OTHER.position(), java.util.Set.of("EMPLOYEE")), false,
                new com.erp.approvalrequest.api.CommentRequest("늦은 참조 의견"), null));
        // one more place for the reader in cc, then none
        assertThat(comment(token(OTHER), id, Map.of("text", "마지막 참조 의견")).status()).isEqualTo(201);
        assertThat(assertProblem(comment(token(OTHER), id, Map.of("text", "하나 더")), 409).path("detail").asText())
                .contains("drafter's and its approval line's");
        // the drafter and the lead still have theirs
        assertThat(comment(token(DRAFTER), id, Map.of("text", "기안자 의견")).status()).isEqualTo(201);
        assertThat(comment(token(LEAD), id, Map.of("text", "결재자 의견")).status()).isEqualTo(201);
        List<String> authors = approvals().find(Filters.eq("_id", id)).first().getList("comments", Document.class).stream()
                .skip(othersRoom - 1).map(c -> c.get("author", Document.class).get("id", Number.class).toString()).toList();
        assertThat(authors).containsExactly(String.valueOf(OTHER.id()), String.valueOf(DRAFTER.id()),
                String.valueOf(LEAD.id()));

        // the limit is the update's too: a reader's comment judged while there was room is not kept once there is none
        assertThat(approvals().updateOne(lateUpdate.get(0), lateUpdate.get(1)).getModifiedCount()).isZero();
    }
}
