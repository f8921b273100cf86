package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.erp.approvalrequest.persistence.ApprovalDocuments;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Leave;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.Progress.StepProgress;
import com.erp.routes.common.events.Progress.StepStatus;
import com.erp.routes.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The record route keeps the document in step with approval-processing's events, whatever their order. */
class RecordRouteTest extends ApprovalRequestRouteTestBase {

    @Autowired
    ObjectMapper json;

    private final Instant t0 = Instant.parse("2026-11-21T01:00:00Z");

    private void publish(String topic, ApprovalEvent event) throws Exception {
        kafka.send(topic, event.approvalId(), json.writeValueAsString(event));
    }

    private Progress progress(Progress.Status status, Integer current, StepStatus first, StepStatus second) {
        // as approval-processing writes it: a decided step keeps its time and comment in every later snapshot
        StepProgress one = first == StepStatus.APPROVED ? new StepProgress(1, first, t0.plusSeconds(1), "좋습니다")
                : new StepProgress(1, first, null, null);
        StepProgress two = second == StepStatus.APPROVED ? new StepProgress(2, second, t0.plusSeconds(2), null)
                : new StepProgress(2, second, null, null);
        return new Progress(status, current, List.of(one, two));
    }

    /** Step 1 of LEAD then HEAD becomes active (sequence 1). */
    private ApprovalEvent firstActivation(String id) {
        return ApprovalEvent.of(id, 1, t0, new EventPayload.StepActivated(DRAFTER.id(), "t", DRAFTER, 1, 2,
                List.of(LEAD), progress(Progress.Status.IN_PROGRESS, 1, StepStatus.PENDING, StepStatus.WAITING)));
    }

    /** LEAD approves step 1 (sequence 2). */
    private ApprovalEvent firstApproval(String id) {
        return ApprovalEvent.of(id, 2, t0.plusSeconds(1), new EventPayload.Decided(DRAFTER.id(), "t", 1, 2,
                LEAD, EventPayload.Decision.APPROVED, "좋습니다",
                progress(Progress.Status.IN_PROGRESS, 2, StepStatus.APPROVED, StepStatus.PENDING)));
    }

