package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SubmitRouteTest extends ApprovalRequestRouteTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private static final String CONTRACT = "approval-request-api.yaml";
    // next year's second week of March: always open for leave, never today's, no public holiday (삼일절 is the 1st)
    private static final LocalDate FIRST_MONDAY = LocalDate.of(Year.now().getValue() + 1, 3, 8)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    private static final String MONDAY = FIRST_MONDAY.toString();
    private static final String WEDNESDAY = FIRST_MONDAY.plusDays(2).toString();
    private static final String SATURDAY = FIRST_MONDAY.minusDays(2).toString();
    private static final String SUNDAY = FIRST_MONDAY.minusDays(1).toString();

    @Test
    void aSubmissionIsStoredPublishedToKafkaAndAnswered202() throws Exception {
        Response r = http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "서버 증설 요청", "body", "CPU 2배", "approverIds", List.of(LEAD.id(), HEAD.id())));

        assertThat(r.status()).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        String id = r.json().path("id").asText();
        assertThat(r.header("Location")).isEqualTo("/api/approvals/" + id);
        assertThat(r.json().path("status").asText()).isEqualTo("SUBMITTED");

        // the stored document: drafter from the token, the line in order
        Document stored = approvals().find(new Document("_id", id)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("drafter", Document.class).getString("name")).isEqualTo(DRAFTER.name());
        assertThat(stored.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getString("name"))
                .containsExactly(LEAD.name(), HEAD.name());
        assertThat(stored.getList("line", Document.class)).extracting(s -> s.getString("status")).containsOnly("WAITING");
        assertThat(stored.getString("status")).isEqualTo("SUBMITTED");

        // the event: on approval.submitted, keyed by the document id
        List<ConsumerRecord<String, String>> records = kafka.awaitKey("approval.submitted", id, 1);
        assertThat(records).hasSize(1);
        JsonNode event = HTTP_JSON.readTree(records.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("approval.submitted");
        assertThat(event.path("approvalId").asText()).isEqualTo(id);
        assertThat(event.path("eventId").asText()).isEqualTo(stored.getList("history", Document.class).get(0).getString("eventId"));
        assertThat(event.path("payload").path("drafter").path("id").asLong()).isEqualTo(DRAFTER.id());
        assertThat(event.path("payload").path("line").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        // no HTTP request header leaks into Kafka
        assertThat(records.get(0).headers().lastHeader("Authorization")).isNull();
        // published from the outbox's queue after the answer, then removed from the outbox together with its mark
        // (OutboxRelayTest sees the mark while the entry waits)
        await(() -> {
            Document now = approvals().find(new Document("_id", id)).first();
            return now.getList("outbox", Document.class).isEmpty() && !now.containsKey(ApprovalDocuments.OUTBOX_MARK);
        });
    }

    private Response submitKeyed(com.erp.routes.common.events.Person drafter, String title, String key) {
        try {
            return http.send(http.request("/api/approvals", token(drafter)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            HTTP_JSON.writeValueAsString(Map.of("type", "GENERAL", "title", title,
                                    "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client that retries a submission (a timeout, a 503 after which it cannot tell) sends the same Idempotency-Key:
     * it gets the document made the first time, and nothing is submitted twice, also when both arrive at once. Keys
     * are the drafter's own.
     */
    @Test
    void aSubmissionSentAgainWithItsIdempotencyKeyIsTheFirstDocument() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        Response first = submitKeyed(DRAFTER, "재전송 " + key, key);
        assertThat(first.status()).as("%s", first).isEqualTo(202);
        String id = first.json().path("id").asText();
        Response again = submitKeyed(DRAFTER, "재전송 " + key, key);
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", again);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(again.header("Location")).isEqualTo("/api/approvals/" + id);
        assertThat(approvals().countDocuments(new Document("title", "재전송 " + key))).isEqualTo(1);
        assertThat(kafka.awaitKey("approval.submitted", id, 1)).hasSize(1);
        // another drafter's key is theirs
        Response other = submitKeyed(OTHER, "다른 사람 " + key, key);
        assertThat(other.status()).isEqualTo(202);
        assertThat(other.json().path("id").asText()).isNotEqualTo(id);

        // two at the same moment: one document, the same answer to both
        String racing = java.util.UUID.randomUUID().toString();
        List<Response> both = com.erp.routes.testing.Concurrently.run(List.of(
                () -> submitKeyed(DRAFTER, "동시 " + racing, racing), () -> submitKeyed(DRAFTER, "동시 " + racing, racing)));
        assertThat(both).extracting(Response::status).containsOnly(202);
        assertThat(both.get(0).json().path("id").asText()).isEqualTo(both.get(1).json().path("id").asText());
        assertThat(approvals().countDocuments(new Document("title", "동시 " + racing))).isEqualTo(1);
        // a key the contract does not take
        assertProblem(submitKeyed(DRAFTER, "나쁜 키", "a key with spaces"), 400);
    }

    /**
     * A document on the synchronous way may be taken back (processing not reached) until its call's time and a margin
     * have passed. A submission sent again with its key meanwhile is told to come back (409, Retry-After), never 202
     * for a document then removed; once it was taken back, sent again it submits anew. Sent again after that time,
     * it claims the document first: the synchronous way no longer takes a claimed one back, so the 202 holds.
     */
    @Test
    void aReplayWaitsWhileTheFirstMayBeTakenBackAndClaimsItAfter() {
        String late = java.util.UUID.randomUUID().toString();
        String lateId = "sync-late-" + late;
        String early = java.util.UUID.randomUUID().toString();
        String earlyId = "sync-early-" + early;
        try {
            approvals().insertOne(onItsSynchronousWay(lateId, late, java.time.Instant.now().minusSeconds(60)));
            Response claimed = submitKeyed(DRAFTER, "재전송 동기 늦게", late);
            assertThat(claimed.status()).as("%s", claimed).isEqualTo(202);
            assertThat(claimed.json().path("id").asText()).isEqualTo(lateId);
            assertThat(approvals().find(new Document("_id", lateId)).first().getBoolean("dispatchedSync")).isFalse();
            camel.createProducerTemplate().sendBody(com.erp.routes.approvalrequest.DispatchSyncRoute.WITHDRAW_UNSENT, lateId);
            assertThat(approvals().countDocuments(new Document("_id", lateId))).as("claimed: not taken back").isEqualTo(1);

            approvals().insertOne(onItsSynchronousWay(earlyId, early, java.time.Instant.now()));
            Response wait = submitKeyed(DRAFTER, "재전송 동기 일찍", early);
            assertProblem(wait, 409);
            assertThat(wait.header("Retry-After")).isNotBlank();
            assertThat(wait.header("Location")).as("no document named on a problem").isNull();
            camel.createProducerTemplate().sendBody(com.erp.routes.approvalrequest.DispatchSyncRoute.WITHDRAW_UNSENT, earlyId);
            assertThat(approvals().countDocuments(new Document("_id", earlyId))).as("taken back").isZero();
            Response anew = submitKeyed(DRAFTER, "재전송 동기 일찍", early);
            assertThat(anew.status()).as("%s", anew).isEqualTo(202);
            assertThat(anew.json().path("id").asText()).isNotEqualTo(earlyId);
            // one without a key (so never claimed) is taken back too
            String unkeyed = "sync-unkeyed-" + early;
            approvals().insertOne(new Document("_id", unkeyed).append("title", "키 없는 동기"));
            camel.createProducerTemplate().sendBody(com.erp.routes.approvalrequest.DispatchSyncRoute.WITHDRAW_UNSENT, unkeyed);
            assertThat(approvals().countDocuments(new Document("_id", unkeyed))).as("taken back").isZero();
        } finally {
            // not whole documents: out of everyone else's lists
            approvals().deleteMany(new Document("_id", new Document("$in", List.of(lateId, earlyId, "sync-unkeyed-" + early))));
        }
    }

    /** A document as the submit route stores it on the synchronous way, its event not published yet. */
    private static Document onItsSynchronousWay(String id, String key, java.time.Instant drafted) {
        return new Document("_id", id).append("title", "동기 " + key).append("idempotencyKey", DRAFTER.id() + ":" + key)
                .append("dispatchedSync", true).append("submittedAt", java.util.Date.from(drafted))
                .append("outbox", List.of(new Document("eventId", java.util.UUID.randomUUID().toString())));
    }

    @Test
    void thePeopleInCcAreStoredAnnouncedAndMayReadTheDocumentInTheirBox() throws Exception {
        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "참조 테스트",
                "approverIds", List.of(HEAD.id()), "ccIds", List.of(OTHER.id(), LEAD.id())));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        String id = r.json().path("id").asText();

        Document stored = approvals().find(new Document("_id", id)).first();
        assertThat(stored.getList("cc", Document.class)).extracting(p -> p.getLong("id")).containsExactly(OTHER.id(), LEAD.id());
        JsonNode event = HTTP_JSON.readTree(kafka.awaitKey("approval.submitted", id, 1).get(0).value());
        assertThat(event.path("payload").path("cc").findValuesAsText("name")).containsExactly(OTHER.name(), LEAD.name());

        // someone in cc reads it (off the line, they could not otherwise) and finds it in the cc box
        Response read = http.get("/api/approvals/" + id, token(OTHER));
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + id, read);
        assertThat(read.json().path("cc").findValuesAsText("name")).containsExactly(OTHER.name(), LEAD.name());
        // the drafter's org-chart line, whose people may approve it with 전결 (the page offers it to them)
        assertThat(read.json().path("drafterLine").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        assertThat(event.path("payload").path("drafterLine").findValuesAsText("name"))
                .containsExactly(LEAD.name(), HEAD.name());
        Response box = http.get("/api/approvals?box=cc&limit=100", token(OTHER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", box);
        assertThat(box.json().path("items").findValuesAsText("id")).contains(id);
        assertThat(http.get("/api/approvals?box=cc&limit=100", token(HEAD)).json().path("items").findValuesAsText("id"))
                .doesNotContain(id);
        // without cc, a document has an empty list
        String plain = submit("참조 없음");
        assertThat(http.get("/api/approvals/" + plain, token(DRAFTER)).json().path("cc").isArray()).isTrue();
        assertProblem(http.get("/api/approvals/" + plain, token(OTHER)), 403);
    }

    @Test
    void ccRulesAre422AndNothingIsStored() {
        long before = approvals().countDocuments();
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "t",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "ccIds", List.of(OTHER.id(), 888))), 422)
                .path("detail").asText()).contains("888").contains("cc");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "t",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "ccIds", List.of(DRAFTER.id()))), 422)
                .path("detail").asText()).contains("yourself");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "t",
                "ccIds", List.of(HEAD.id()))), 422)
                .path("detail").asText()).contains("on the approval line").contains(String.valueOf(HEAD.id()));
        assertThat(approvals().countDocuments()).isEqualTo(before);
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "t",
                "ccIds", List.of(OTHER.id(), OTHER.id()))), 400).path("errors").findValuesAsText("field")).contains("/ccIds");
    }

    @Test
    void aClientThatAcceptsOnlyJsonIsServed() {
        Response r = http.send(http.request("/api/approvals", token(DRAFTER)).header("Accept", "application/json")
                .setHeader("Accept", "application/json").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"GENERAL\",\"title\":\"json only\"}"))
                .build());
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        Response xml = http.send(http.request("/api/approvals", token(DRAFTER)).setHeader("Accept", "application/xml")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"GENERAL\",\"title\":\"xml\"}"))
                .build());
        assertProblem(xml, 406);
    }

    @Test
    void withoutApproversTheOrgChartLineIsUsed() {
        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "기본 결재선"));
        assertThat(r.status()).isEqualTo(202);
        Document stored = approvals().find(new Document("_id", r.json().path("id").asText())).first();
        assertThat(stored.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getLong("id"))
                .containsExactly(LEAD.id(), HEAD.id());
    }

    /**
     * {@code erp_dispatch_submissions_total{mode}}, what the load suite and an operator compare the two paths by:
     * a submission is counted once, on its path, when it is stored; not a replay of its Idempotency-Key, not a leave
     * document (it has no choice of path), not a refused one.
     */
    @Test
    void aStoredSubmissionIsCountedOnceOnItsPath() throws Exception {
        double before = submissions("async");
        double syncBefore = submissions("sync");
        String key = java.util.UUID.randomUUID().toString();
        assertThat(submitKeyed(DRAFTER, "세는 제출 " + key, key).status()).isEqualTo(202);
        assertThat(submissions("async")).isEqualTo(before + 1);
        assertThat(submitKeyed(DRAFTER, "세는 제출 " + key, key).status()).as("a replay").isEqualTo(202);
        Response leave = http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "세지 않는 반차",
                "leave", Map.of("kind", "HALF_DAY_PM", "startDate", FIRST_MONDAY.plusWeeks(1).plusDays(3).toString())));
        assertThat(leave.status()).as("%s", leave).isEqualTo(202);
        assertProblem(http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "t", "approverIds", List.of(DRAFTER.id()))), 422);
        assertThat(submissions("async")).as("neither the replay, the leave nor the refused one").isEqualTo(before + 1);
        assertThat(submissions("sync")).isEqualTo(syncBefore);
    }

    private double submissions(String mode) {
        return meters.get("erp.dispatch.submissions").tag("mode", mode).counter().count();
    }

    @Test
    void businessRulesAre422AndNothingIsStored() {
        long before = approvals().countDocuments();
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "t", "approverIds", List.of(DRAFTER.id()))), 422)
                .path("detail").asText()).contains("own document");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "t", "approverIds", List.of(LEAD.id(), 777))), 422)
                .path("detail").asText()).contains("777");
        assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "   ")), 422);
        assertThat(assertProblem(http.post("/api/approvals", token(HEAD), Map.of("type", "GENERAL", "title", "t")), 422)
                .path("detail").asText()).contains("approverIds");
        assertThat(approvals().countDocuments()).isEqualTo(before);
    }

    @Test
    void theServiceAloneIsKnownToCallTheDispatchSoItNeedsTheSharedKey(
            @org.springframework.beans.factory.annotation.Autowired org.springframework.context.ApplicationContext context) {
        // the name ErpDispatchAutoConfiguration looks for: with a key-less service it refuses to start
        assertThat(context.containsBeanDefinition("dispatchSyncRoute")).isTrue();
        assertThat(context.containsBeanDefinition("grpcDispatchRoute")).isFalse();
    }

    @Test
    void aBodyThatBreaksTheContractIs400NamingEachField() {
        Response r = http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "MEMO", "body", "x", "approverIds", List.of(LEAD.id(), LEAD.id()), "urgent", true));
        JsonNode problem = assertProblem(r, 400);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        assertThat(problem.path("errors").findValuesAsText("field"))
                .contains("/title", "/type", "/approverIds", "/urgent");
        assertProblem(http.postRaw("/api/approvals", token(DRAFTER), "{not json", "application/json"), 400);
        assertProblem(http.postRaw("/api/approvals", token(DRAFTER), "title=x", "text/plain"), 415);
    }

    @Test
    void onlyAnAdministratorMayChooseTheDispatchPathAndAnyoneElsesChoiceSubmitsNothing() throws Exception {
        NotifyBuilder sync = new NotifyBuilder(camel).fromRoute("approval-request.dispatch-sync").whenDone(1).create();
        long before = approvals().countDocuments();
        Response r = http.send(http.request("/api/approvals", token(DRAFTER)).header("Content-Type", "application/json")
                .header("X-Dispatch-Mode", "sync").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        HTTP_JSON.writeValueAsString(Map.of("type", "GENERAL", "title", "경로 지정",
                                "approverIds", List.of(LEAD.id(), HEAD.id()))))).build());
        JsonNode problem = assertProblem(r, 403);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        assertThat(problem.path("detail").asText()).contains("X-Dispatch-Mode").contains("ASYNC");
        assertThat(approvals().countDocuments()).isEqualTo(before);
        assertThat(sync.matches(200, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
        // the same request without the header goes the current way
        assertThat(http.post("/api/approvals", token(DRAFTER), Map.of("type", "GENERAL", "title", "경로 지정",
                "approverIds", List.of(LEAD.id(), HEAD.id()))).status()).isEqualTo(202);
    }

    @Test
    void aLeaveDocumentSaysWhichDaysAndAlwaysGoesThroughKafka() throws Exception {
        NotifyBuilder sync = new NotifyBuilder(camel).fromRoute("approval-request.dispatch-sync").whenDone(1).create();
        // asked for the sync path (by a drafter who is an administrator, whose choice counts): a leave document still
        // goes through Kafka, where the leave ledger reserves its days
        String drafterAdmin = TestPeople.token(tokens, DRAFTER, "EMPLOYEE", "ADMIN");
        Response r = http.send(http.request("/api/approvals", drafterAdmin).header("Content-Type", "application/json")
                .header("X-Dispatch-Mode", "sync")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(HTTP_JSON.writeValueAsString(Map.of("type", "LEAVE",
                        "title", "연차 신청", "approverIds", List.of(LEAD.id(), HEAD.id()),
                        "leave", Map.of("kind", "ANNUAL", "startDate", MONDAY, "endDate", WEDNESDAY))))).build());
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        String id = r.json().path("id").asText();
        assertThat(sync.matches(1, java.util.concurrent.TimeUnit.SECONDS)).as("the gRPC path was not taken").isFalse();

        JsonNode event = HTTP_JSON.readTree(kafka.awaitKey("approval.submitted", id, 1).get(0).value());
        assertThat(event.path("payload").path("documentType").asText()).isEqualTo("LEAVE");
        assertThat(event.path("payload").path("leave").path("days").asDouble()).isEqualTo(3.0);
        Response read = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + id, read);
        JsonNode leave = read.json().path("leave");
        assertThat(List.of(leave.path("kind").asText(), leave.path("startDate").asText(), leave.path("endDate").asText()))
                .containsExactly("ANNUAL", MONDAY, WEDNESDAY);
        assertThat(leave.path("days").asDouble()).isEqualTo(3.0);

        // one date: a half day
        Response half = http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "반차",
                "leave", Map.of("kind", "HALF_DAY_AM", "startDate", MONDAY)));
        assertThat(half.status()).as("%s", half).isEqualTo(202);
        assertThat(http.get("/api/approvals/" + half.json().path("id").asText(), token(DRAFTER)).json()
                .path("leave").path("days").asDouble()).isEqualTo(0.5);
        // a general document shows no leave
        assertThat(http.get("/api/approvals/" + submit("일반"), token(DRAFTER)).json().has("leave")).isFalse();
    }

    @Test
    void expenseAndTripDocumentsSayTheirPartWhichIsStoredShownAndCheckedAgainstTheirRules() {
        String yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).minusDays(1).toString();
        Map<String, Object> claim = Map.of("amount", 48000, "category", "MEAL", "spentOn", yesterday);
        Response expense = http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "팀 회식",
                "expense", claim));
        assertThat(expense.status()).as("%s", expense).isEqualTo(202);
        Response read = http.get("/api/approvals/" + expense.json().path("id").asText(), token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals/" + expense.json().path("id").asText(), read);
        assertThat(read.json().path("type").asText()).isEqualTo("EXPENSE");
        assertThat(read.json().path("expense").path("amount").asLong()).isEqualTo(48000);
        assertThat(read.json().path("expense").path("spentOn").asText()).isEqualTo(yesterday);
        assertThat(read.json().has("trip")).isFalse();

        Map<String, Object> trip = Map.of("destination", "부산 지사", "startDate", MONDAY, "endDate", WEDNESDAY,
                "purpose", "고객 미팅");
        Response travel = http.post("/api/approvals", token(DRAFTER), Map.of("type", "BUSINESS_TRIP", "title", "부산 출장",
                "trip", trip));
        assertThat(travel.status()).as("%s", travel).isEqualTo(202);
        JsonNode shown = http.get("/api/approvals/" + travel.json().path("id").asText(), token(DRAFTER)).json().path("trip");
        assertThat(List.of(shown.path("destination").asText(), shown.path("startDate").asText(),
                shown.path("endDate").asText(), shown.path("purpose").asText()))
                .containsExactly("부산 지사", MONDAY, WEDNESDAY, "고객 미팅");

        long before = approvals().countDocuments();
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "t")), 422)
                .path("detail").asText()).contains("must say what it claims");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "t", "trip", trip)), 422).path("detail").asText())
                .contains("Only a BUSINESS_TRIP document");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "t",
                "expense", Map.of("amount", 1000, "category", "OTHER", "spentOn", MONDAY))), 422)
                .path("detail").asText()).contains("still to come");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "BUSINESS_TRIP", "title", "t",
                "trip", Map.of("destination", "대전", "startDate", WEDNESDAY, "endDate", MONDAY))), 422)
                .path("detail").asText()).contains("before it starts");
        assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "EXPENSE", "title", "t",
                "expense", Map.of("amount", 0, "category", "GIFT", "spentOn", yesterday))), 400);
        assertThat(approvals().countDocuments()).isEqualTo(before);
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.erp.routes.common.events.CompanyDays companyDays;

    @Test
    void aLeaveOverAPublicHolidayIsNotChargedForItAndOneOnHolidaysOnlyIsRefused() {
        // a holiday of the company's list on a working day, ahead and in a year open for leave
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        LocalDate holiday = companyDays.holidays().stream().sorted()
                .filter(d -> d.isAfter(today.plusDays(1)) && d.getYear() <= today.getYear() + 1)
                .filter(d -> companyDays.workingDays().contains(d.getDayOfWeek()))
                .filter(d -> d.minusDays(1).getYear() == d.plusDays(1).getYear())
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(holiday != null,
                "erp.working-time.holidays lists no working-day holiday ahead in this year or the next");
        LocalDate from = holiday.minusDays(1);
        LocalDate to = holiday.plusDays(1);
        long weekdays = from.datesUntil(to.plusDays(1)).filter(d -> d.getDayOfWeek().getValue() <= 5).count();
        long holidays = from.datesUntil(to.plusDays(1))
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && companyDays.holidays().contains(d)).count();

        Response r = http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "명절 앞뒤 연차",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "leave", Map.of("kind", "ANNUAL", "startDate", from.toString(),
                        "endDate", to.toString())));
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        double days = http.get("/api/approvals/" + r.json().path("id").asText(), token(DRAFTER)).json()
                .path("leave").path("days").asDouble();
        assertThat(days).as("%s to %s around %s", from, to, holiday).isEqualTo((double) (weekdays - holidays))
                .isLessThan((double) weekdays);

        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "공휴일",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "leave", Map.of("kind", "HALF_DAY_AM", "startDate", holiday.toString()))),
                422).path("detail").asText()).contains("holiday");
    }

    @Test
    void leaveRulesAre422AndNothingIsStored() {
        long before = approvals().countDocuments();
        Map<String, Object> days = Map.of("kind", "ANNUAL", "startDate", MONDAY);
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t")), 422)
                .path("detail").asText()).contains("must say which days");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", "t", "leave", days)), 422).path("detail").asText())
                .contains("Only a LEAVE document");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t",
                "leave", Map.of("kind", "ANNUAL", "startDate", SATURDAY, "endDate", SUNDAY))), 422)
                .path("detail").asText()).contains("no working day");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t",
                "leave", Map.of("kind", "ANNUAL", "startDate", "2031-12-31", "endDate", "2032-01-02"))), 422)
                .path("detail").asText()).contains("one calendar year");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t",
                "leave", Map.of("kind", "HALF_DAY_PM", "startDate", MONDAY, "endDate", WEDNESDAY))), 422)
                .path("detail").asText()).contains("half day is one date");
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t",
                "leave", Map.of("kind", "ANNUAL", "startDate", "2020-03-02"))), 422)
                .path("detail").asText()).contains("cannot be asked for now");
        assertThat(approvals().countDocuments()).isEqualTo(before);
        assertThat(assertProblem(http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "t",
                "leave", Map.of("kind", "SICK", "startDate", "2031-03-33"))), 400).path("errors").findValuesAsText("field"))
                .contains("/leave/kind", "/leave/startDate");
    }

    @Test
    void noTokenIs401() {
        Response r = http.post("/api/approvals", null, Map.of("type", "GENERAL", "title", "t"));
        assertProblem(r, 401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper HTTP_JSON =
            com.erp.routes.testing.HttpTestClient.JSON;
}
