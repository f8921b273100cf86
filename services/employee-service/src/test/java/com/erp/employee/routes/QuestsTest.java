package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Quests on a real MariaDB: posted by a manager, taken, reported, sent back, approved with the reward earned in the
 * leave ledger (once), cancelled; who may do what; racing takers.
 */
class QuestsTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";

    private long post(String managerToken, String title, double reward) {
        Response r = http.post("/api/quests", managerToken, Map.of("title", title, "description", "설명",
                "rewardDays", reward, "dueDate", java.time.LocalDate.now().plusMonths(6).toString()));
        assertThat(r.status()).as("post: %s", r).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Response act(String token, long quest, String action, Object body) {
        return http.post("/api/quests/" + quest + "/" + action, token, body);
    }

    private double available(String token) {
        return http.get("/api/leave/balance", token).json().path("available").asDouble();
    }

    @Test
    void aQuestIsPostedTakenReportedAndApprovedAndItsRewardIsEarnedOnce() {
        String lead = token("dev.lead");
        String staff = token("dev.staff");
        double before = available(staff);

        Response posted = http.post("/api/quests", lead, Map.of("title", "온보딩 문서 정리", "rewardDays", 1.5));
        assertThat(posted.status()).as("%s", posted).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/quests", posted);
        long id = posted.json().path("id").asLong();
        assertThat(posted.header("Location")).isEqualTo("/api/quests/" + id);
        assertThat(posted.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(posted.json().path("poster").path("name").asText()).isEqualTo("이서연");

        Response taken = act(staff, id, "take", null);
        assertThat(taken.status()).as("%s", taken).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/quests/" + id + "/take", taken);
        assertThat(taken.json().path("assignee").path("name").asText()).isEqualTo("김민준");
        assertThat(act(staff, id, "report", Map.of("report", "정리했습니다")).json().path("status").asText()).isEqualTo("SUBMITTED");

        Response approved = act(lead, id, "approval", Map.of("note", "수고했어요"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/quests/" + id + "/approval", approved);
        assertThat(approved.json().path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.json().path("reviewNote").asText()).isEqualTo("수고했어요");

        assertThat(available(staff)).isEqualTo(before + 1.5);
        JsonNode earned = http.get("/api/leave/entries", staff).json().path("items").path(0);
        assertThat(earned.path("kind").asText()).isEqualTo("EARNED");
        assertThat(earned.path("questId").asLong()).isEqualTo(id);
        assertThat(earned.path("title").asText()).isEqualTo("온보딩 문서 정리");
        assertThat(earned.path("days").asDouble()).isEqualTo(1.5);

        // approved once, paid once
        assertProblem(act(lead, id, "approval", null), 409);
        assertThat(available(staff)).isEqualTo(before + 1.5);
        Response read = http.get("/api/quests/" + id, token("sales.staff"));
        assertMatchesContract(CONTRACT, "GET", "/api/quests/" + id, read);
        assertThat(read.json().path("status").asText()).isEqualTo("APPROVED");

        // each change was published from the outbox, in order, keyed by the quest, for the notifications
        List<JsonNode> changes = kafka.awaitKey("quest.changed", String.valueOf(id), 3).stream()
                .map(r -> readJson(r.value())).toList();
        assertThat(changes).extracting(c -> c.path("type").asText()).containsExactly("TAKEN", "REPORTED", "APPROVED");
        assertThat(changes).extracting(c -> c.path("actor").path("name").asText()).containsExactly("김민준", "김민준", "이서연");
        assertThat(changes.get(1).path("note").asText()).isEqualTo("정리했습니다");
        assertThat(changes.get(2).path("rewardDays").asDouble()).isEqualTo(1.5);
        assertThat(changes.get(2).path("assigneeId").asLong()).isEqualTo(taken.json().path("assignee").path("id").asLong());
        assertThat(changes).extracting(c -> c.path("eventId").asText()).doesNotHaveDuplicates();
    }

    /**
     * The events employee-service publishes go out through its outbox relay, in a route of the relay's; each still
     * carries the trace of the request that caused it (kept with the outbox row), here the client's own.
     */
    @Test
    void aQuestsEventCarriesTheTraceOfTheRequestThatChangedIt() {
        String trace = "6bf92f3577b34da6a3ce929d0e0e4736";
        long id = post(token("dev.lead"), "추적되는 퀘스트", 1);
        Response taken = http.send(http.request("/api/quests/" + id + "/take", token("dev.staff"))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(taken.status()).as("%s", taken).isEqualTo(200);

        String carried = com.erp.routes.testing.KafkaProbe.header(
                kafka.awaitKey("quest.changed", String.valueOf(id), 1).get(0), "traceparent");
        assertThat(carried).as("the relayed event's traceparent").startsWith("00-" + trace + "-")
                .doesNotContain("00f067aa0ba902b7");
        // one quest in hand at a time: the other tests' taker has it free again
        assertThat(act(token("dev.staff"), id, "give-up", null).status()).isEqualTo(200);
    }

    /**
     * One person's quest rewards of a year stop at the yearly limit (10 days here): the approval beyond it still
     * approves, pays what is left (then nothing), and the quest and its event say what it paid.
     */
    @Test
    void questRewardsOfAYearStopAtTheYearlyLimitAndTheQuestSaysWhatItPaid() {
        Hired manager = hired("DEV", "MANAGER");
        Hired doer = hired("DEV");
        double before = available(doer.token());
        List<JsonNode> approved = new java.util.ArrayList<>();
        for (double reward : new double[] {5, 4.5, 1, 0.5}) {
            long id = post(manager.token(), "퀘스트 " + reward, reward);
            assertThat(act(doer.token(), id, "take", null).status()).isEqualTo(200);
            assertThat(act(doer.token(), id, "report", Map.of("report", "완료")).status()).isEqualTo(200);
            Response r = act(manager.token(), id, "approval", null);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            assertMatchesContract(CONTRACT, "POST", "/api/quests/" + id + "/approval", r);
            approved.add(r.json());
        }
        assertThat(approved).extracting(q -> q.path("status").asText()).containsOnly("APPROVED");
        assertThat(approved).extracting(q -> q.path("rewardDays").asDouble()).containsExactly(5.0, 4.5, 1.0, 0.5);
        assertThat(approved).extracting(q -> q.path("rewardPaidDays").asDouble()).containsExactly(5.0, 4.5, 0.5, 0.0);
        assertThat(available(doer.token())).isEqualTo(before + 10);
        // the last paid nothing: no entry for it
        JsonNode entries = http.get("/api/leave/entries", doer.token()).json().path("items");
        assertThat(entries.findValuesAsText("kind").stream().filter("EARNED"::equals)).hasSize(3);
        assertThat(entries.path(0).path("days").asDouble()).isEqualTo(0.5);
        assertThat(entries.path(0).path("questId").asLong()).isEqualTo(approved.get(2).path("id").asLong());

        String third = String.valueOf(approved.get(2).path("id").asLong());
        JsonNode event = readJson(kafka.awaitKey("quest.changed", third, 3).get(2).value());
        assertThat(event.path("type").asText()).isEqualTo("APPROVED");
        assertThat(event.path("rewardDays").asDouble()).isEqualTo(1.0);
        assertThat(event.path("paidDays").asDouble()).isEqualTo(0.5);
        // read later, it says the same
        assertThat(http.get("/api/quests/" + third, doer.token()).json().path("rewardPaidDays").asDouble()).isEqualTo(0.5);
    }

    private static JsonNode readJson(String value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyManagersPostAndOnlyThePosterApprovesSendsBackOrCancels() {
        String lead = token("dev.lead");
        String head = token("dev.head");
        String staff = token("sales.staff");
        assertThat(assertProblem(http.post("/api/quests", staff, Map.of("title", "t", "rewardDays", 1)), 403)
                .path("detail").asText()).contains("managers");
        assertProblem(http.post("/api/quests", lead, Map.of("title", "t", "rewardDays", 0.7)), 400);
        assertProblem(http.post("/api/quests", lead, Map.of("title", "t", "rewardDays", 1, "dueDate", "2020-01-01")), 422);
        assertThat(assertProblem(http.post("/api/quests", lead, Map.of("title", "t", "rewardDays", 1, "dueDate", "2099-12-31")),
                422).path("detail").asText()).contains("more than a year away");
        assertProblem(http.post("/api/quests", null, Map.of("title", "t", "rewardDays", 1)), 401);

        long id = post(lead, "회의록 정리", 1);
        assertProblem(act(lead, id, "take", null), 422);
        assertProblem(act(head, id, "cancellation", null), 403);
        assertThat(act(staff, id, "take", null).status()).isEqualTo(200);
        assertProblem(act(token("dev.staff"), id, "report", null), 403);
        assertThat(act(staff, id, "report", null).status()).isEqualTo(200);
        assertProblem(act(lead, id, "cancellation", null), 409);
        // the assignee, another manager: not theirs to sign off
        assertProblem(act(staff, id, "approval", null), 403);
        assertThat(assertProblem(act(head, id, "approval", null), 403).path("detail").asText()).contains("posted");
        assertProblem(act(lead, id, "send-back", Map.of()), 400);
        Response back = act(lead, id, "send-back", Map.of("reason", "날짜가 빠졌어요"));
        assertThat(back.json().path("status").asText()).isEqualTo("TAKEN");
        assertThat(back.json().path("reviewNote").asText()).isEqualTo("날짜가 빠졌어요");
        assertThat(act(staff, id, "report", Map.of("report", "날짜 추가")).status()).isEqualTo(200);
        assertThat(act(lead, id, "approval", null).json().path("status").asText()).isEqualTo("APPROVED");

        // someone else sends back, the poster reviews again; an administrator calls off a reported quest of a poster gone
        long reported = post(lead, "검토 대기", 1);
        assertThat(act(staff, reported, "take", null).status()).isEqualTo(200);
        assertThat(act(staff, reported, "report", null).status()).isEqualTo(200);
        assertProblem(act(head, reported, "send-back", Map.of("reason", "x")), 403);
        assertProblem(act(staff, reported, "cancellation", null), 403);
        assertThat(act(token("admin"), reported, "cancellation", null).json().path("status").asText()).isEqualTo("CANCELLED");

        long open = post(lead, "취소할 퀘스트", 0.5);
        assertThat(act(lead, open, "cancellation", null).json().path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(act(staff, open, "take", null), 409);
        assertProblem(act(staff, 999999, "take", null), 404);
        assertProblem(http.get("/api/quests/999999", staff), 404);
    }

    @Test
    void whenSomeoneLeavesTheirQuestInHandIsOpenAgainTheirOpenOnesCalledOffAndAnAdministratorReviewsTheRest() {
        Hired poster = hired("DEV", "MANAGER");
        Hired taker = hired("DEV");
        Hired leaver = hired("SALES");
        String admin = token("admin");
        String lead = token("dev.lead");
        long untaken = post(poster.token(), "아무도 안 맡은 퀘스트", 1);
        long reported = post(poster.token(), "보고된 퀘스트", 1.5);
        assertThat(act(taker.token(), reported, "take", null).status()).isEqualTo(200);
        assertThat(act(taker.token(), reported, "report", Map.of("report", "끝냈습니다")).status()).isEqualTo(200);
        // one the administrator took themselves: never theirs to review, poster gone or not
        long adminsOwn = post(poster.token(), "관리자가 맡은 퀘스트", 1);
        assertThat(act(admin, adminsOwn, "take", null).status()).isEqualTo(200);
        assertThat(act(admin, adminsOwn, "report", null).status()).isEqualTo(200);
        long inHand = post(lead, "떠나는 사람의 퀘스트", 1);
        assertThat(act(leaver.token(), inHand, "take", null).status()).isEqualTo(200);
        assertThat(act(leaver.token(), inHand, "report", null).status()).isEqualTo(200);

        for (long id : List.of(poster.id(), leaver.id())) {
            Response left = http.post("/api/employees/" + id + "/departure", admin, Map.of("reason", "이직"));
            assertThat(left.status()).as("%s", left).isEqualTo(200);
        }

        assertThat(http.get("/api/quests/" + untaken, lead).json().path("status").asText()).isEqualTo("CANCELLED");
        // the leaver's quest is open again for someone else; its poster hears they gave it up
        JsonNode reopened = http.get("/api/quests/" + inHand, lead).json();
        assertThat(reopened.path("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.has("assignee")).isFalse();
        assertThat(reopened.has("report")).isFalse();
        assertThat(act(lead, inHand, "approval", null).status()).as("nothing to approve, nobody paid").isEqualTo(409);
        JsonNode givenUp = readJson(kafka.await("quest.changed", r -> String.valueOf(inHand).equals(r.key())
                && r.value().contains("GIVEN_UP"), 1, java.time.Duration.ofSeconds(30)).get(0).value());
        assertThat(givenUp.path("actor").path("id").asLong()).isEqualTo(leaver.id());
        assertThat(givenUp.path("posterId").asLong()).isNotEqualTo(leaver.id());

        // the reported one waits for a review: an administrator's now, not another manager's
        Response orphan = http.get("/api/quests/" + reported, admin);
        assertMatchesContract(CONTRACT, "GET", "/api/quests/" + reported, orphan);
        assertThat(orphan.json().path("posterLeft").asBoolean()).isTrue();
        assertThat(orphan.json().path("reviewedInPostersPlace").asBoolean()).isTrue();
        assertThat(http.get("/api/quests/" + inHand, lead).json().has("posterLeft")).as("its poster is here").isFalse();
        assertThat(assertProblem(act(token("dev.head"), reported, "approval", null), 403).path("detail").asText())
                .contains("posted");
        assertProblem(act(admin, adminsOwn, "approval", null), 403);
        assertThat(act(admin, adminsOwn, "give-up", null).status()).as("reported: it waits for a review")
                .isEqualTo(409);
        assertThat(act(admin, adminsOwn, "cancellation", null).status()).as("an administrator calls it off").isEqualTo(200);
        double before = available(taker.token());
        Response approved = act(admin, reported, "approval", Map.of("note", "대신 승인합니다"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/quests/" + reported + "/approval", approved);
        assertThat(available(taker.token())).isEqualTo(before + 1.5);
    }

    /**
     * A poster who is no longer a manager (still employed) no longer reviews: an administrator approves their reported
     * quest in their place, and the taker is paid; before, it waited for good.
     */
    @Test
    void anAdministratorReviewsInThePlaceOfAPosterNoLongerAManager() {
        Hired poster = hired("DEV", "MANAGER");
        Hired taker = hired("DEV");
        String admin = token("admin");
        long reported = post(poster.token(), "역할이 바뀐 사람의 퀘스트", 1);
        assertThat(act(taker.token(), reported, "take", null).status()).isEqualTo(200);
        assertThat(act(taker.token(), reported, "report", Map.of("report", "끝냈습니다")).status()).isEqualTo(200);
        assertProblem(act(admin, reported, "approval", null), 403); // the poster still reviews it

        JsonNode self = http.get("/api/employees/" + poster.id(), admin).json();
        Map<String, Object> change = new java.util.HashMap<>(Map.of("name", self.path("name").asText(), "departmentId",
                self.path("department").path("id").asLong(), "position", self.path("position").asText(), "roles",
                List.of()));
        Response changed = http.put("/api/employees/" + poster.id(), admin, change);
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);

        // the poster, signed in anew (their token says what they are now), reviews nothing and pays nothing
        Response signedIn = login(poster.username(), poster.password());
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(200);
        String demoted = signedIn.json().path("accessToken").asText();
        double unpaid = available(taker.token());
        assertThat(assertProblem(act(demoted, reported, "approval", null), 403).path("detail").asText())
                .contains("Only a manager reviews quests");
        assertThat(assertProblem(act(demoted, reported, "send-back", Map.of("reason", "다시")), 403).path("detail")
                .asText()).contains("Only a manager reviews quests");
        assertThat(available(taker.token())).isEqualTo(unpaid);
        assertThat(http.get("/api/quests/" + reported, admin).json().path("status").asText()).isEqualTo("SUBMITTED");

        Response view = http.get("/api/quests/" + reported, admin);
        assertMatchesContract(CONTRACT, "GET", "/api/quests/" + reported, view);
        assertThat(view.json().path("reviewedInPostersPlace").asBoolean()).isTrue();
        assertThat(view.json().has("posterLeft")).as("still here").isFalse();
        // sent back and reported again: the administrators are told it waits for them, not the poster
        assertThat(act(admin, reported, "send-back", Map.of("reason", "근거를 붙여 주세요")).status()).isEqualTo(200);
        assertThat(act(taker.token(), reported, "report", Map.of("report", "붙였습니다")).status()).isEqualTo(200);
        JsonNode again = readJson(kafka.await("quest.changed", r -> String.valueOf(reported).equals(r.key())
                && r.value().contains("붙였습니다"), 1, java.time.Duration.ofSeconds(30)).get(0).value());
        long adminId = http.get("/api/employees/me", admin).json().path("id").asLong();
        List<Long> reviewers = new java.util.ArrayList<>();
        again.path("reviewers").forEach(r -> reviewers.add(r.asLong()));
        assertThat(reviewers).contains(adminId).doesNotContain(poster.id(), taker.id());
        double before = available(taker.token());
        Response approved = act(admin, reported, "approval", Map.of("note", "대신 승인합니다"));
        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(available(taker.token())).isEqualTo(before + 1);
    }

    @Test
    void aReportSentBackIsNotCalledOffAndOnlyThePeopleConcernedReadTheReport() {
        String lead = token("sales.lead");
        Hired taker = hired("SALES");
        long id = post(lead, "보고서 검토", 1);
        assertThat(act(taker.token(), id, "take", null).status()).isEqualTo(200);
        assertThat(act(taker.token(), id, "report", Map.of("report", "초안입니다")).status()).isEqualTo(200);
        assertThat(act(lead, id, "send-back", Map.of("reason", "표가 빠졌어요")).status()).isEqualTo(200);
        assertThat(assertProblem(act(lead, id, "cancellation", null), 409).path("detail").asText()).contains("reported");
        assertThat(http.get("/api/quests/" + id, lead).json().path("reportedAt").asText()).as("still reported").isNotBlank();

        // the poster, the assignee and administrators read the report and the reason; the rest of the board not
        for (String concerned : List.of(lead, taker.token(), token("admin"))) {
            JsonNode q = http.get("/api/quests/" + id, concerned).json();
            assertThat(q.path("report").asText()).isEqualTo("초안입니다");
            assertThat(q.path("reviewNote").asText()).isEqualTo("표가 빠졌어요");
        }
        Response other = http.get("/api/quests/" + id, token("dev.staff"));
        assertMatchesContract(CONTRACT, "GET", "/api/quests/" + id, other);
        assertThat(other.json().has("report")).isFalse();
        assertThat(other.json().has("reviewNote")).isFalse();
        JsonNode listed = null;
        for (JsonNode q : http.get("/api/quests", token("dev.staff")).json().path("items")) {
            if (q.path("id").asLong() == id) {
                listed = q;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.has("report") || listed.has("reviewNote")).isFalse();

        // given up, it may be called off; and a poster who is no longer a manager still calls off their own
        assertThat(act(taker.token(), id, "give-up", null).status()).isEqualTo(200);
        long leadId = http.get("/api/employees/me", lead).json().path("id").asLong();
        String noLongerManager = com.erp.routes.testing.TestPeople.token(tokens,
                new com.erp.routes.common.events.Person(leadId, "정하늘", "TEAM_LEAD", "영업본부"), "EMPLOYEE");
        Response cancelled = act(noLongerManager, id, "cancellation", null);
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertProblem(act(lead, id, "approval", null), 409);
    }

    @Test
    void oneTakerPerQuestAndOneQuestInHandPerEmployee() throws Exception {
        String lead = token("sales.lead");
        long contested = post(lead, "경쟁 퀘스트", 1);
        long other = post(lead, "다른 퀘스트", 1);
        List<String> takers = List.of(token("dev.head"), token("sales.head"));

        List<Callable<Response>> calls = new ArrayList<>();
        takers.forEach(t -> calls.add(() -> act(t, contested, "take", null)));
        List<Response> answers = Concurrently.run(calls);
        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        String winner = answers.get(0).status() == 200 ? takers.get(0) : takers.get(1);

        assertThat(assertProblem(act(winner, other, "take", null), 409).path("detail").asText())
                .contains("quest " + contested + " in hand");
        // given up, the quest is open again and its taker free to take another
        Response givenUp = act(winner, contested, "give-up", null);
        assertThat(givenUp.status()).as("%s", givenUp).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/quests/" + contested + "/give-up", givenUp);
        assertThat(givenUp.json().path("status").asText()).isEqualTo("OPEN");
        assertThat(givenUp.json().has("assignee")).isFalse();
        assertThat(act(winner, other, "take", null).status()).isEqualTo(200);
        // called off by its poster while taken: its taker is free again
        assertThat(act(lead, other, "cancellation", null).json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(act(winner, contested, "take", null).status()).isEqualTo(200);
        Response mine = http.get("/api/quests?mine=true", winner);
        assertMatchesContract(CONTRACT, "GET", "/api/quests", mine);
        assertThat(mine.json().path("items").findValuesAsText("id")).contains(String.valueOf(contested), String.valueOf(other));
        assertThat(http.get("/api/quests?mine=true", token("dev.staff")).json().path("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(contested));
        assertThat(http.get("/api/quests?status=CANCELLED", winner).json().path("items").findValuesAsText("id"))
                .contains(String.valueOf(other)).doesNotContain(String.valueOf(contested));
        assertProblem(http.get("/api/quests?status=DONE", winner), 400);
    }

    @Test
    void oneQuestInHandEvenWhenTakingTwoAtOnceAndTwoApprovalsAtOncePayOnce() throws Exception {
        String lead = token("dev.lead");
        String taker = token("admin");
        long a = post(lead, "동시 1", 1);
        long b = post(lead, "동시 2", 1);
        List<Response> takes = Concurrently.run(List.<Callable<Response>>of(() -> act(taker, a, "take", null),
                () -> act(taker, b, "take", null)));
        assertThat(takes).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        long mine = takes.get(0).status() == 200 ? a : b;

        assertThat(act(taker, mine, "report", null).status()).isEqualTo(200);
        double before = http.get("/api/leave/balance", taker).json().path("available").asDouble();
        List<Response> approvals = Concurrently.run(List.<Callable<Response>>of(() -> act(lead, mine, "approval", null),
                () -> act(lead, mine, "approval", null)));
        assertThat(approvals).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        assertThat(http.get("/api/leave/balance", taker).json().path("available").asDouble()).isEqualTo(before + 1);
        assertThat(http.get("/api/leave/entries", taker).json().path("items").findValuesAsText("kind"))
                .filteredOn("EARNED"::equals).hasSize(1);
    }
}