    @Test
    void theNewestProgressWinsEachEventIsRecordedOnceAndTheApprovedDocumentGetsANumber() throws Exception {
        String id = submit("기록 테스트");
        ApprovalEvent activated1 = firstActivation(id);
        ApprovalEvent approved1 = firstApproval(id);
        ApprovalEvent activated2 = ApprovalEvent.of(id, 3, t0.plusSeconds(1), new EventPayload.StepActivated(DRAFTER.id(), "t",
                DRAFTER, 2, 2, List.of(HEAD), progress(Progress.Status.IN_PROGRESS, 2, StepStatus.APPROVED, StepStatus.PENDING)));
        ApprovalEvent approved2 = ApprovalEvent.of(id, 4, t0.plusSeconds(2), new EventPayload.Decided(DRAFTER.id(), "t", 2, 2,
                HEAD, EventPayload.Decision.APPROVED, null,
                progress(Progress.Status.APPROVED, null, StepStatus.APPROVED, StepStatus.APPROVED)));
        ApprovalEvent completed = ApprovalEvent.of(id, 5, t0.plusSeconds(2), new EventPayload.Completed(DRAFTER.id(), "t", HEAD,
                progress(Progress.Status.APPROVED, null, StepStatus.APPROVED, StepStatus.APPROVED)));

        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(6).create();
        // newest first, and one event twice: the stored state must still be the newest, the history complete
        publish("approval.completed", completed);
        publish("approval.decided", approved2);
        publish("approval.step-activated", activated2);
        publish("approval.decided", approved1);
        publish("approval.step-activated", activated1);
        publish("approval.decided", approved1);
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getString("status")).isEqualTo("APPROVED");
        assertThat(doc.get("currentStep")).isNull();
        assertThat(doc.getLong("stateVersion")).isEqualTo(5L);
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.getString("status")).containsExactly("APPROVED", "APPROVED");
        assertThat(doc.getList("history", Document.class)).extracting(h -> h.getString("type")).containsExactlyInAnyOrder(
                "SUBMITTED", "DOCUMENT_APPROVED", "APPROVED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED");
        assertThat(doc.getString("number")).matches("GEN-2026-\\d{6}");
        assertThat(doc.getDate("completedAt")).isNotNull();

        // the API shows the history in the order it happened
        var view = http.get("/api/approvals/" + id, token(DRAFTER)).json();
        assertThat(view.path("history").findValuesAsText("type")).containsExactly(
                "SUBMITTED", "STEP_ACTIVATED", "APPROVED", "STEP_ACTIVATED", "APPROVED", "DOCUMENT_APPROVED");
        assertThat(view.path("line").get(0).path("comment").asText()).isEqualTo("좋습니다");
    }

    /**
     * 휴가 취소 against the real server: the drafter cancels the leave once the final decision is recorded; the
     * completion, on another topic, recorded after it, does not make it approved again; the cancellation is published
     * from the outbox, and a second one is refused.
     */
    @Test
    void aLeaveCancelledAfterTheFinalDecisionStaysCancelledWhenTheCompletionIsRecordedLate() throws Exception {
        String start = java.time.LocalDate.now().plusYears(1).withMonth(3).withDayOfMonth(9)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY)).toString();
        var submitted = http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "취소할 휴가",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "leave", Map.of("kind", "ANNUAL", "startDate", start)));
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(202);
        String id = submitted.json().path("id").asText();
        NotifyBuilder decided = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        publish("approval.decided", finalDecision(id));
        assertThat(decided.matches(30, TimeUnit.SECONDS)).isTrue();
        assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", token(LEAD), Map.of()), 403);

        var cancelled = http.post("/api/approvals/" + id + "/leave-cancellation", token(DRAFTER), Map.of("reason", "일정 변경"));
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        JsonNode event = json.readTree(kafka.awaitKey("approval.leave-cancelled", id, 1).get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("approval.leave-cancelled");
        assertThat(event.path("payload").path("leave").path("startDate").asText()).isEqualTo(start);
        assertThat(event.path("payload").path("told").findValuesAsText("name")).contains(LEAD.name(), HEAD.name());
        assertProblem(http.post("/api/approvals/" + id + "/leave-cancellation", token(DRAFTER), Map.of()), 409);

        // the drafter's other leaves: approved (not cancelled) in the same year, cancelled in another year
        Document approvedToo = copyOf(id);
        approvedToo.put("status", "APPROVED");
        approvals().insertOne(approvedToo);
        Document otherYear = copyOf(id);
        String lastYear = String.valueOf(Integer.parseInt(start.substring(0, 4)) - 1);
        otherYear.get("leave", Document.class).append("startDate", lastYear + start.substring(4))
                .append("endDate", lastYear + start.substring(4));
        approvals().insertOne(otherYear);
        // the same day asked for again at once: the submission names the cancelled leave, which the leave ledger then
        // frees first if the cancellation has not reached it yet; another person's submission names none of it
        var again = http.post("/api/approvals", token(DRAFTER), Map.of("type", "LEAVE", "title", "다시 쓰는 휴가",
                "approverIds", List.of(LEAD.id(), HEAD.id()), "leave", Map.of("kind", "ANNUAL", "startDate", start)));
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        JsonNode resubmitted = json.readTree(kafka.awaitKey("approval.submitted", again.json().path("id").asText(), 1)
                .get(0).value()).path("payload");
        assertThat(resubmitted.path("cancelledLeaves").findValuesAsText("approvalId")).containsExactly(id);
        assertThat(resubmitted.path("cancelledLeaves").findValuesAsText("reason")).containsExactly("일정 변경");
        // and, as every submission, the drafter's org-chart line: whose people may approve it with 전결
        assertThat(resubmitted.path("drafterLine").findValuesAsText("name")).containsExactly(LEAD.name(), HEAD.name());
        var others = http.post("/api/approvals", token(OTHER), Map.of("type", "LEAVE", "title", "다른 사람 휴가",
                "approverIds", List.of(HEAD.id()), "leave", Map.of("kind", "ANNUAL", "startDate", start)));
        assertThat(others.status()).as("%s", others).isEqualTo(202);
        assertThat(json.readTree(kafka.awaitKey("approval.submitted", others.json().path("id").asText(), 1).get(0).value())
                .path("payload").path("cancelledLeaves").isMissingNode()).isTrue();
        assertThat(json.readTree(kafka.awaitKey("approval.submitted", others.json().path("id").asText(), 1).get(0).value())
                .path("payload").path("drafterLine").isMissingNode()).as("the org chart gives OTHER no line").isTrue();

        NotifyBuilder completed = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        publish("approval.completed", completion(id));
        assertThat(completed.matches(30, TimeUnit.SECONDS)).isTrue();
        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getString("status")).isEqualTo("CANCELLED");
        assertThat(doc.getString("number")).startsWith("LEA-");
        var view = http.get("/api/approvals/" + id, token(DRAFTER)).json();
        assertThat(view.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "APPROVED",
                "DOCUMENT_APPROVED", "LEAVE_CANCELLED");
    }

    /** Another document like this one, of the same drafter (nothing in its outbox, no key of its own). */
    private Document copyOf(String id) {
        Document copy = approvals().find(new Document("_id", id)).first();
        copy.put("_id", java.util.UUID.randomUUID().toString());
        copy.put("outbox", List.of());
        for (String unique : List.of(ApprovalDocuments.OUTBOX_MARK, ApprovalDocuments.OUTBOX_DEAD_MARK, "idempotencyKey",
                "resubmissionOf")) {
            copy.remove(unique);
        }
        return copy;
    }

    private long counter() {
        Document c = mongo.getDatabase("erp").getCollection("counters").find(new Document("_id", "GEN-2026")).first();
        return c == null ? 0 : c.get("seq", Number.class).longValue();
    }

    private ApprovalEvent finalDecision(String id) {
        return ApprovalEvent.of(id, 4, t0.plusSeconds(2), new EventPayload.Decided(DRAFTER.id(), "t", 2, 2, HEAD,
                EventPayload.Decision.APPROVED, null, progress(Progress.Status.APPROVED, null, StepStatus.APPROVED, StepStatus.APPROVED)));
    }

    private ApprovalEvent completion(String id) {
        return ApprovalEvent.of(id, 5, t0.plusSeconds(2), new EventPayload.Completed(DRAFTER.id(), "t", HEAD,
                progress(Progress.Status.APPROVED, null, StepStatus.APPROVED, StepStatus.APPROVED)));
    }

    private Document recorded(String topic, ApprovalEvent event) throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        NotifyBuilder failed = new NotifyBuilder(camel).fromRoute("approval-request.record").whenFailed(1).create();
        publish(topic, event);
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        // recorded at the first attempt: a redelivery would hide a failure that the next delivery happens to mend
        assertThat(failed.matches()).as("a delivery failed").isFalse();
        return approvals().find(new Document("_id", event.approvalId())).first();
    }

    @Test
    void theWriteThatApprovesTheDocumentAlsoGivesItsNumberTakenOnceWhicheverEventComesFirst() throws Exception {
        // the final decision first (the completion is on another topic and may lag): approved and numbered at once
        String id = submit("번호 테스트");
        long before = counter();
        Document doc = recorded("approval.decided", finalDecision(id));
        assertThat(doc.getString("status")).isEqualTo("APPROVED");
        String number = doc.getString("number");
        assertThat(number).isEqualTo(String.format("GEN-2026-%06d", before + 1));
        // the completion and a redelivered decision keep that number and take none from the counter
        assertThat(recorded("approval.completed", completion(id)).getString("number")).isEqualTo(number);
        assertThat(recorded("approval.decided", finalDecision(id)).getString("number")).isEqualTo(number);
        assertThat(counter()).isEqualTo(before + 1);

        // the completion first: the same, and the late final decision changes nothing
        String second = submit("번호 테스트 2");
        doc = recorded("approval.completed", completion(second));
        assertThat(doc.getString("status")).isEqualTo("APPROVED");
        assertThat(doc.getString("number")).isEqualTo(String.format("GEN-2026-%06d", before + 2));
        assertThat(recorded("approval.decided", finalDecision(second)).getString("number")).isEqualTo(doc.getString("number"));
        assertThat(counter()).isEqualTo(before + 2);
    }

    @Test
    void aNumberAnotherDeliveryClaimedIsTheOneShown() throws Exception {
        // another instance recorded the completion at the same time: it took a number and claimed it, not yet shown
        String id = submit("번호 선점 테스트");
        approvals().updateOne(new Document("_id", id), new Document("$set", new Document("numberClaim", "GEN-2026-999999")));
        long before = counter();
        Document doc = recorded("approval.decided", finalDecision(id));
        assertThat(doc.getString("status")).isEqualTo("APPROVED");
        assertThat(doc.getString("number")).isEqualTo("GEN-2026-999999");
        assertThat(counter()).isEqualTo(before);
        // the claim is not part of the contract's document
        assertThat(http.get("/api/approvals/" + id, token(DRAFTER)).json().has("numberClaim")).isFalse();
    }

    /** A document another delivery claims a number for while this one takes its own from the counter. */
    private static final AtomicReference<String> CLAIMED_MEANWHILE = new AtomicReference<>();

    @Test
    void whenAnotherDeliveryClaimsANumberMeanwhileItsNumberIsShownAndOursIsSkipped() throws Exception {
        if (camel.getRoute("approval-request.number").getProperties().get("claim-race") == null) {
            // observe-and-act right after the counter: the moment two instances recording the final decision and
            // the completion at once would both have taken a number
            AdviceWith.adviceWith(camel, "approval-request.number", route -> route.weaveById("take-number").after()
                    .process(e -> {
                        String id = e.getVariable("event", ApprovalEvent.class).approvalId();
                        if (id.equals(CLAIMED_MEANWHILE.get())) {
                            approvals().updateOne(new Document("_id", id),
                                    new Document("$set", new Document("numberClaim", "GEN-2026-888888")));
                        }
                    }));
            camel.getRoute("approval-request.number").getProperties().put("claim-race", true);
        }
        String id = submit("번호 경합 테스트");
        CLAIMED_MEANWHILE.set(id);
        long before = counter();
        Document doc = recorded("approval.decided", finalDecision(id));
        assertThat(doc.getString("status")).isEqualTo("APPROVED");
        assertThat(doc.getString("number")).isEqualTo("GEN-2026-888888");
        assertThat(counter()).as("our number was taken, then skipped").isEqualTo(before + 1);
    }

    @Test
    void aHoldShowsOnTheStepUntilTheStepIsDecided() throws Exception {
        String id = submit("보류 테스트");
        Progress.Hold hold = new Progress.Hold(t0.plusSeconds(1), "견적서 확인 후", LEAD);
        ApprovalEvent held = ApprovalEvent.of(id, 2, t0.plusSeconds(1), new EventPayload.Decided(DRAFTER.id(), "t", 1, 2,
                LEAD, EventPayload.Decision.HELD, "견적서 확인 후", new Progress(Progress.Status.IN_PROGRESS, 1, List.of(
                new StepProgress(1, StepStatus.PENDING, null, null, null, null, hold),
                new StepProgress(2, StepStatus.WAITING, null, null)))));
        ApprovalEvent activated = firstActivation(id);
        publish("approval.step-activated", activated);
        publish("approval.decided", held);
        awaitRecorded(activated);
        awaitRecorded(held);

        JsonNode view = http.get("/api/approvals/" + id, token(DRAFTER)).json();
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id,
                http.get("/api/approvals/" + id, token(DRAFTER)));
        assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode step = view.path("line").get(0);
        assertThat(step.path("status").asText()).isEqualTo("PENDING");
        assertThat(step.path("hold").path("reason").asText()).isEqualTo("견적서 확인 후");
        assertThat(step.path("hold").path("by").path("id").asLong()).isEqualTo(LEAD.id());
        assertThat(Instant.parse(step.path("hold").path("at").asText())).isEqualTo(t0.plusSeconds(1));
        assertThat(view.path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "STEP_ACTIVATED", "HELD");
        assertThat(view.path("history").get(2).path("comment").asText()).isEqualTo("견적서 확인 후");
        // the drafter's list says so too
        var list = http.get("/api/approvals?limit=100", token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals", list);
        assertThat(summary(list.json(), id).path("heldAt").asText()).isEqualTo(step.path("hold").path("at").asText());
        assertThat(ids(http.get("/api/approvals?held=true&limit=100", token(DRAFTER)).json())).contains(id);
        assertThat(ids(http.get("/api/approvals?held=false&limit=100", token(DRAFTER)).json())).doesNotContain(id);

        // the lead decides: the hold is gone with the snapshot that decides the step
        ApprovalEvent approved = ApprovalEvent.of(id, 3, t0.plusSeconds(2), new EventPayload.Decided(DRAFTER.id(), "t", 1, 2,
                LEAD, EventPayload.Decision.APPROVED, "확인했습니다",
                progress(Progress.Status.IN_PROGRESS, 2, StepStatus.APPROVED, StepStatus.PENDING)));
        publish("approval.decided", approved);
        awaitRecorded(approved);
        assertThat(http.get("/api/approvals/" + id, token(DRAFTER)).json().path("line").get(0).has("hold")).isFalse();
        assertThat(summary(http.get("/api/approvals?limit=100", token(DRAFTER)).json(), id).has("heldAt")).isFalse();
        assertThat(ids(http.get("/api/approvals?held=true&limit=100", token(DRAFTER)).json())).doesNotContain(id);
        assertThat(ids(http.get("/api/approvals?held=false&limit=100", token(DRAFTER)).json())).contains(id);
    }

    private static List<String> ids(JsonNode list) {
        return list.path("items").findValuesAsText("id");
    }

    private static JsonNode summary(JsonNode list, String id) {
        for (JsonNode item : list.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("document " + id + " is not listed");
    }

    @Test
    void aRejectionEndsTheDocument() throws Exception {
        String id = submit("반려 테스트");
        Progress rejected = new Progress(Progress.Status.REJECTED, null, List.of(
                new StepProgress(1, StepStatus.REJECTED, t0, "예산 초과"), new StepProgress(2, StepStatus.SKIPPED, null, null)));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(2).create();
        // rejected by the lead's deputy (대결): both entries name whom it was for
        publish("approval.rejected", ApprovalEvent.of(id, 3, t0, new EventPayload.Rejected(DRAFTER.id(), "t", 1, OTHER,
                "예산 초과", rejected, null, LEAD)));
        publish("approval.decided", ApprovalEvent.of(id, 2, t0, new EventPayload.Decided(DRAFTER.id(), "t", 1, 2, OTHER,
                EventPayload.Decision.REJECTED, "예산 초과", rejected, LEAD)));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getString("status")).isEqualTo("REJECTED");
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.getString("status")).containsExactly("REJECTED", "SKIPPED");
        assertThat(doc.getList("line", Document.class).get(0).getString("comment")).isEqualTo("예산 초과");
        assertThat(doc.getString("number")).isNull();
        assertThat(doc.getList("history", Document.class)).filteredOn(h -> h.getString("type").startsWith("DOCUMENT_")
                || h.getString("type").equals("REJECTED")).hasSize(2)
                .allSatisfy(h -> assertThat(h.get("onBehalfOf", Document.class).get("id", Number.class).longValue())
                        .isEqualTo(LEAD.id()));
    }

    @Test
    void aWithdrawalEndsTheDocumentWhateverOrderItsEventsArriveIn() throws Exception {
        String id = submit("회수 테스트");
        ApprovalEvent activated1 = firstActivation(id);
        ApprovalEvent approved1 = firstApproval(id);
        ApprovalEvent withdrawn = ApprovalEvent.of(id, 4, t0.plusSeconds(3), new EventPayload.Withdrawn(DRAFTER.id(), "t",
                DRAFTER, 2, List.of(LEAD, HEAD), "금액 수정",
                progress(Progress.Status.WITHDRAWN, null, StepStatus.APPROVED, StepStatus.SKIPPED)));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(3).create();
        // the withdrawal first: the older snapshots arriving after it must not reopen the document
        publish("approval.withdrawn", withdrawn);
        publish("approval.decided", approved1);
        publish("approval.step-activated", activated1);
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getString("status")).isEqualTo("WITHDRAWN");
        assertThat(doc.get("currentStep")).isNull();
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.getString("status")).containsExactly("APPROVED", "SKIPPED");
        assertThat(doc.getDate("completedAt")).isNotNull();
        assertThat(doc.getString("number")).as("only approved documents are numbered").isNull();

        var view = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
        JsonNode last = view.json().path("history").get(3);
        assertThat(view.json().path("history").findValuesAsText("type")).containsExactly(
                "SUBMITTED", "STEP_ACTIVATED", "APPROVED", "WITHDRAWN");
        assertThat(last.path("actor").path("id").asLong()).isEqualTo(DRAFTER.id());
        assertThat(last.path("step").asInt()).isEqualTo(2);
        assertThat(last.path("comment").asText()).isEqualTo("금액 수정");
        // and the drafter's box finds it by its status
        var list = http.get("/api/approvals?status=WITHDRAWN&limit=100", token(DRAFTER));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").findValuesAsText("id")).contains(id);
    }

    @Test
    void aLineChangeShowsItsPeopleWhateverOrderItsEventsArriveIn() throws Exception {
        String id = submit("결재선 변경 테스트");
        ApprovalEvent activated1 = firstActivation(id);
        // the drafter put OTHER on step 1 in LEAD's place (sequence 2), which asks OTHER (sequence 3)
        Progress afresh = progress(Progress.Status.IN_PROGRESS, 1, StepStatus.PENDING, StepStatus.WAITING);
        List<LineStep> line = List.of(new LineStep(1, OTHER), new LineStep(2, HEAD));
        // judged against the drafter's org-chart line as it is now (a new lead since), which 전결 goes by from now on
        ApprovalEvent changed = ApprovalEvent.of(id, 2, t0.plusSeconds(5), new EventPayload.LineChanged(DRAFTER.id(),
                "t", DRAFTER, List.of(1), line, List.of(LEAD), List.of(OTHER), "출장", afresh, null, List.of(OTHER, HEAD)));
        ApprovalEvent asked = ApprovalEvent.of(id, 3, t0.plusSeconds(5), new EventPayload.StepActivated(DRAFTER.id(),
                "t", DRAFTER, 1, 2, List.of(OTHER), afresh));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(3).create();
        // the newest snapshot first: the change's people must still show, and not be undone by the older activation
        publish("approval.step-activated", asked);
        publish("approval.line-changed", changed);
        publish("approval.step-activated", activated1);
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getLong("stateVersion")).isEqualTo(3);
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getString("name"))
                .containsExactly(OTHER.name(), HEAD.name());
        var view = http.get("/api/approvals/" + id, token(OTHER));
        assertThat(view.status()).as("the new approver reads it: %s", view).isEqualTo(200);
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
        assertThat(view.json().path("drafterLine").findValuesAsText("name")).containsExactly(OTHER.name(), HEAD.name());
        JsonNode entry = view.json().path("history").get(2);
        assertThat(entry.path("type").asText()).isEqualTo("LINE_CHANGED");
        assertThat(entry.path("actor").path("id").asLong()).isEqualTo(DRAFTER.id());
        assertThat(entry.path("comment").asText()).isEqualTo("step 1: " + OTHER.name() + ". Off the line: " + LEAD.name()
                + ". Reason: 출장");
        assertThat(http.get("/api/approvals?box=approver&limit=100", token(OTHER)).json().path("items")
                .findValuesAsText("id")).contains(id);
        assertThat(http.get("/api/approvals?box=approver&limit=100", token(LEAD)).json().path("items")
                .findValuesAsText("id")).doesNotContain(id);

        // a later change judged with no line (the org chart gives the drafter none now): the page goes by the
        // department rule for 전결 too, as processing does
        ApprovalEvent noLine = ApprovalEvent.of(id, 4, t0.plusSeconds(7), new EventPayload.LineChanged(DRAFTER.id(),
                "t", DRAFTER, List.of(2), List.of(new LineStep(1, OTHER), new LineStep(2, LEAD)), List.of(HEAD),
                List.of(LEAD), null, afresh, null, List.of()));
        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        publish("approval.line-changed", noLine);
        assertThat(recorded.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(approvals().find(new Document("_id", id)).first().containsKey("drafterLine")).isFalse();
        assertThat(http.get("/api/approvals/" + id, token(OTHER)).json().path("drafterLine").size()).isZero();
    }

    @Test
    void aLineThatGrowsThenShrinksShowsItsStepsWhateverOrderItsEventsArriveIn() throws Exception {
        String id = submit("결재선 단계 추가와 삭제");
        // the drafter added OTHER as step 2 before HEAD (sequence 2); LEAD approved step 1 (sequence 3)
        List<LineStep> three = List.of(new LineStep(1, LEAD), new LineStep(2, OTHER), new LineStep(3, HEAD));
        ApprovalEvent grown = ApprovalEvent.of(id, 2, t0.plusSeconds(5), new EventPayload.LineChanged(DRAFTER.id(),
                "t", DRAFTER, List.of(2, 3), three, List.of(), List.of(OTHER), null, new Progress(
                        Progress.Status.IN_PROGRESS, 1, List.of(new StepProgress(1, StepStatus.PENDING, null, null),
                        new StepProgress(2, StepStatus.WAITING, null, null), new StepProgress(3, StepStatus.WAITING, null, null)))));
        Progress afterLead = new Progress(Progress.Status.IN_PROGRESS, 2, List.of(
                new StepProgress(1, StepStatus.APPROVED, t0.plusSeconds(6), null),
                new StepProgress(2, StepStatus.PENDING, null, null), new StepProgress(3, StepStatus.WAITING, null, null)));
        ApprovalEvent approved = ApprovalEvent.of(id, 3, t0.plusSeconds(6), new EventPayload.Decided(DRAFTER.id(), "t", 1, 3,
                LEAD, EventPayload.Decision.APPROVED, null, afterLead));
        NotifyBuilder both = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(3).create();
        // the decision on the longer line first: its step 3 exists before the change that added it is recorded
        publish("approval.decided", approved);
        publish("approval.line-changed", grown);
        publish("approval.step-activated", firstActivation(id));
        assertThat(both.matches(30, TimeUnit.SECONDS)).isTrue();

        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getString("name"),
                s -> s.getString("status"), s -> s.getInteger("step"))
                .containsExactly(tuple(LEAD.name(), "APPROVED", 1), tuple(OTHER.name(), "PENDING", 2),
                        tuple(HEAD.name(), "WAITING", 3));
        var view = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
        assertThat(view.json().path("line")).hasSize(3);

        // then OTHER's step removed (sequence 4): the line is LEAD, HEAD again, HEAD's step active
        List<LineStep> two = List.of(new LineStep(1, LEAD), new LineStep(2, HEAD));
        ApprovalEvent shrunk = ApprovalEvent.of(id, 4, t0.plusSeconds(7), new EventPayload.LineChanged(DRAFTER.id(),
                "t", DRAFTER, List.of(2, 3), two, List.of(OTHER), List.of(), "다시", new Progress(Progress.Status.IN_PROGRESS,
                2, List.of(new StepProgress(1, StepStatus.APPROVED, t0.plusSeconds(6), null),
                new StepProgress(2, StepStatus.PENDING, null, null)))));
        publish("approval.line-changed", shrunk);
        awaitRecorded(shrunk);
        doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getString("name"),
                s -> s.getString("status")).containsExactly(tuple(LEAD.name(), "APPROVED"), tuple(HEAD.name(), "PENDING"));
        view = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, view);
        JsonNode last = view.json().path("history").get(view.json().path("history").size() - 1);
        assertThat(last.path("comment").asText()).isEqualTo("step 2: " + HEAD.name() + "; step 3 removed. Off the line: "
                + OTHER.name() + ". Reason: 다시");
        // a redelivery of the longer line's change changes nothing now
        NotifyBuilder again = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        publish("approval.line-changed", grown);
        assertThat(again.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(approvals().find(new Document("_id", id)).first().getList("line", Document.class)).hasSize(2);
    }

    /** Until the document's history holds the event: recorded (any other event's completion does not count). */
    private void awaitRecorded(ApprovalEvent e) {
        // the history's entry is the first write of its record; the others follow in the same exchange
        await(() -> approvals().countDocuments(new Document("_id", e.approvalId()).append("history.eventId", e.eventId())) == 1
                && camel.getInflightRepository().size("approval-request.record") == 0);
    }

    private static StepProgress step(int n, StepStatus status) {
        return new StepProgress(n, status, status == StepStatus.APPROVED ? Instant.parse("2026-11-21T01:00:09Z") : null, null);
    }

    private ApprovalEvent lineChanged(String id, long sequence, List<LineStep> line, List<StepProgress> steps) {
        return ApprovalEvent.of(id, sequence, t0.plusSeconds(sequence), new EventPayload.LineChanged(DRAFTER.id(), "t",
                DRAFTER, List.of(1), line, List.of(), List.of(), null, new Progress(Progress.Status.IN_PROGRESS, 1, steps)));
    }

    @Test
    void aLineChangeRecordedAfterANewerSnapshotNeitherCutsTheLineNorLosesItsDecisions() throws Exception {
        String id = submit("늦게 기록된 결재선 변경");
        // shortened to LEAD alone (2), then grown to LEAD, OTHER, HEAD (3); LEAD approved (4): recorded last first
        ApprovalEvent shortened = lineChanged(id, 2, List.of(new LineStep(1, LEAD)), List.of(step(1, StepStatus.PENDING)));
        ApprovalEvent grown = lineChanged(id, 3, List.of(new LineStep(1, LEAD), new LineStep(2, OTHER), new LineStep(3, HEAD)),
                List.of(step(1, StepStatus.PENDING), step(2, StepStatus.WAITING), step(3, StepStatus.WAITING)));
        ApprovalEvent approved = ApprovalEvent.of(id, 4, t0.plusSeconds(9), new EventPayload.Decided(DRAFTER.id(), "t", 1, 3,
                LEAD, EventPayload.Decision.APPROVED, null, new Progress(Progress.Status.IN_PROGRESS, 2,
                List.of(step(1, StepStatus.APPROVED), step(2, StepStatus.PENDING), step(3, StepStatus.WAITING)))));
        for (ApprovalEvent e : List.of(approved, shortened, grown)) {
            publish(e == approved ? "approval.decided" : "approval.line-changed", e);
            awaitRecorded(e); // one after the other, in this order
        }
        Document doc = approvals().find(new Document("_id", id)).first();
        assertThat(doc.getList("line", Document.class)).extracting(s -> s.get("approver", Document.class).getString("name"),
                s -> s.getString("status")).containsExactly(tuple(LEAD.name(), "APPROVED"), tuple(OTHER.name(), "PENDING"),
                tuple(HEAD.name(), "WAITING"));

        // the other way round: grown (2), shortened (3), LEAD's approval ends it (4); the grown change recorded after the
        // end leaves steps behind that the document no longer shows
        String other = submit("늦게 기록된 단계 추가");
        ApprovalEvent grow = lineChanged(other, 2, List.of(new LineStep(1, LEAD), new LineStep(2, OTHER), new LineStep(3, HEAD)),
                List.of(step(1, StepStatus.PENDING), step(2, StepStatus.WAITING), step(3, StepStatus.WAITING)));
        ApprovalEvent shorten = lineChanged(other, 3, List.of(new LineStep(1, LEAD)), List.of(step(1, StepStatus.PENDING)));
        ApprovalEvent done = ApprovalEvent.of(other, 4, t0.plusSeconds(9), new EventPayload.Decided(DRAFTER.id(), "t", 1, 1,
                LEAD, EventPayload.Decision.APPROVED, null, new Progress(Progress.Status.APPROVED, null,
                List.of(step(1, StepStatus.APPROVED)))));
        for (ApprovalEvent e : List.of(done, grow, shorten)) {
            publish(e == done ? "approval.decided" : "approval.line-changed", e);
            awaitRecorded(e);
        }
        var view = http.get("/api/approvals/" + other, token(DRAFTER));
        assertThat(view.status()).as("%s", view).isEqualTo(200);
        assertThat(view.json().path("line").findValuesAsText("name")).containsExactly(LEAD.name());
        assertThat(http.get("/api/approvals/" + other, token(OTHER)).status()).isEqualTo(403);
    }

    @Test
    void theLeaveLedgersAnswerShowsOnTheDocumentAndARefusalRejectsIt() throws Exception {
        String reservedId = submit("휴가 1");
        String refusedId = submit("휴가 2");
        Leave leave = LeaveRules.leave("ANNUAL", "2031-03-03", "2031-03-05", CompanyDays.WEEKDAYS);
        EventPayload.Submitted submission = new EventPayload.Submitted(DRAFTER.id(), "휴가", DRAFTER, "LEAVE",
                List.of(new LineStep(1, LEAD), new LineStep(2, HEAD)), Instant.now(), null, leave);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(2).create();
        publish("approval.leave-reserved", ApprovalEvent.of(reservedId, 0, Instant.now(),
                new EventPayload.LeaveReserved(DRAFTER.id(), "휴가", submission, 12.0)));
        publish("approval.leave-refused", ApprovalEvent.of(refusedId, ApprovalEvent.FINAL_SEQUENCE, Instant.now(), new EventPayload.LeaveRefused(
                DRAFTER.id(), "휴가", DRAFTER, leave, 2.0, "Not enough annual leave: this asks for 3 days, 2 days left.",
                progress(Progress.Status.REJECTED, null, StepStatus.SKIPPED, StepStatus.SKIPPED))));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        // a snapshot of processing after a refusal (the document started some other way) does not reopen it
        NotifyBuilder late = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        ApprovalEvent first = firstActivation(refusedId);
        // a sequence above any a refusal could have had if it were not final
        publish("approval.step-activated", new ApprovalEvent(first.eventId(), first.type(), first.version(),
                first.occurredAt(), refusedId, 5, first.payload()));
        assertThat(late.matches(30, TimeUnit.SECONDS)).isTrue();

        // reserved: the document waits for processing as it was, the history says what is held
        var reserved = http.get("/api/approvals/" + reservedId, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + reservedId, reserved);
        assertThat(reserved.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reserved.json().path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "LEAVE_RESERVED");
        assertThat(reserved.json().path("history").get(1).path("comment").asText())
                .isEqualTo("3 days reserved; 12 days left to ask for.");

        // refused: rejected before anyone on the line was asked, and why
        var refused = http.get("/api/approvals/" + refusedId, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + refusedId, refused);
        assertThat(refused.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.json().path("line").findValuesAsText("status")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(refused.json().has("completedAt")).isTrue();
        assertThat(refused.json().path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "STEP_ACTIVATED",
                "LEAVE_REFUSED");
        assertThat(refused.json().path("history").get(2).path("comment").asText()).contains("2 days left");
    }

    /** approval-processing could not start a submission along its line: the document is rejected, and why. */
    @Test
    void aSubmissionProcessingRefusedIsRejectedWithItsReason() throws Exception {
        String id = submit("처리 거부");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        publish("approval.rejected", ApprovalEvent.of(id, ApprovalEvent.FINAL_SEQUENCE, Instant.now(),
                new EventPayload.Refused(DRAFTER.id(), "처리 거부", DRAFTER, "submission " + id + ": the drafter is on the line",
                        progress(Progress.Status.REJECTED, null, StepStatus.SKIPPED, StepStatus.SKIPPED))));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        var refused = http.get("/api/approvals/" + id, token(DRAFTER));
        assertMatchesContract("approval-request-api.yaml", "GET", "/api/approvals/" + id, refused);
        assertThat(refused.json().path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.json().path("line").findValuesAsText("status")).containsExactly("SKIPPED", "SKIPPED");
        assertThat(refused.json().path("history").findValuesAsText("type")).containsExactly("SUBMITTED", "REFUSED");
        assertThat(refused.json().path("history").get(1).path("comment").asText()).contains("the drafter is on the line");
    }

    /** The document whose number cannot be taken (below). */
    private static final AtomicReference<String> NUMBER_FAILS = new AtomicReference<>();

    /**
     * A failure while the document's number is taken is the consumer's like any other: retried, then dead-lettered
     * with its reason, and the consumer goes on. (With an error handler of its own, the numbering's route marked it
     * handled: the consumer's never saw it, and the message was polled again at once, for ever.)
     */
    @Test
    void aDocumentWhoseNumberCannotBeTakenIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        if (camel.getRoute("approval-request.number").getProperties().get("number-fails") == null) {
            AdviceWith.adviceWith(camel, "approval-request.number", route -> route.weaveAddFirst()
                    .filter(e -> e.getVariable("event", ApprovalEvent.class).approvalId().equals(NUMBER_FAILS.get()))
                        .throwException(new IllegalStateException("no number for the test")));
            camel.getRoute("approval-request.number").getProperties().put("number-fails", true);
        }
        String id = submit("번호 실패 테스트");
        NUMBER_FAILS.set(id);
        publish("approval.decided", finalDecision(id));

        List<ConsumerRecord<String, String>> dead = kafka.await("approval.decided.dlq", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-route")).isEqualTo("approval-request.record");
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-reason")).contains("no number for the test");
        assertThat(approvals().find(new Document("_id", id)).first().getString("status")).isEqualTo("SUBMITTED");

        String other = submit("번호 실패 뒤");
        assertThat(recorded("approval.decided", finalDecision(other)).getString("status")).isEqualTo("APPROVED");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheConsumerGoesOn() throws Exception {
        String id = submit("독약 테스트");
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(2).create();
        kafka.send("approval.decided", id, "this is not an event");
        publish("approval.step-activated", ApprovalEvent.of(id, 1, t0, new EventPayload.StepActivated(DRAFTER.id(), "t",
                DRAFTER, 1, 2, List.of(LEAD), progress(Progress.Status.IN_PROGRESS, 1, StepStatus.PENDING, StepStatus.WAITING))));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();

        List<ConsumerRecord<String, String>> dead = kafka.await("approval.decided.dlq", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo("this is not an event");
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-original-topic")).isEqualTo("approval.decided");
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-reason")).isNotBlank();
        assertThat(KafkaProbe.header(dead.get(0), "x-dlq-route")).isEqualTo("approval-request.record");

        assertThat(approvals().find(new Document("_id", id)).first().getString("status")).isEqualTo("IN_PROGRESS");
    }
}
