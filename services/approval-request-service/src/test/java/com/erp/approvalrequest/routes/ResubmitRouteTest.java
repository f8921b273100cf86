package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 재기안: a rejected or withdrawn document submitted again, as a new document linked to the old one. */
class ResubmitRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    /** A document as record leaves it once processing rejected or withdrew it. */
    private String ended(String title, String status) {
        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", title, "body", "원래 내용",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "ccIds", List.of(OTHER.id())));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String id = r.json().path("id").asText();
        approvals().updateOne(new Document("_id", id), new Document("$set", new Document("status", status)));
        return id;
    }

    private Response resubmit(String token, String id, Map<String, Object> changes) {
        String path = "/api/approvals/" + id + "/resubmission";
        return changes == null
                ? http.send(http.request(path, token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build())
                : http.post(path, token, changes);
    }

    @Test
    void aRejectedDocumentIsResubmittedWithItsChangesAsANewLinkedDocumentOnce() throws Exception {
        String old = ended("예산 신청", "REJECTED");

        Response r = resubmit(token(DRAFTER), old, Map.of("title", "예산 신청 (수정)"));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals/" + old + "/resubmission", r);
        String id = r.json().path("id").asText();
        assertThat(id).isNotEqualTo(old);
        assertThat(r.header("Location")).isEqualTo("/api/approvals/" + id);

        // the new one: the change, and the rest copied; published like any submission
        JsonNode fresh = http.get("/api/approvals/" + id, token(DRAFTER)).json();
        assertThat(fresh.path("title").asText()).isEqualTo("예산 신청 (수정)");
        assertThat(fresh.path("body").asText()).isEqualTo("원래 내용");
        assertThat(fresh.path("line").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(fresh.path("cc").findValuesAsText("name")).containsExactly(OTHER.name());
        assertThat(fresh.path("resubmissionOf").asText()).isEqualTo(old);
        assertThat(fresh.path("status").asText()).isEqualTo("SUBMITTED");
        JsonNode event = com.erp.routes.testing.HttpTestClient.JSON.readTree(kafka.awaitKey("approval.submitted", id, 1).get(0).value());
        assertThat(event.path("payload").path("title").asText()).isEqualTo("예산 신청 (수정)");
        // the old one points at it
        Response before = http.get("/api/approvals/" + old, token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + old, before);
        assertThat(before.json().path("resubmittedAs").asText()).isEqualTo(id);

        // once
        long count = approvals().countDocuments();
        assertThat(assertProblem(resubmit(token(DRAFTER), old, null), 409).path("detail").asText()).contains(id);
        assertThat(approvals().countDocuments()).isEqualTo(count);
    }

    @Test
    void aFormsPartIsCopiedUnlessTheResubmissionGivesAnother() {
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).minusDays(1).toString();
        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "교육비",
                "approverIds", List.of(LEAD.id()), "expense", Map.of("amount", 300000, "category", "EDUCATION", "spentOn", yesterday)));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String old = r.json().path("id").asText();
        approvals().updateOne(new Document("_id", old), new Document("$set", new Document("status", "REJECTED")));

        JsonNode copied = http.get("/api/approvals/" + resubmit(token(DRAFTER), old, null).json().path("id").asText(),
                token(DRAFTER)).json();
        assertThat(copied.path("type").asText()).isEqualTo("EXPENSE");
        assertThat(List.of(copied.path("expense").path("amount").asLong(), copied.path("expense").path("category").asText(),
                copied.path("expense").path("spentOn").asText())).containsExactly(300000L, "EDUCATION", yesterday);

        approvals().updateOne(new Document("_id", copied.path("id").asText()),
                new Document("$set", new Document("status", "WITHDRAWN")));
        Response again = resubmit(token(DRAFTER), copied.path("id").asText(),
                Map.of("expense", Map.of("amount", 250000, "category", "EDUCATION", "spentOn", yesterday)));
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(http.get("/api/approvals/" + again.json().path("id").asText(), token(DRAFTER)).json()
                .path("expense").path("amount").asLong()).isEqualTo(250000);
        // a part of another form is refused, as on a first submission
        approvals().updateOne(new Document("_id", again.json().path("id").asText()),
                new Document("$set", new Document("status", "REJECTED")));
        assertProblem(resubmit(token(DRAFTER), again.json().path("id").asText(),
                Map.of("trip", Map.of("destination", "대전", "startDate", yesterday, "endDate", yesterday))), 422);
    }

    @Test
    void aWithdrawnDocumentIsResubmittedAsItWasWithoutABody() {
        String old = ended("출장 신청", "WITHDRAWN");
        Response r = resubmit(token(DRAFTER), old, null);
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        JsonNode fresh = http.get("/api/approvals/" + r.json().path("id").asText(), token(DRAFTER)).json();
        assertThat(fresh.path("title").asText()).isEqualTo("출장 신청");
        assertThat(fresh.path("line").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
    }

    @Test
    void onlyTheDrafterResubmitsOnlyAFinishedUnapprovedDocumentAndABadChangeStoresNothing() {
        String rejected = ended("권한 테스트", "REJECTED");
        assertThat(assertProblem(resubmit(token(LEAD), rejected, null), 403).path("detail").asText()).contains("drafter");
        assertProblem(resubmit(token(OTHER), rejected, null), 403);
        assertProblem(resubmit(null, rejected, null), 401);
        assertProblem(resubmit(token(DRAFTER), "00000000-0000-0000-0000-000000000000", null), 404);

        String inProgress = ended("진행 중", "IN_PROGRESS");
        assertThat(assertProblem(resubmit(token(DRAFTER), inProgress, null), 409).path("detail").asText())
                .contains("in_progress");
        String approved = ended("승인됨", "APPROVED");
        assertProblem(resubmit(token(DRAFTER), approved, null), 409);

        // a change that breaks the rules stores nothing and links nothing: it can still be resubmitted
        assertThat(assertProblem(resubmit(token(DRAFTER), rejected, Map.of("approverIds", List.of(DRAFTER.id()))), 422)
                .path("detail").asText()).contains("own document");
        assertThat(assertProblem(resubmit(token(DRAFTER), rejected, Map.of("urgent", true)), 400)
                .path("errors").findValuesAsText("field")).contains("/urgent");
        // 결재권한: the head decides a general document, not the lead alone
        assertThat(assertProblem(resubmit(token(DRAFTER), rejected, Map.of("approverIds", List.of(LEAD.id()))), 422)
                .path("detail").asText()).contains(HEAD.name());
        assertThat(approvals().find(new Document("_id", rejected)).first().containsKey("resubmittedAs")).isFalse();
        assertThat(resubmit(token(DRAFTER), rejected, Map.of("approverIds", List.of(HEAD.id()))).status()).isEqualTo(202);
    }

    /**
     * A line changed to hold two 합의 steps cannot be copied into a submission, which holds one: the drafter is asked
     * for the line rather than losing one without a word.
     */
    @Test
    void aLineWithTwoAgreementStepsIsNotCopiedWithOneLeftOut() {
        String old = ended("합의 둘", "REJECTED");
        List<Document> line = approvals().find(new Document("_id", old)).first().getList("line", Document.class);
        Document agreement = new Document("agreers", List.of(new Document("id", OTHER.id()).append("name", OTHER.name())));
        approvals().updateOne(new Document("_id", old), new Document("$set", new Document("line",
                List.of(agreement, line.get(0), agreement, line.get(1)))));

        assertThat(assertProblem(resubmit(token(DRAFTER), old, Map.of("title", "합의 둘 (수정)")), 422)
                .path("detail").asText()).contains("2 agreement");
        assertThat(approvals().find(new Document("_id", old)).first().containsKey("resubmittedAs")).isFalse();
        // the one agreement to keep, the approvers copied
        Response r = resubmit(token(DRAFTER), old, Map.of("agreement", Map.of("agreerIds", List.of(OTHER.id()),
                "position", 2)));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        Document fresh = approvals().find(new Document("_id", r.json().path("id").asText())).first();
        assertThat(fresh.getList("line", Document.class)).extracting(step -> step.containsKey("agreers"))
                .containsExactly(false, true, false);
    }

    @Test
    void racingResubmissionsMakeOneNewDocument() throws Exception {
        String old = ended("경합 재기안", "REJECTED");
        java.util.concurrent.Callable<Integer> call = () -> resubmit(token(DRAFTER), old, null).status();
        List<Integer> statuses = Concurrently.run(List.of(call, call, call, call));
        assertThat(statuses).containsOnly(202, 409).filteredOn(s -> s == 202).hasSize(1);
        assertThat(approvals().countDocuments(new Document("resubmissionOf", old))).isEqualTo(1);
    }

    @Test
    void whenTheNewDocumentCannotBeStoredTheOldOneIsFreeAgain() throws Exception {
        if (camel.getRoute("approval-request.resubmit").getProperties().get("store-fails") == null) {
            org.apache.camel.builder.AdviceWith.adviceWith(camel, "approval-request.resubmit", route ->
                    route.weaveById("store-resubmission").before().process(e -> {
                        if (e.getMessage().getBody(Document.class).getString("title").equals("저장 실패")) {
                            throw new com.mongodb.MongoSocketReadException("MongoDB went away (test)",
                                    new com.mongodb.ServerAddress());
                        }
                    }));
            camel.getRoute("approval-request.resubmit").getProperties().put("store-fails", true);
        }
        String old = ended("저장 실패", "REJECTED");
        Response failed = resubmit(token(DRAFTER), old, null);
        assertThat(failed.status()).as("%s", failed).isGreaterThanOrEqualTo(500);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat(approvals().find(new Document("_id", old)).first().containsKey("resubmittedAs")).isFalse();
        assertThat(approvals().countDocuments(new Document("resubmissionOf", old))).isZero();

        assertThat(resubmit(token(DRAFTER), old, Map.of("title", "저장 성공")).status()).isEqualTo(202);
    }

    @Test
    void whenTheReplyToStoringIsLostARetryFindsTheStoredOneAndLinksIt() throws Exception {
        if (camel.getRoute("approval-request.resubmit").getProperties().get("reply-lost") == null) {
            org.apache.camel.builder.AdviceWith.adviceWith(camel, "approval-request.resubmit", route ->
                    route.weaveById("store-resubmission").after().process(e -> {
                        if ("응답 유실".equals(e.getVariable("document", Document.class).getString("title"))) {
                            throw new com.mongodb.MongoSocketReadException("the reply was lost (test)",
                                    new com.mongodb.ServerAddress());
                        }
                    }));
            camel.getRoute("approval-request.resubmit").getProperties().put("reply-lost", true);
        }
        String old = ended("응답 유실", "WITHDRAWN");
        assertThat(resubmit(token(DRAFTER), old, null).status()).isGreaterThanOrEqualTo(500);
        Document stored = approvals().find(new Document("resubmissionOf", old)).first();
        assertThat(stored).as("stored before the reply was lost").isNotNull();

        // the retry: no second document, and the old one now shows the one that was stored
        assertThat(assertProblem(resubmit(token(DRAFTER), old, null), 409).path("detail").asText())
                .contains(stored.getString("_id"));
        assertThat(approvals().countDocuments(new Document("resubmissionOf", old))).isEqualTo(1);
        assertThat(approvals().find(new Document("_id", old)).first().getString("resubmittedAs"))
                .isEqualTo(stored.getString("_id"));
    }

    @Test
    void copiedCcGivesWayToANewLine() {
        String old = ended("참조 이동", "REJECTED"); // line LEAD, HEAD; cc OTHER
        Response r = resubmit(token(DRAFTER), old, Map.of("approverIds", List.of(OTHER.id(), HEAD.id())));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        JsonNode fresh = http.get("/api/approvals/" + r.json().path("id").asText(), token(DRAFTER)).json();
        assertThat(fresh.path("line").findValuesAsText("name")).containsExactly(OTHER.name(), HEAD.name());
        assertThat(fresh.path("cc").size()).isZero();
    }
}
