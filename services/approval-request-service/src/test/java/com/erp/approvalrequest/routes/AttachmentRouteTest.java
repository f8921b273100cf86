package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.erp.approvalrequest.persistence.MongoCollections;
import com.erp.routes.common.events.Person;
import com.erp.routes.testing.HttpTestClient.Download;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** 첨부파일 on the real MongoDB-wire server: uploaded, named by a submission, downloaded by the document's readers. */
class AttachmentRouteTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final String OCTETS = "application/octet-stream";

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b); // not text in any charset
        return b;
    }

    private Response upload(Person who, String name, byte[] body) {
        return http.post("/api/attachments", who == null ? null : token(who),
                Map.of("name", name, "content", Base64.getEncoder().encodeToString(body)));
    }

    private String uploaded(Person who, String name, byte[] body) {
        Response r = upload(who, name, body);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private Response submitWith(Person drafter, String title, List<String> attachmentIds) {
        return http.post("/api/approvals", token(drafter), Map.of("type", "GENERAL", "title", title,
                "approverIds", List.of(LEAD.id(), HEAD.id()), "attachmentIds", attachmentIds));
    }

    @Test
    void aFileUploadedIsAttachedAtSubmissionAndDownloadedByTheDocumentsReaders() {
        byte[] receipt = bytes(3 * 1024 * 1024 + 17, 1);
        Response up = upload(DRAFTER, "C:\\scans\\1월 영수증.PNG", receipt);
        assertThat(up.status()).as("%s", up).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/attachments", up);
        String fileId = up.json().path("id").asText();
        assertThat(up.json().path("name").asText()).isEqualTo("1월 영수증.PNG");
        assertThat(up.json().path("contentType").asText()).isEqualTo("image/png");
        assertThat(up.json().path("size").asLong()).isEqualTo(receipt.length);
        String notes = uploaded(DRAFTER, "notes.json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        Response submitted = submitWith(DRAFTER, "영수증 첨부", List.of(fileId, notes));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        Response page = http.get("/api/approvals/" + id, token(LEAD));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + id, page);
        JsonNode files = page.json().path("attachments");
        assertThat(files.findValuesAsText("id")).containsExactly(fileId, notes);
        assertThat(files.get(0).path("size").asLong()).isEqualTo(receipt.length);

        // the approver downloads the very bytes, with its type and name
        Download got = http.download("/api/approvals/" + id + "/attachments/" + fileId, token(LEAD));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(receipt);
        assertThat(got.header("Content-Type")).startsWith("image/png");
        assertThat(got.header("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''1%EC%9B%94%20%EC%98%81%EC%88%98%EC%A6%9D.PNG");
        assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
        // a JSON file is sent as bytes, not re-encoded by the REST binding
        Download json = http.download("/api/approvals/" + id + "/attachments/" + notes, token(DRAFTER));
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(json.header("Content-Type")).startsWith(OCTETS);

        // someone who may not read the document may not download its files either
        assertThat(http.download("/api/approvals/" + id + "/attachments/" + fileId, token(OTHER)).status()).isEqualTo(403);
        assertThat(http.download("/api/approvals/" + id + "/attachments/" + fileId, null).status()).isEqualTo(401);
        // a file that is not on the document, even one of the drafter's
        String elsewhere = uploaded(DRAFTER, "other.pdf", bytes(10, 2));
        Download missing = http.download("/api/approvals/" + id + "/attachments/" + elsewhere, token(DRAFTER));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void onlyTheUploaderAttachesAFileAndBadUploadsAreProblems() {
        String mine = uploaded(DRAFTER, "계약서.pdf", bytes(100, 3));
        Response theirs = http.post("/api/approvals", token(OTHER), Map.of("type", "GENERAL", "title", "남의 파일",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "attachmentIds", List.of(mine)));
        assertThat(assertProblem(theirs, 422).path("detail").asText()).contains(mine);
        assertThat(approvals().countDocuments(new Document("title", "남의 파일"))).isZero();
        assertThat(assertProblem(submitWith(DRAFTER, "없는 파일", List.of("00000000-0000-0000-0000-000000000000")), 422)
                .path("detail").asText()).contains("upload it first");

        assertProblem(upload(null, "a.pdf", bytes(10, 4)), 401);
        // over 5 MB: refused (by the contract's base64 length, or to the byte); a request over 8 MB is not even read
        assertThat(assertProblem(upload(DRAFTER, "big.zip", bytes(5 * 1024 * 1024 + 1, 5)), 422).path("detail").asText())
                .contains("at most 5242880");
        Response tooLarge = upload(DRAFTER, "bigger.zip", bytes(5 * 1024 * 1024 + 512 * 1024, 5));
        assertThat(assertProblem(tooLarge, 400).path("errors").findValuesAsText("field")).contains("/content");
        assertMatchesContract(CONTRACT, "POST", "/api/attachments", tooLarge);
        Response huge = upload(DRAFTER, "huge.zip", bytes(7 * 1024 * 1024, 6));
        assertProblem(huge, 413);
        assertMatchesContract(CONTRACT, "POST", "/api/attachments", huge);
        // the same request elsewhere is held to the usual 1 MB
        assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "x",
                "body", Base64.getEncoder().encodeToString(bytes(2 * 1024 * 1024, 7)))), 413);
        assertThat(assertProblem(http.post("/api/attachments", token(DRAFTER), Map.of("name", "a.pdf", "content", "@@@")),
                400).path("errors").findValuesAsText("field")).contains("/content");
        Response nameless = http.post("/api/attachments", token(DRAFTER), Map.of("content", "AAAA"));
        assertThat(assertProblem(nameless, 400).path("errors").findValuesAsText("field")).contains("/name");
        assertThat(assertProblem(upload(DRAFTER, "../", bytes(10, 8)), 400).path("errors").findValuesAsText("field"))
                .contains("name");
    }

    @Test
    void aFileNeverSubmittedIsRemovedOnceItsTimeIsUpAndOneOnADocumentIsKept() {
        String forgotten = uploaded(DRAFTER, "잊은 파일.pdf", bytes(100, 9));
        String used = uploaded(DRAFTER, "보낸 파일.pdf", bytes(100, 10));
        String fresh = uploaded(DRAFTER, "방금 올린 파일.pdf", bytes(100, 11));
        assertThat(submitWith(DRAFTER, "파일 정리", List.of(used)).status()).isEqualTo(202);
        // the first two uploaded two days ago
        var files = mongo.getDatabase("erp").getCollection("attachments");
        for (String id : List.of(forgotten, used)) {
            files.updateOne(new Document("_id", id), new Document("$set", new Document("uploadedAt",
                    java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))))));
        }
        // marked by its document when submitted: the cleanup leaves it
        assertThat(files.find(new Document("_id", used)).first().get("attachedTo")).isEqualTo(true);
        assertThat(files.find(new Document("_id", used)).first().getList("documents", String.class)).hasSize(1);
        await(() -> files.countDocuments(new Document("_id", forgotten)) == 0);
        assertThat(files.countDocuments(new Document("_id", used))).isEqualTo(1);
        assertThat(files.countDocuments(new Document("_id", fresh))).isEqualTo(1);
        // too late to attach the forgotten one
        assertProblem(submitWith(DRAFTER, "늦은 첨부", List.of(forgotten)), 422);
    }

    /**
     * The sync path cannot reach processing (none runs beside this service here): the document is taken back and the
     * answer is 503. Its files are no longer marked by it, so one no other document carries goes like any file never
     * submitted, while one an earlier document carries stays.
     */
    @Test
    void theFilesOfADocumentTakenBackAreKeptOnlyForTheDocumentsThatCarryThem() throws Exception {
        String alone = uploaded(DRAFTER, "되돌린 문서의 파일.pdf", bytes(100, 21));
        String shared = uploaded(DRAFTER, "먼저 낸 문서의 파일.pdf", bytes(100, 22));
        Response first = submitWith(DRAFTER, "먼저 낸 문서", List.of(shared));
        assertThat(first.status()).as("%s", first).isEqualTo(202);
        String firstId = first.json().path("id").asText();

        // a drafter who is an administrator may choose the sync path
        String drafterAdmin = TestPeople.token(tokens, DRAFTER, "EMPLOYEE", "ADMIN");
        Response refused = http.send(http.request("/api/approvals", drafterAdmin).header("Content-Type", "application/json")
                .header("X-Dispatch-Mode", "sync")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.erp.routes.testing.HttpTestClient.toJson(
                        Map.of("type", "GENERAL", "title", "되돌린 문서", "approverIds", List.of(LEAD.id(), HEAD.id()),
                                "attachmentIds", List.of(alone, shared))))).build());
        assertProblem(refused, 503);
        var files = mongo.getDatabase("erp").getCollection("attachments");
        Document aloneNow = files.find(new Document("_id", alone)).first();
        assertThat(aloneNow.getList("documents", String.class)).isEmpty();
        assertThat(aloneNow).as("no longer marked as submitted").doesNotContainKey("attachedTo");
        Document sharedNow = files.find(new Document("_id", shared)).first();
        assertThat(sharedNow.getList("documents", String.class)).containsExactly(firstId);
        assertThat(sharedNow.get("attachedTo")).isEqualTo(true);

        // both uploaded two days ago: the cleanup removes the one no document carries
        for (String id : List.of(alone, shared)) {
            files.updateOne(new Document("_id", id), new Document("$set", new Document("uploadedAt",
                    java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))))));
        }
        await(() -> files.countDocuments(new Document("_id", alone)) == 0);
        assertThat(files.countDocuments(new Document("_id", shared))).isEqualTo(1);
    }

    @Test
    void aPersonUploadsAtMostFiftyFilesADay() {
        var files = mongo.getDatabase("erp").getCollection("attachments");
        List<Document> earlier = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            earlier.add(new Document("_id", java.util.UUID.randomUUID().toString()).append("owner", OTHER.id())
                    .append("name", "f" + i).append("size", 1L).append("uploadedAt", new java.util.Date()));
        }
        files.insertMany(earlier);
        Response refused = upload(OTHER, "51번째.pdf", bytes(10, 12));
        assertThat(assertProblem(refused, 429).path("detail").asText()).contains("50 files");
        assertThat(refused.header("Retry-After")).isNotNull();
        // a day later, room again
        files.updateMany(new Document("owner", OTHER.id()), new Document("$set", new Document("uploadedAt",
                java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofHours(25))))));
        assertThat(upload(OTHER, "다음날.pdf", bytes(10, 13)).status()).isEqualTo(201);
    }

    private void uploadedDaysAgo(String... ids) {
        var files = mongo.getDatabase("erp").getCollection("attachments");
        for (String id : ids) {
            files.updateOne(new Document("_id", id), new Document("$set", new Document("uploadedAt",
                    java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))))));
        }
    }

    private long kept(String fileId) {
        return mongo.getDatabase("erp").getCollection("attachments").countDocuments(new Document("_id", fileId));
    }

    private static Map<String, Object> draftWith(String title, List<String> attachmentIds) {
        return Map.of("type", "GENERAL", "title", title, "form", Map.of("body", "쓰는 중"), "attachmentIds", attachmentIds);
    }

    @Test
    void aDraftKeepsItsFilesPastTheDayUntilItLetsThemGo() {
        String estimate = uploaded(DRAFTER, "견적서.pdf", bytes(300, 21));
        String photo = uploaded(DRAFTER, "사진.png", bytes(300, 22));
        String forgotten = uploaded(DRAFTER, "잊은 파일.pdf", bytes(300, 23));
        Response saved = http.post("/api/drafts", token(DRAFTER), draftWith("첨부 임시저장", List.of(estimate, photo)));
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/drafts", saved);
        String draft = saved.json().path("id").asText();
        assertThat(saved.json().path("attachments").findValuesAsText("name")).containsExactly("견적서.pdf", "사진.png");

        // all three uploaded two days ago: the draft's two stay, the other goes
        uploadedDaysAgo(estimate, photo, forgotten);
        await(() -> kept(forgotten) == 0);
        assertThat(kept(estimate)).isEqualTo(1);
        assertThat(kept(photo)).isEqualTo(1);

        // saved again without the photo: it goes, the estimate stays, the draft shows what it keeps
        Response again = http.put("/api/drafts/" + draft, token(DRAFTER), draftWith("첨부 임시저장", List.of(estimate)));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/drafts/" + draft, again);
        await(() -> kept(photo) == 0);
        assertThat(kept(estimate)).isEqualTo(1);
        assertThat(http.get("/api/drafts/" + draft, token(DRAFTER)).json().path("attachments").findValuesAsText("id"))
                .containsExactly(estimate);

        // taken up and submitted with its file, then deleted: the document keeps the file
        Response submitted = submitWith(DRAFTER, "첨부 임시저장", List.of(estimate));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        assertThat(http.delete("/api/drafts/" + draft, token(DRAFTER)).status()).isEqualTo(204);
        Download got = http.download("/api/approvals/" + submitted.json().path("id").asText() + "/attachments/" + estimate,
                token(LEAD));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(bytes(300, 21));
    }

    @Test
    void aDeletedDraftLetsItsFilesGoAndOnlyTheWritersOwnFilesAreKept() {
        String file = uploaded(DRAFTER, "초안.txt", bytes(50, 31));
        String othersFile = uploaded(OTHER, "남의 파일.txt", bytes(50, 32));
        String draft = http.post("/api/drafts", token(DRAFTER), draftWith("지울 초안", List.of(file))).json().path("id").asText();

        // another's file: 422, nothing saved; another's draft: 404, and their file is not marked by it
        assertThat(assertProblem(http.post("/api/drafts", token(DRAFTER), draftWith("남의 파일", List.of(othersFile))), 422)
                .path("detail").asText()).contains(othersFile);
        assertProblem(http.put("/api/drafts/" + draft, token(OTHER), draftWith("가로채기", List.of(othersFile))), 404);
        assertThat(mongo.getDatabase("erp").getCollection("attachments").find(new Document("_id", othersFile)).first()
                .get("drafts")).isNull();

        assertThat(http.delete("/api/drafts/" + draft, token(DRAFTER)).status()).isEqualTo(204);
        uploadedDaysAgo(file);
        await(() -> kept(file) == 0);
        // too late to take it up
        assertProblem(submitWith(DRAFTER, "늦은 첨부", List.of(file)), 422);
    }

    @Test
    void aResubmissionCarriesTheOldDocumentsFiles() {
        String file = uploaded(DRAFTER, "견적서.xlsx", bytes(2048, 8));
        Response first = submitWith(DRAFTER, "견적 검토", List.of(file));
        String old = first.json().path("id").asText();
        approvals().updateOne(new Document("_id", old), new Document("$set", new Document("status", "REJECTED")));
        Response again = http.post("/api/approvals/" + old + "/resubmission", token(DRAFTER), Map.of("title", "견적 검토 (2)"));
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        JsonNode fresh = http.get("/api/approvals/" + again.json().path("id").asText(), token(DRAFTER)).json();
        assertThat(fresh.path("attachments").findValuesAsText("name")).containsExactly("견적서.xlsx");
        assertThat(fresh.path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void aPersonUploadsAtMostAHundredMegabytesADay() {
        var files = mongo.getDatabase("erp").getCollection("attachments");
        long hundred = 100L * 1024 * 1024;
        // earlier today: two files 10 bytes short of the day's bytes (as stored, without their bytes)
        files.insertMany(List.of(
                new Document("_id", java.util.UUID.randomUUID().toString()).append("owner", HEAD.id()).append("name", "a")
                        .append("size", 60L * 1024 * 1024).append("uploadedAt", new java.util.Date()),
                new Document("_id", java.util.UUID.randomUUID().toString()).append("owner", HEAD.id()).append("name", "b")
                        .append("size", hundred - 60L * 1024 * 1024 - 10).append("uploadedAt", new java.util.Date())));
        Response over = upload(HEAD, "11바이트.txt", bytes(11, 41));
        assertThat(assertProblem(over, 429).path("detail").asText()).contains("104857600");
        assertThat(over.header("Retry-After")).isNotNull();
        // exactly the day's bytes is still room
        assertThat(upload(HEAD, "10바이트.txt", bytes(10, 42)).status()).isEqualTo(201);
        assertProblem(upload(HEAD, "1바이트.txt", bytes(1, 43)), 429);
    }

    /** Office's types are kept on download (their names hold "xml", which is no reason to send them as bytes). */
    @Test
    void anOfficeFileIsDownloadedWithItsOwnType() {
        byte[] report = bytes(4096, 51);
        String file = uploaded(DRAFTER, "보고서.docx", report);
        Response submitted = submitWith(DRAFTER, "보고서 검토", List.of(file));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        Download got = http.download("/api/approvals/" + submitted.json().path("id").asText() + "/attachments/" + file,
                token(LEAD));
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(report);
        assertThat(got.header("Content-Type"))
                .startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /**
     * A file is marked by its draft or document before that is stored; when the store fails, the mark names nothing.
     * The cleanup takes off such marks once they are old enough (here set back, as if 10 minutes had passed), so the
     * file goes like any never submitted; marks naming what is stored stay, and so do marks too fresh to judge.
     */
    @Test
    void marksNamingNothingStoredAreTakenOffSoTheirFilesGo() {
        String ghostly = uploaded(DRAFTER, "저장 안 된 초안의 파일.pdf", bytes(100, 61));
        String drafted = uploaded(DRAFTER, "초안의 파일.pdf", bytes(100, 62));
        String submitted = uploaded(DRAFTER, "낸 문서의 파일.pdf", bytes(100, 63));
        String fresh = uploaded(DRAFTER, "방금 표시된 파일.pdf", bytes(100, 64));
        String draft = http.post("/api/drafts", token(DRAFTER), draftWith("남는 초안", List.of(drafted)))
                .json().path("id").asText();
        Response doc = submitWith(DRAFTER, "남는 문서", List.of(submitted));
        assertThat(doc.status()).as("%s", doc).isEqualTo(202);
        String docId = doc.json().path("id").asText();
        var files = mongo.getDatabase("erp").getCollection("attachments");
        java.util.Date longAgo = java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        // as a draft's and a document's failed stores leave them: marked by ids nothing has
        files.updateOne(new Document("_id", ghostly), new Document("$set", new Document("drafts", List.of("never-stored"))
                .append("documents", List.of("never-stored-either")).append("attachedTo", true).append("markedAt", longAgo)));
        files.updateOne(new Document("_id", drafted), new Document("$set", new Document("markedAt", longAgo))
                .append("$push", new Document("drafts", "never-stored")));
        files.updateOne(new Document("_id", submitted), new Document("$set", new Document("markedAt", longAgo))
                .append("$push", new Document("documents", "never-stored")));
        files.updateOne(new Document("_id", fresh), new Document("$set", new Document("drafts", List.of("being-stored"))
                .append("markedAt", new java.util.Date())));
        uploadedDaysAgo(ghostly, drafted, submitted, fresh);

        await(() -> kept(ghostly) == 0);
        await(() -> !files.find(new Document("_id", submitted)).first().containsKey("markedAt"));
        Document draftedNow = files.find(new Document("_id", drafted)).first();
        assertThat(draftedNow.getList("drafts", String.class)).containsExactly(draft);
        assertThat(draftedNow).doesNotContainKey("markedAt");
        Document submittedNow = files.find(new Document("_id", submitted)).first();
        assertThat(submittedNow.getList("documents", String.class)).containsExactly(docId);
        assertThat(submittedNow.get("attachedTo")).isEqualTo(true);
        Document freshNow = files.find(new Document("_id", fresh)).first();
        assertThat(freshNow.getList("drafts", String.class)).containsExactly("being-stored");
        assertThat(freshNow).containsKey("markedAt");
    }

    /**
     * Files marked by a version before {@code markedAt}, their marks never looked at: the first start of this version
     * makes them due for the look once (a later start does not), so such a mark naming nothing stored goes too.
     */
    @Test
    void filesMarkedByAnEarlierVersionAreLookedAtOnceAfterTheUpgrade() {
        String ghostly = uploaded(DRAFTER, "예전 버전이 표시한 파일.pdf", bytes(100, 81));
        String later = uploaded(DRAFTER, "업그레이드 뒤의 파일.pdf", bytes(100, 82));
        var db = mongo.getDatabase("erp");
        var files = db.getCollection("attachments");
        // as the earlier version's failed store left it: marked by an id nothing has, and no markedAt
        files.updateOne(new Document("_id", ghostly), new Document("$set", new Document("documents",
                List.of("never-stored")).append("attachedTo", true)).append("$unset", new Document("markedAt", "")));
        uploadedDaysAgo(ghostly);
        // this version starting for the first time against that database
        db.getCollection("upgrades").deleteMany(new Document());
        new MongoCollections(mongo, "erp").upgraded().join();
        await(() -> kept(ghostly) == 0);

        // the next start leaves marks alone: what this version marks carries its own time to be looked at
        files.updateOne(new Document("_id", later), new Document("$set", new Document("documents",
                List.of("never-stored")).append("attachedTo", true)).append("$unset", new Document("markedAt", "")));
        new MongoCollections(mongo, "erp").upgraded().join();
        assertThat(files.find(new Document("_id", later)).first()).doesNotContainKey("markedAt");
    }

    @Test
    void aDraftNotSavedForAYearGoesAndItsFilesWithIt() {
        String old = uploaded(DRAFTER, "작년 초안의 파일.pdf", bytes(100, 71));
        String recent = uploaded(DRAFTER, "요즘 초안의 파일.pdf", bytes(100, 72));
        String oldDraft = http.post("/api/drafts", token(DRAFTER), draftWith("작년 초안", List.of(old)))
                .json().path("id").asText();
        String recentDraft = http.post("/api/drafts", token(DRAFTER), draftWith("요즘 초안", List.of(recent)))
                .json().path("id").asText();
        var drafts = mongo.getDatabase("erp").getCollection("drafts");
        drafts.updateOne(new Document("_id", oldDraft), new Document("$set", new Document("savedAt",
                java.util.Date.from(java.time.Instant.now().minus(java.time.Duration.ofDays(366))))));
        uploadedDaysAgo(old, recent);
        // their marks were looked at long ago (10 minutes after the drafts were saved)
        mongo.getDatabase("erp").getCollection("attachments").updateMany(new Document("_id", new Document("$in",
                List.of(old, recent))), new Document("$unset", new Document("markedAt", "")));

        await(() -> kept(old) == 0);
        assertProblem(http.get("/api/drafts/" + oldDraft, token(DRAFTER)), 404);
        assertThat(http.get("/api/drafts/" + recentDraft, token(DRAFTER)).json().path("attachments")
                .findValuesAsText("id")).containsExactly(recent);
        assertThat(kept(recent)).isEqualTo(1);
    }
}
