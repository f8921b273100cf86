package com.erp.approvalrequest.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.common.events.Topics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The writes record sends, read without a server: what changes together must be in one update. */
class ApprovalDocumentsTest {

    private static final Person HEAD = new Person(3, "박지훈", "DEPT_HEAD", "개발본부");
    private final Instant at = Instant.parse("2026-12-02T01:00:00Z");
    private final ApprovalDocuments documents = new ApprovalDocuments(new ObjectMapper().findAndRegisterModules(),
            new Topics("s", "a", "d", "c", "r", "w", "lr", "lf", "q", "dc", "rm", "cm", "lc", "rc", "lx", "tr", "rl", ".dlq", 1), Clock.systemUTC(), ZoneId.of("Asia/Seoul"), Duration.ofSeconds(5));

    private static BsonDocument set(WriteModel<Document> model) {
        return ((UpdateOneModel<Document>) model).getUpdate()
                .toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry()).getDocument("$set");
    }

    private ApprovalEvent finalDecision() {
        Progress approved = new Progress(Progress.Status.APPROVED, null, List.of(new StepProgress(1, StepStatus.APPROVED, at, null)));
        return ApprovalEvent.of("a1", 3, at, new EventPayload.Decided(1, "t", 1, 1, HEAD, EventPayload.Decision.APPROVED, null, approved));
    }

    @Test
    void theUpdateThatShowsApprovedAlsoShowsTheNumber() {
        ApprovalEvent event = finalDecision();
        assertThat(documents.approves(event)).isTrue();
        BsonDocument progress = set(documents.recordUpdates(event, "GEN-2026-000007").get(1));
        assertThat(progress.getString("status").getValue()).isEqualTo("APPROVED");
        assertThat(progress.getString("number").getValue()).isEqualTo("GEN-2026-000007");
    }

    @Test
    void anEventThatDoesNotApproveLeavesTheNumberAlone() {
        Progress pending = new Progress(Progress.Status.IN_PROGRESS, 1, List.of(new StepProgress(1, StepStatus.PENDING, null, null)));
        ApprovalEvent activated = ApprovalEvent.of("a1", 1, at, new EventPayload.StepActivated(1, "t", HEAD, 1, 1, List.of(HEAD), pending));
        assertThat(documents.approves(activated)).isFalse();
        assertThat(set(documents.recordUpdates(activated, null).get(1)).containsKey("number")).isFalse();
    }

    @Test
    void theShownNumberOrElseTheClaimIsTheDocumentsNumber() {
        assertThat(documents.numberOf(null)).isNull();
        assertThat(documents.numberOf(new Document("_id", "a1"))).isNull();
        assertThat(documents.numberOf(new Document("numberClaim", "GEN-2026-000002"))).isEqualTo("GEN-2026-000002");
        assertThat(documents.numberOf(new Document("number", "GEN-2026-000001").append("numberClaim", "GEN-2026-000001")))
                .isEqualTo("GEN-2026-000001");
    }

    // ---- who took part: read access and a comment's audience ----------------------------------------------------

    private static Document person(Person p) {
        return new Document("id", p.id()).append("name", p.name()).append("position", p.position())
                .append("department", p.department());
    }

    private static final Person DRAFTER = new Person(1, "김민준", "STAFF", "개발본부");
    private static final Person LEAD = new Person(2, "이서연", "TEAM_LEAD", "개발본부");
    private static final Person DEPUTY = new Person(7, "정하늘", "TEAM_LEAD", "영업본부");
    private static final Person EXEC = new Person(4, "최임원", "EXECUTIVE", "경영지원본부");

    private static Document stored(String status, List<Document> line, List<Document> history) {
        return new Document("_id", "a1").append("title", "t").append("status", status).append("stateVersion", 5L)
                .append("drafter", person(DRAFTER)).append("line", line).append("cc", List.of())
                .append("receivers", List.of()).append("history", history);
    }

    private static Document step(int n, Person approver, String status) {
        return new Document("step", n).append("approver", person(approver)).append("status", status);
    }

    private static Document entry(String type, Person actor, Person onBehalfOf) {
        Document h = new Document("eventId", type + actor.id()).append("type", type).append("actor", person(actor))
                .append("sequence", 1L).append("at", new java.util.Date());
        return onBehalfOf == null ? h : h.append("onBehalfOf", person(onBehalfOf));
    }

    private static com.erp.routes.common.security.Caller caller(Person p) {
        return new com.erp.routes.common.security.Caller(p.id(), p.name(), p.name(), p.department(), p.position(),
                java.util.Set.of("EMPLOYEE"));
    }

    private List<String> audience(Document doc, Person author) {
        EventPayload.Commented c = (EventPayload.Commented) documents.comment(doc, caller(author), false,
                new com.erp.approvalrequest.api.CommentRequest("의견"), null).event().payload();
        return c.audience().stream().map(Person::name).toList();
    }

    // ---- 수신처: the people of a receiving department -------------------------------------------------------------

    private static final Person SALES_STAFF = new Person(8, "최유진", "STAFF", "영업본부");
    private static final Person SALES_HEAD = new Person(9, "강도윤", "DEPT_HEAD", "영업본부");

    private static com.erp.routes.common.security.Caller of(Person p, Long departmentId) {
        return new com.erp.routes.common.security.Caller(p.id(), p.name(), p.name(), p.department(), p.position(),
                java.util.Set.of("EMPLOYEE"), departmentId);
    }

    private static Document sentToSales(String status) {
        return stored(status, List.of(step(1, LEAD, "APPROVED")), List.of(entry("APPROVED", LEAD, null)))
                .append("receivingDepartments", List.of(new Document("id", 2L).append("name", "영업본부")
                        .append("head", person(SALES_HEAD))));
    }

    private static BsonDocument bson(org.bson.conversions.Bson b) {
        return b.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }

    @Test
    void anOutboxEntryKeepsTheTraceOfTheRequestThatStoredItForTheRelay() {
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        ApprovalDocuments traced = new ApprovalDocuments(new ObjectMapper().findAndRegisterModules(),
                new Topics("s", "a", "d", "c", "r", "w", "lr", "lf", "q", "dc", "rm", "cm", "lc", "rc", "lx", "tr", "rl", ".dlq", 1),
                Clock.systemUTC(), ZoneId.of("Asia/Seoul"), Duration.ofSeconds(5), ZoneId.of("Asia/Seoul"), () -> trace);
        Document approved = sentToSales("APPROVED");
        Document entry = traced.changeOutbox(traced.receipt(approved, of(SALES_STAFF, 2L)));
        assertThat(traced.outbox(entry)).singleElement().satisfies(e -> {
            assertThat(e.topic()).isEqualTo("rc");
            assertThat(e.traceparent()).isEqualTo(trace);
        });
        // stored outside any trace (or before entries kept one): none, and the relay's route starts a trace of its own
        assertThat(documents.outbox(documents.changeOutbox(documents.receipt(approved, of(SALES_STAFF, 2L)))))
                .singleElement().satisfies(e -> assertThat(e.traceparent()).isNull());
    }

    @Test
    void thePeopleOfAReceivingDepartmentReadAndReceiveItForTheirDepartmentOnceApproved() {
        Document approved = sentToSales("APPROVED");
        assertThat(ApprovalDocuments.mayRead(approved, of(SALES_STAFF, 2L))).isTrue();
        assertThat(ApprovalDocuments.mayRead(sentToSales("IN_PROGRESS"), of(SALES_STAFF, 2L))).isFalse();
        // someone of another department, or a token that names no department
        assertThat(ApprovalDocuments.mayRead(approved, of(SALES_STAFF, 3L))).isFalse();
        assertThat(ApprovalDocuments.mayRead(approved, of(SALES_STAFF, null))).isFalse();

        ApprovalDocuments.PendingChange pending = documents.receipt(approved, of(SALES_STAFF, 2L));
        List<org.bson.conversions.Bson> receipt = documents.changeUpdate(pending);
        assertThat(bson(receipt.get(0)).toJson()).contains("receivingDepartments").contains("\"receivedAt\": {\"$exists\": false}")
                // a leave cancelled at the same moment is not acknowledged
                .contains("\"status\": \"APPROVED\"");
        BsonDocument update = bson(receipt.get(1));
        assertThat(update.getDocument("$set").getDocument("receivingDepartments.$.receivedBy").getString("name").getValue())
                .isEqualTo("최유진");
        BsonDocument history = update.getDocument("$push").getDocument("history");
        assertThat(history.getString("type").getValue()).isEqualTo("RECEIVED");
        assertThat(history.getString("comment").getValue()).contains("영업본부");
        // the drafter is told: approval.received in the outbox, in the same update, naming the department and its head
        assertThat(update.getDocument("$push").getDocument("outbox").getString("topic").getValue()).isEqualTo("rc");
        assertThat(update.getDocument("$min").containsKey(ApprovalDocuments.OUTBOX_MARK)).isTrue();
        String event = pending.outboxEntry().getString("payload");
        assertThat(event).contains("\"type\":\"approval.received\"").contains("최유진").contains("영업본부").contains("강도윤");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> documents.receipt(sentToSales("IN_PROGRESS"), of(SALES_STAFF, 2L))).status()).isEqualTo(403);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> documents.receipt(approved, of(LEAD, 1L))).status()).isEqualTo(403);
        Document received = sentToSales("APPROVED");
        received.getList("receivingDepartments", Document.class).get(0).append("receivedAt", new java.util.Date())
                .append("receivedBy", person(SALES_HEAD));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> documents.receipt(received, of(SALES_STAFF, 2L))).getMessage()).contains("강도윤");
    }

    /**
     * A comment on an approved document: who acknowledged it for a department hears of it; for a department nobody
     * acknowledged it for yet, the department goes in the event, so that notification tells its head now (the one
     * kept here is who headed it at submission, perhaps moved away since).
     */
    @Test
    void aCommentNamesTheReceivingDepartmentsNotReceivedYetAndWhoReceivedTheOthers() {
        Document approved = sentToSales("APPROVED");
        approved.put("receivingDepartments", List.of(approved.getList("receivingDepartments", Document.class).get(0),
                new Document("id", 3L).append("name", "인사팀").append("head", person(HEAD))
                        .append("receivedAt", new java.util.Date()).append("receivedBy", person(SALES_STAFF))));
        EventPayload.Commented c = (EventPayload.Commented) documents.comment(approved, caller(DRAFTER), false,
                new com.erp.approvalrequest.api.CommentRequest("의견"), null).event().payload();
        assertThat(c.audience()).extracting(Person::name).contains(SALES_STAFF.name()).doesNotContain(SALES_HEAD.name());
        assertThat(c.departments()).extracting(com.erp.routes.common.events.ReceivingDepartment::id).containsExactly(2L);
        assertThat(c.departments().get(0).head()).isEqualTo(SALES_HEAD);

        EventPayload.Commented before = (EventPayload.Commented) documents.comment(sentToSales("IN_PROGRESS"),
                caller(DRAFTER), false, new com.erp.approvalrequest.api.CommentRequest("의견"), null).event().payload();
        assertThat(before.departments()).as("not sent to the departments before it is approved").isNull();
    }

    @Test
    void theSuperiorsAnEscalationNamedReadTheDocumentAnyStatus() {
        Document doc = sentToSales("IN_PROGRESS");
        assertThat(ApprovalDocuments.mayRead(doc, of(SALES_HEAD, 2L))).isFalse();
        doc.append("escalatedTo", List.of(person(SALES_HEAD)));
        assertThat(ApprovalDocuments.mayRead(doc, of(SALES_HEAD, 2L))).isTrue();
        assertThat(ApprovalDocuments.mayRead(doc, of(SALES_STAFF, 2L))).isFalse();
    }

    @Test
    void aReceiverOfAReceivingDepartmentReceivesForThemselvesFirstThenForTheirDepartment() {
        Document doc = sentToSales("APPROVED").append("receivers", List.of(person(SALES_STAFF)));
        assertThat(bson(documents.changeUpdate(documents.receipt(doc, of(SALES_STAFF, 2L))).get(1)).getDocument("$set").keySet())
                .containsExactly("receivers.$.receivedAt");
        doc.getList("receivers", Document.class).get(0).append("receivedAt", new java.util.Date());
        assertThat(bson(documents.changeUpdate(documents.receipt(doc, of(SALES_STAFF, 2L))).get(1)).getDocument("$set").keySet())
                .containsExactlyInAnyOrder("receivingDepartments.$.receivedAt", "receivingDepartments.$.receivedBy");
    }

    @Test
    void theReceivedBoxHoldsTheCallersDepartmentsDocumentsToo() {
        assertThat(bson(documents.pageCriteria(of(SALES_STAFF, 2L), "received", null, null, null)).toJson())
                .contains("receivingDepartments.id").contains("\"receivers.id\": 8");
        assertThat(bson(documents.pageCriteria(of(SALES_STAFF, null), "received", null, null, null)).toJson())
                .doesNotContain("receivingDepartments");
    }

    @Test
    void aDeputyWhoseDecisionWasSentBackStillReadsTheDocumentAndHearsOfItsComments() {
        // the deputy approved step 2 for the head; the head's step was then sent back, so the line names nobody
        Document doc = stored("IN_PROGRESS", List.of(step(1, LEAD, "PENDING"), step(2, HEAD, "WAITING")),
                List.of(entry("STEP_ACTIVATED", LEAD, null), entry("APPROVED", LEAD, null),
                        entry("STEP_ACTIVATED", HEAD, null), entry("RETURNED", DEPUTY, HEAD)));
        assertThat(ApprovalDocuments.mayRead(doc, caller(DEPUTY))).isTrue();
        assertThat(ApprovalDocuments.mayRead(doc, caller(new Person(99, "남", "STAFF", "X")))).isFalse();
        assertThat(audience(doc, LEAD)).containsExactlyInAnyOrder(DRAFTER.name(), HEAD.name(), DEPUTY.name());
    }

    @Test
    void aStepSkippedBeforeItWasReachedHearsNothing() {
        // 전결 at step 2: the executive's step 3 was never reached
        Document doc = stored("APPROVED", List.of(step(1, LEAD, "APPROVED"), step(2, HEAD, "APPROVED"),
                        step(3, EXEC, "SKIPPED")),
                List.of(entry("STEP_ACTIVATED", LEAD, null), entry("APPROVED", LEAD, null),
                        entry("STEP_ACTIVATED", HEAD, null), entry("APPROVED_FINAL", HEAD, null)));
        assertThat(audience(doc, DRAFTER)).containsExactly(LEAD.name(), HEAD.name());
    }

    // ---- 휴가 취소 ---------------------------------------------------------------------------------------------------

    /** 01:00 on 2026-12-10 in Seoul (16:00 UTC the day before): a leave from the 10th has begun, one from the 11th not. */
    private final ApprovalDocuments onTheTenth = new ApprovalDocuments(new ObjectMapper().findAndRegisterModules(),
            new Topics("s", "a", "d", "c", "r", "w", "lr", "lf", "q", "dc", "rm", "cm", "lc", "rc", "lx", "tr", "rl", ".dlq", 1),
            Clock.fixed(Instant.parse("2026-12-09T16:00:00Z"), java.time.ZoneOffset.UTC), ZoneId.of("Asia/Seoul"),
            Duration.ofSeconds(5));

    private static Document approvedLeave(String status, String startDate) {
        return stored(status, List.of(step(1, LEAD, "APPROVED"), step(2, HEAD, "APPROVED")),
                List.of(entry("APPROVED", LEAD, null), entry("APPROVED", HEAD, null)))
                .append("type", "LEAVE").append("receivers", List.of(person(SALES_STAFF)))
                .append("leave", new Document("kind", "ANNUAL").append("startDate", startDate).append("endDate", "2026-12-14")
                        .append("days", 2.0));
    }

    private static com.erp.routes.common.security.Caller admin() {
        return new com.erp.routes.common.security.Caller(10, "admin", "관리자", "경영지원본부", "STAFF",
                java.util.Set.of("EMPLOYEE", "ADMIN"));
    }

    private int refusal(Document doc, com.erp.routes.common.security.Caller caller) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> onTheTenth.leaveCancellation(doc, caller, new com.erp.approvalrequest.api.LeaveCancellationRequest(null)))
                .status();
    }

    @Test
    void theDrafterCancelsAnApprovedLeaveBeforeItBeginsInOneConditionalUpdateThatTellsWhomItReached() throws Exception {
        ApprovalDocuments.PendingChange pending = onTheTenth.leaveCancellation(approvedLeave("APPROVED", "2026-12-11"),
                caller(DRAFTER), new com.erp.approvalrequest.api.LeaveCancellationRequest("  일정 변경 "));
        List<org.bson.conversions.Bson> update = onTheTenth.changeUpdate(pending);
        // kept only while the document is approved: a second cancellation, even at the same moment, changes nothing
        assertThat(bson(update.get(0)).toJson()).contains("\"status\": \"APPROVED\"");
        BsonDocument change = bson(update.get(1));
        assertThat(change.getDocument("$set").getString("status").getValue()).isEqualTo("CANCELLED");
        BsonDocument history = change.getDocument("$push").getDocument("history");
        assertThat(history.getString("type").getValue()).isEqualTo("LEAVE_CANCELLED");
        assertThat(history.getString("comment").getValue()).isEqualTo("일정 변경");
        assertThat(history.getDocument("actor").getString("name").getValue()).isEqualTo(DRAFTER.name());
        assertThat(change.getDocument("$push").getDocument("outbox").getString("topic").getValue()).isEqualTo("lx");

        ApprovalEvent event = new ObjectMapper().findAndRegisterModules()
                .readValue(pending.outboxEntry().getString("payload"), ApprovalEvent.class);
        EventPayload.LeaveCancelled cancelled = (EventPayload.LeaveCancelled) event.payload();
        assertThat(cancelled.cancelledBy().id()).isEqualTo(DRAFTER.id());
        assertThat(cancelled.reason()).isEqualTo("일정 변경");
        assertThat(cancelled.leave().startDate()).isEqualTo("2026-12-11");
        assertThat(cancelled.leave().halfDays()).isEqualTo(4);
        // the approvers and the receiver, not the drafter who did it
        assertThat(cancelled.told().stream().map(Person::name)).containsExactlyInAnyOrder(LEAD.name(), HEAD.name(),
                SALES_STAFF.name());
    }

    @Test
    void onceTheLeaveHasBegunOnlyAnAdministratorCancelsItAndTheDrafterIsTold() throws Exception {
        Document begun = approvedLeave("APPROVED", "2026-12-10");
        assertThat(refusal(begun, caller(DRAFTER))).isEqualTo(409);
        ApprovalDocuments.PendingChange pending = onTheTenth.leaveCancellation(begun, admin(), null);
        EventPayload.LeaveCancelled cancelled = (EventPayload.LeaveCancelled) new ObjectMapper().findAndRegisterModules()
                .readValue(pending.outboxEntry().getString("payload"), ApprovalEvent.class).payload();
        assertThat(cancelled.reason()).isNull();
        assertThat(cancelled.told().stream().map(Person::name)).contains(DRAFTER.name(), LEAD.name(), HEAD.name());
    }

    /** An administrator's own leave, begun: cancelling it would give them back days on their own word. */
    @Test
    void anAdministratorDoesNotCancelTheirOwnLeaveOnceItHasBegun() {
        com.erp.routes.common.security.Caller adminDrafter = new com.erp.routes.common.security.Caller(DRAFTER.id(),
                "kim", DRAFTER.name(), DRAFTER.department(), DRAFTER.position(), java.util.Set.of("EMPLOYEE", "ADMIN"));
        com.erp.routes.common.web.ProblemException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                com.erp.routes.common.web.ProblemException.class,
                () -> onTheTenth.leaveCancellation(approvedLeave("APPROVED", "2026-12-10"), adminDrafter, null));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.getMessage()).contains("other than its drafter");
        // before it begins, their own as anyone's
        assertThat(onTheTenth.leaveCancellation(approvedLeave("APPROVED", "2026-12-11"), adminDrafter, null)).isNotNull();
    }

    @Test
    void nobodyElseCancelsALeaveAndOnlyAnApprovedLeaveOnce() {
        assertThat(refusal(approvedLeave("APPROVED", "2026-12-11"), caller(LEAD))).isEqualTo(403);
        assertThat(refusal(approvedLeave("IN_PROGRESS", "2026-12-11"), caller(DRAFTER))).isEqualTo(409);
        assertThat(refusal(approvedLeave("REJECTED", "2026-12-11"), caller(DRAFTER))).isEqualTo(409);
        assertThat(refusal(approvedLeave("CANCELLED", "2026-12-11"), admin())).isEqualTo(409);
        Document general = approvedLeave("APPROVED", "2026-12-11").append("type", "GENERAL");
        general.remove("leave");
        assertThat(refusal(general, caller(DRAFTER))).isEqualTo(409);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> onTheTenth.leaveCancellation(null, caller(DRAFTER), null)).status()).isEqualTo(404);
    }

    @Test
    void aCancelledLeaveStaysCancelledWhenTheCompletionIsRecordedLateAndItsReceiversStillReadIt() {
        Progress approved = new Progress(Progress.Status.APPROVED, null, List.of(new StepProgress(1, StepStatus.APPROVED, at, null)));
        ApprovalEvent completed = ApprovalEvent.of("a1", 9, at, new EventPayload.Completed(1, "t", HEAD, approved));
        UpdateOneModel<Document> progress = (UpdateOneModel<Document>) documents.recordUpdates(completed, "LEA-2026-000001").get(1);
        assertThat(bson(progress.getFilter()).toJson()).contains("\"status\": {\"$ne\": \"CANCELLED\"}");

        Document cancelled = approvedLeave("CANCELLED", "2026-12-11");
        assertThat(ApprovalDocuments.mayRead(cancelled, caller(SALES_STAFF))).isTrue();
        // nothing to acknowledge (접수) any more
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(com.erp.routes.common.web.ProblemException.class,
                () -> documents.receipt(cancelled, caller(SALES_STAFF))).status()).isEqualTo(409);
    }
}
