package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.employee.domain.AnnualLeave;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LeaveRules;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The leave ledger on a real MariaDB and a real Kafka broker: leave documents' events (sent as approval-processing
 * and approval-request would) reserve, refuse, deduct and release days; the REST reads and grants, and who may.
 * Each test uses a year of its own, so their accounts do not meet.
 */
class LeaveLedgerTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";

    @Autowired
    ObjectMapper json;
    @Autowired
    com.erp.employee.persistence.LeaveLedger ledger;
    /** the service's calendar: a document counts its days as approval-request would */
    @Autowired
    com.erp.routes.common.events.CompanyDays companyDays;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /**
     * Someone hired for the test whose hire date is then put on the first day of the year before {@code year} (further
     * ahead than a hire may name): 15 days in that year, the company's allowance and the law's after a year. A token.
     */
    private String fifteenDaysIn(int year) {
        Hired h = hired("DEV");
        jdbc.update("update employee set hired_on = ? where id = ?", java.sql.Date.valueOf(LocalDate.of(year - 1, 1, 1)), h.id());
        return h.token();
    }

    /** The allowance of the token's holder in the year, in days, by their hire date. */
    private double allowance(String token, int year) {
        LocalDate hiredOn = LocalDate.parse(http.get("/api/employees/me", token).json().path("hiredOn").asText());
        return AnnualLeave.halfDays(15, hiredOn, year) / 2.0;
    }

    private Person me(String token) {
        JsonNode me = http.get("/api/employees/me", token).json();
        return new Person(me.path("id").asLong(), me.path("name").asText(), me.path("position").asText(),
                me.path("department").path("name").asText());
    }

    private ApprovalEvent leave(String id, Person drafter, String kind, String start, String end) {
        Person lead = new Person(drafter.id() + 1, "팀장", "TEAM_LEAD", drafter.department());
        return ApprovalEvent.of(id, 0, Instant.now(), new EventPayload.Submitted(drafter.id(), "휴가 신청", drafter, "LEAVE",
                List.of(new LineStep(1, lead)), Instant.now(), null, LeaveRules.leave(kind, start, end, companyDays)));
    }

    private void send(ApprovalEvent event) throws Exception {
        kafka.send(event.type(), event.approvalId(), json.writeValueAsString(event));
    }

    /** Sends the event and waits until the route has handled it. */
    private void handled(String routeId, ApprovalEvent event) throws Exception {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId).whenCompleted(1).create();
        send(event);
        assertThat(done.matches(30, TimeUnit.SECONDS)).as("%s handled %s", routeId, event.type()).isTrue();
    }

    private static Progress ended(Progress.Status status) {
        return new Progress(status, null, List.of(new Progress.StepProgress(1,
                status == Progress.Status.APPROVED ? Progress.StepStatus.APPROVED : Progress.StepStatus.SKIPPED, null, null)));
    }

    private JsonNode balance(String token, int year) {
        Response r = http.get("/api/leave/balance?year=" + year, token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/leave/balance", r);
        return r.json();
    }

    private List<String> entryKinds(String token, int year) {
        Response r = http.get("/api/leave/entries?year=" + year, token);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/leave/entries", r);
        return r.json().path("items").findValuesAsText("kind");
    }

    @Test
    void everyoneReadsTheCompanysWorkingDaysAndHolidaysAsTheLedgerCountsThem() {
        Response r = http.get("/api/leave/days-off", token("dev.staff"));
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/leave/days-off", r);
        assertThat(r.json().path("workingDays").toString())
                .isEqualTo("[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]");
        List<String> holidays = new java.util.ArrayList<>();
        r.json().path("holidays").forEach(h -> holidays.add(h.asText()));
        assertThat(holidays).isSorted().containsExactlyElementsOf(companyDays.holidays().stream().sorted()
                .map(java.time.LocalDate::toString).toList()).contains("2026-09-24");
        assertProblem(http.get("/api/leave/days-off", null), 401);
    }

    @Test
    void aLeaveHoldsItsDaysOnceAndItsApprovalUsesThem() throws Exception {
        String staff = fifteenDaysIn(2031);
        Person drafter = me(staff);
        String id = UUID.randomUUID().toString();
        ApprovalEvent submitted = leave(id, drafter, "ANNUAL", "2031-03-03", "2031-03-05");

        send(submitted);
        JsonNode reserved = json.readTree(kafka.awaitKey("approval.leave-reserved", id, 1).get(0).value());
        assertThat(reserved.path("type").asText()).isEqualTo("approval.leave-reserved");
        assertThat(reserved.path("payload").path("remaining").asDouble()).isEqualTo(12.0);
        // processing starts the document from the submission it carries
        assertThat(reserved.path("payload").path("submission").path("line").path(0).path("step").asInt()).isEqualTo(1);
        assertThat(reserved.path("payload").path("submission").path("leave").path("days").asDouble()).isEqualTo(3.0);

        JsonNode b = balance(staff, 2031);
        assertThat(List.of(b.path("granted").asDouble(), b.path("reserved").asDouble(), b.path("used").asDouble(),
                b.path("available").asDouble())).containsExactly(15.0, 3.0, 0.0, 12.0);

        // delivered again: the same answer again, nothing more held
        handled("employee.reserve-leave", submitted);
        List<ConsumerRecord<String, String>> answers = kafka.await("approval.leave-reserved", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(answers).hasSize(2);
        assertThat(json.readTree(answers.get(1).value())).isEqualTo(json.readTree(answers.get(0).value()));
        assertThat(balance(staff, 2031).path("reserved").asDouble()).isEqualTo(3.0);

        ApprovalEvent completed = ApprovalEvent.of(id, 3, Instant.now(), new EventPayload.Completed(drafter.id(), "휴가 신청",
                drafter, ended(Progress.Status.APPROVED)));
        handled("employee.settle-leave", completed);
        handled("employee.settle-leave", completed);
        b = balance(staff, 2031);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble()))
                .containsExactly(0.0, 3.0, 12.0);
        assertThat(entryKinds(staff, 2031)).containsExactly("DEDUCTED", "RESERVED");
        // replayed after it ended: it must not start again
        handled("employee.reserve-leave", submitted);
        assertThat(kafka.await("approval.leave-reserved", r -> id.equals(r.key()), 3, Duration.ofSeconds(2))).hasSize(2);
        assertThat(kafka.await("approval.submitted.dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(2)))
                .as("a replay is answered with nothing, not a failure").isEmpty();
        JsonNode entry = http.get("/api/leave/entries?year=2031", staff).json().path("items").path(1);
        assertThat(entry.path("approvalId").asText()).isEqualTo(id);
        assertThat(entry.path("startDate").asText()).isEqualTo("2031-03-03");
        assertThat(entry.path("days").asDouble()).isEqualTo(3.0);
        assertThat(entry.path("availableAfter").asDouble()).isEqualTo(12.0);
    }

    /**
     * The allowance of a year follows the hire date given at hiring: none before its year, in proportion in it, the
     * law's scale after it (22 days after fifteen years); and no leave starts before it.
     */
    @Test
    void theYearsAllowanceFollowsTheHireDateAndNoLeaveStartsBeforeIt() throws Exception {
        String username = unique("veteran");
        Map<String, Object> body = hire(username, "DEV");
        body.put("hiredOn", "2015-03-02");
        Response hiredNow = http.post("/api/employees", token("admin"), body);
        assertThat(hiredNow.status()).as("%s", hiredNow).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/employees", hiredNow);
        assertThat(hiredNow.json().path("employee").path("hiredOn").asText()).isEqualTo("2015-03-02");
        long id = hiredNow.json().path("employee").path("id").asLong();
        String admin = token("admin");
        java.util.function.IntFunction<Double> granted = year -> http.get("/api/leave/balance?year=" + year
                + "&employeeId=" + id, admin).json().path("granted").asDouble();
        assertThat(granted.apply(2014)).isZero();
        assertThat(granted.apply(2015)).as("305 of 365 days of 15, rounded up").isEqualTo(13.0);
        assertThat(granted.apply(2016)).isEqualTo(15.0);
        assertThat(granted.apply(2018)).as("three years").isEqualTo(16.0);
        assertThat(granted.apply(2030)).as("fifteen years").isEqualTo(22.0);

        String token = login(username, hiredNow.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        String early = UUID.randomUUID().toString();
        send(leave(early, me(token), "ANNUAL", "2015-02-26", "2015-03-03"));
        JsonNode refused = json.readTree(kafka.awaitKey("approval.leave-refused", early, 1).get(0).value());
        assertThat(refused.path("payload").path("reason").asText())
                .isEqualTo("The leave starts on 2015-02-26, before the hire date (입사일) 2015-03-02.");
        assertThat(reserved(me(token), "ANNUAL", "2015-03-02", "2015-03-03")).isNotNull();
        assertThat(balance(token, 2015).path("reserved").asDouble()).isEqualTo(2.0);

        // 입사일 정정: not later than a leave it holds; earlier, the opened years take the difference, saying why
        Map<String, Object> change = new java.util.HashMap<>(Map.of("name", body.get("name"), "departmentId",
                body.get("departmentId"), "teamId", body.get("teamId"), "position", "STAFF"));
        change.put("hiredOn", "2020-03-02");
        assertThat(assertProblem(http.put("/api/employees/" + id, admin, change), 409).path("detail").asText())
                .contains("starts before 2020-03-02");
        assertThat(granted.apply(2015)).as("unchanged by the refusal").isEqualTo(13.0);
        assertThat(http.get("/api/leave/entries?year=2015&employeeId=" + id, admin).json().path("items")
                .findValuesAsText("kind")).as("no correction written").containsExactly("RESERVED", "REFUSED");
        change.put("hiredOn", "2015-01-05");
        Response corrected = http.put("/api/employees/" + id, admin, change);
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/employees/" + id, corrected);
        assertThat(corrected.json().path("hiredOn").asText()).isEqualTo("2015-01-05");
        assertThat(granted.apply(2015)).as("361 of 365 days").isEqualTo(15.0);
        assertThat(granted.apply(2030)).isEqualTo(22.0);
        JsonNode correction = http.get("/api/leave/entries?year=2015&employeeId=" + id, admin).json().path("items").path(0);
        assertThat(List.of(correction.path("kind").asText(), correction.path("note").asText()))
                .containsExactly("GRANTED", "입사일 정정: 2015-03-02 → 2015-01-05");
        assertThat(correction.path("days").asDouble()).isEqualTo(2.0);

        // a year left with fewer days than its leave holds: refused
        Map<String, Object> other = hire(unique("late"), "DEV");
        other.put("hiredOn", "2015-03-02");
        Response otherHired = http.post("/api/employees", admin, other);
        String otherToken = login((String) other.get("username"), otherHired.json().path("temporaryPassword").asText())
                .json().path("accessToken").asText();
        reserved(me(otherToken), "ANNUAL", "2015-06-01", "2015-06-16"); // 12 of 13 days
        Map<String, Object> later = new java.util.HashMap<>(Map.of("name", other.get("name"), "departmentId",
                other.get("departmentId"), "teamId", other.get("teamId"), "position", "STAFF", "hiredOn", "2015-05-04"));
        assertThat(assertProblem(http.put("/api/employees/" + otherHired.json().path("employee").path("id").asLong(), admin,
                later), 409).path("detail").asText()).contains("fewer days than its leave holds");
        assertThat(balance(otherToken, 2015).path("granted").asDouble()).isEqualTo(13.0);

        // nor by anyone but an administrator, whatever the date
        Map<String, Object> byLead = new java.util.HashMap<>(change);
        byLead.put("hiredOn", "1900-01-01");
        assertProblem(http.put("/api/employees/" + id, token("dev.lead"), byLead), 403);

        // nor by the administrator for themselves: an earlier hire date is more days (as no grant to oneself)
        JsonNode self = http.get("/api/employees/me", admin).json();
        Map<String, Object> own = new java.util.HashMap<>(Map.of("name", self.path("name").asText(), "departmentId",
                self.path("department").path("id").asLong(), "position", self.path("position").asText(), "roles",
                List.of("ADMIN"), "hiredOn", "1990-01-02"));
        if (self.path("team").hasNonNull("id")) {
            own.put("teamId", self.path("team").path("id").asLong());
        }
        assertThat(assertProblem(http.put("/api/employees/" + self.path("id").asLong(), admin, own), 409)
                .path("detail").asText()).contains("your own hire date");
        assertThat(http.get("/api/employees/me", admin).json().path("hiredOn").asText())
                .isEqualTo(self.path("hiredOn").asText());

        // a hire date more than a year ahead is not taken, nor one that is not a day
        Map<String, Object> ahead = hire(unique("ahead"), "DEV");
        ahead.put("hiredOn", LocalDate.now().plusYears(2).toString());
        assertThat(assertProblem(http.post("/api/employees", admin, ahead), 422).path("detail").asText())
                .contains("more than a year ahead");
        ahead.put("hiredOn", "2015-02-30");
        assertProblem(http.post("/api/employees", admin, ahead), 400);
    }

    /** Sends the submission and waits for its answer (reserved or refused). */
    private String reserved(Person drafter, String kind, String start, String end) throws Exception {
        String id = UUID.randomUUID().toString();
        send(leave(id, drafter, kind, start, end));
        assertThat(kafka.await("approval.leave-reserved", r -> id.equals(r.key()), 1, Duration.ofSeconds(30)))
                .as("%s %s to %s reserved", kind, start, end).hasSize(1);
        return id;
    }

    private ApprovalEvent cancellation(String id, Person drafter, String reason) {
        return ApprovalEvent.of(id, 0, Instant.now(), new EventPayload.LeaveCancelled(drafter.id(), "휴가 신청", drafter,
                new com.erp.routes.common.events.Leave("ANNUAL", "2041-03-04", "2041-03-06", 3.0), reason, List.of(), null));
    }

    private ApprovalEvent completion(String id, Person drafter) {
        return ApprovalEvent.of(id, 3, Instant.now(), new EventPayload.Completed(drafter.id(), "휴가 신청", drafter,
                ended(Progress.Status.APPROVED)));
    }

    /**
     * A check-in on a day of one's leave while the leave waited for approval counted toward earned leave (it was no leave
     * yet); once the leave is approved it counts no more, as one made after the approval never did: the count does not
     * depend on which came first. A morning's half day approved before and the afternoon's after make the whole day off.
     */
    @Test
    void daysCheckedInWhileTheirLeaveWaitedCountNoMoreOnceItIsApproved() throws Exception {
        String staff = fifteenDaysIn(2045);
        Person drafter = me(staff);
        String annual = reserved(drafter, "ANNUAL", "2045-03-07", "2045-03-07");
        String morning = reserved(drafter, "HALF_DAY_AM", "2045-03-08", "2045-03-08");
        // checked in on each day while its leave waited, and on the 9th
        List<String> days = List.of("2045-03-07", "2045-03-08", "2045-03-09");
        for (String day : days) {
            jdbc.update("insert into attendance (employee_id, work_date, check_in, counted) values (?, ?, now(3), true)",
                    drafter.id(), java.sql.Date.valueOf(day));
        }
        handled("employee.settle-leave", completion(morning, drafter));
        assertThat(usedBecomes(staff, 2045, 0.5)).as("the morning off approved").isTrue();
        assertThat(ledger.onLeaveAllDay(drafter.id(), LocalDate.parse("2045-03-08"))).as("half a day off").isFalse();
        assertThat(counted(drafter, days)).as("with only the morning off, the 8th counts").containsExactly(true, true, true);
        String afternoon = reserved(drafter, "HALF_DAY_PM", "2045-03-08", "2045-03-08");

        send(completion(annual, drafter));
        send(completion(afternoon, drafter));
        send(completion(afternoon, drafter)); // delivered again: nothing more
        assertThat(usedBecomes(staff, 2045, 2.0)).as("all three approved").isTrue();
        assertThat(ledger.onLeaveAllDay(drafter.id(), LocalDate.parse("2045-03-08"))).as("both halves: all day").isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Boolean> counted = counted(drafter, days);
        while (!counted.equals(List.of(false, false, true)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            counted = counted(drafter, days);
        }
        assertThat(counted).as("the days of leave no more, the 9th still").containsExactly(false, false, true);
    }

    private List<Boolean> counted(Person who, List<String> days) {
        return days.stream().map(day -> jdbc.queryForObject("select counted from attendance where employee_id = ? "
                + "and work_date = ?", Boolean.class, who.id(), java.sql.Date.valueOf(day))).toList();
    }

    /**
     * The same days asked for again right after a leave of them was withdrawn, before the withdrawal (another topic,
     * another consumer) was settled here: held once it is, not refused. A leave whose days another holds for good is
     * still refused.
     */
    @Test
    void daysAskedForAgainRightAfterTheirLeaveWasWithdrawnAreHeldOnceTheWithdrawalIsSettled() throws Exception {
        String staff = fifteenDaysIn(2046);
        Person drafter = me(staff);
        String first = reserved(drafter, "ANNUAL", "2046-03-06", "2046-03-06");
        long waitsBefore = ledger.settleWaits();
        String again = UUID.randomUUID().toString();
        send(leave(again, drafter, "ANNUAL", "2046-03-06", "2046-03-06"));
        // the withdrawal is settled a moment after the new leave reached the ledger (well within its wait, 5 s)
        assertThat(kafka.await("approval.leave-refused", r -> again.equals(r.key()), 1, Duration.ofSeconds(1)))
                .as("not refused while the other one's end may be on its way").isEmpty();
        send(ApprovalEvent.of(first, 2, Instant.now(), new EventPayload.Withdrawn(drafter.id(), "휴가 신청", drafter, 1,
                List.of(), "날짜 변경", ended(Progress.Status.WITHDRAWN))));
        assertThat(kafka.await("approval.leave-reserved", r -> again.equals(r.key()), 1, Duration.ofSeconds(30)))
                .as("held once the withdrawal was settled").hasSize(1);
        assertThat(ledger.settleWaits()).as("it waited").isEqualTo(waitsBefore + 1);
        assertThat(kafka.await("approval.leave-refused", r -> again.equals(r.key()), 1, Duration.ofSeconds(1))).isEmpty();

        // the same day once more, while the second holds it: refused, at once (their refusals waited a moment ago: the
        // consumer of everyone's submissions waits with one)
        long waitedBefore = ledger.settleWaits();
        String third = UUID.randomUUID().toString();
        send(leave(third, drafter, "ANNUAL", "2046-03-06", "2046-03-06"));
        JsonNode refused = json.readTree(kafka.awaitKey("approval.leave-refused", third, 1).get(0).value());
        assertThat(refused.path("payload").path("reason").asText()).startsWith("Already on leave then");
        assertThat(balance(staff, 2046).path("reserved").asDouble()).isEqualTo(1.0);
        assertThat(ledger.settleWaits()).as("no second wait within the minute").isEqualTo(waitedBefore);
    }

    /** The longest reason the contract allows (500 characters) with the note's prefix does not fit the column. */
    @Test
    void aLeaveCancelledWithTheLongestReasonGivesItsDaysBack() throws Exception {
        String staff = fifteenDaysIn(2042);
        Person drafter = me(staff);
        String id = reserved(drafter, "ANNUAL", "2042-03-04", "2042-03-04");
        // waited for by their effect: another test's events may still be on the route, and complete first
        send(completion(id, drafter));
        assertThat(usedBecomes(staff, 2042, 1.0)).as("the leave used").isTrue();
        send(cancellation(id, drafter, "사".repeat(500)));
        assertThat(usedBecomes(staff, 2042, 0.0)).as("its day given back").isTrue();
        assertThat(balance(staff, 2042).path("available").asDouble()).isEqualTo(15.0);
        String note = http.get("/api/leave/entries?year=2042", staff).json().path("items").path(0).path("note").asText();
        assertThat(note).startsWith("휴가 취소: 사사").endsWith("사…").hasSize(500);
    }

    /** Whether the days used in the year become {@code days} within 30 s. */
    private boolean usedBecomes(String token, int year, double days) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (balance(token, year).path("used").asDouble() != days) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /**
     * 휴가 취소: an approved leave cancelled gives back what it used, once however often the cancellation is delivered;
     * its days leave the department's calendar and are free to ask for again. One cancelled before its approval reached
     * the ledger (another topic) releases what it holds, and the approval, when it comes, uses nothing.
     */
    @Test
    void aCancelledLeaveGivesItsDaysBackOnceAndTheyMayBeAskedForAgain() throws Exception {
        String staff = fifteenDaysIn(2041);
        Person drafter = me(staff);
        String id = reserved(drafter, "ANNUAL", "2041-03-04", "2041-03-06"); // Monday to Wednesday: 3 days
        handled("employee.settle-leave", completion(id, drafter));
        assertThat(balance(staff, 2041).path("used").asDouble()).isEqualTo(3.0);
        assertThat(http.get("/api/leave/calendar?month=2041-03", staff).json().path("leaves").findValuesAsText("startDate"))
                .containsExactly("2041-03-04");

        // checked in on a day of it, kept as a day of leave (an administrator cancels a leave begun: they came to work)
        jdbc.update("insert into attendance (employee_id, work_date, check_in, counted) values (?, ?, now(3), false)",
                drafter.id(), java.sql.Date.valueOf("2041-03-05"));

        handled("employee.settle-leave", cancellation(id, drafter, "일정 변경"));
        handled("employee.settle-leave", cancellation(id, drafter, "일정 변경"));
        assertThat(jdbc.queryForObject("select counted from attendance where employee_id = ? and work_date = ?",
                Boolean.class, drafter.id(), java.sql.Date.valueOf("2041-03-05"))).as("the day checked in counts").isTrue();
        JsonNode b = balance(staff, 2041);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble()))
                .containsExactly(0.0, 0.0, 15.0);
        assertThat(entryKinds(staff, 2041)).containsExactly("CANCELLED", "DEDUCTED", "RESERVED");
        JsonNode entry = http.get("/api/leave/entries?year=2041", staff).json().path("items").path(0);
        assertThat(entry.path("note").asText()).isEqualTo("휴가 취소: 일정 변경");
        assertThat(entry.path("days").asDouble()).isEqualTo(3.0);
        assertThat(entry.path("availableAfter").asDouble()).isEqualTo(15.0);
        assertThat(http.get("/api/leave/calendar?month=2041-03", staff).json().path("leaves").findValuesAsText("startDate"))
                .isEmpty();
        // the same days again: nothing holds them now
        String again = reserved(drafter, "ANNUAL", "2041-03-05", "2041-03-05");
        assertThat(balance(staff, 2041).path("reserved").asDouble()).isEqualTo(1.0);

        // cancelled before its approval reached the ledger: released, and the late approval uses nothing
        String early = reserved(drafter, "ANNUAL", "2041-03-11", "2041-03-12");
        handled("employee.settle-leave", cancellation(early, drafter, null));
        handled("employee.settle-leave", completion(early, drafter));
        b = balance(staff, 2041);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble()))
                .containsExactly(1.0, 0.0, 14.0);
        assertThat(entryKinds(staff, 2041)).containsExactly("RELEASED", "RESERVED", "RESERVED", "CANCELLED", "DEDUCTED",
                "RESERVED");
        assertThat(http.get("/api/leave/entries?year=2041", staff).json().path("items").path(0).path("note").asText())
                .isEqualTo("휴가 취소");
        assertThat(again).isNotNull();
    }

    /** The submission as {@link #leave}, naming the drafter's leaves approval-request has cancelled (휴가 취소). */
    private ApprovalEvent leaveAfterCancelling(String id, Person drafter, String start, String end,
                                               List<com.erp.routes.common.events.CancelledLeave> cancelled) {
        EventPayload.Submitted s = (EventPayload.Submitted) leave(id, drafter, "ANNUAL", start, end).payload();
        return ApprovalEvent.of(id, 0, Instant.now(), new EventPayload.Submitted(s.drafterId(), s.title(), s.drafter(),
                "LEAVE", s.line(), s.submittedAt(), null, s.leave(), null, null, null, cancelled));
    }

    /**
     * The same days asked for again right after their approved leave was cancelled, before the cancellation (another
     * topic, another consumer) reached the ledger: the submission names the cancelled leave, whose days are freed first,
     * so the new one holds them (it was refused as already on leave); the cancellation, when it comes, gives back
     * nothing twice. A submission naming another person's leave cancels nothing of theirs.
     */
    @Test
    void daysAskedForAgainRightAfterTheirLeaveWasCancelledAreHeld() throws Exception {
        String staff = fifteenDaysIn(2047);
        Person drafter = me(staff);
        String first = reserved(drafter, "ANNUAL", "2047-03-04", "2047-03-06"); // Monday to Wednesday
        handled("employee.settle-leave", completion(first, drafter));
        assertThat(usedBecomes(staff, 2047, 3.0)).isTrue();

        String again = UUID.randomUUID().toString();
        send(leaveAfterCancelling(again, drafter, "2047-03-05", "2047-03-05",
                List.of(new com.erp.routes.common.events.CancelledLeave(first, "일정 변경"))));
        assertThat(kafka.await("approval.leave-reserved", r -> again.equals(r.key()), 1, Duration.ofSeconds(30)))
                .as("held, not refused as already on leave").hasSize(1);
        JsonNode b = balance(staff, 2047);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble()))
                .containsExactly(1.0, 0.0, 14.0);
        assertThat(entryKinds(staff, 2047)).containsExactly("RESERVED", "CANCELLED", "DEDUCTED", "RESERVED");
        assertThat(http.get("/api/leave/entries?year=2047", staff).json().path("items").path(1).path("note").asText())
                .isEqualTo("휴가 취소: 일정 변경");

        // the cancellation's own event, late: done already, nothing given back twice
        handled("employee.settle-leave", cancellation(first, drafter, "일정 변경"));
        b = balance(staff, 2047);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("used").asDouble(), b.path("available").asDouble()))
                .containsExactly(1.0, 0.0, 14.0);
        assertThat(entryKinds(staff, 2047)).hasSize(4);

        // another person's approved leave named in a submission stays approved
        String otherToken = fifteenDaysIn(2047);
        Person other = me(otherToken);
        String theirs = reserved(other, "ANNUAL", "2047-04-01", "2047-04-01");
        handled("employee.settle-leave", completion(theirs, other));
        assertThat(usedBecomes(otherToken, 2047, 1.0)).isTrue();
        String mine = UUID.randomUUID().toString();
        send(leaveAfterCancelling(mine, drafter, "2047-04-02", "2047-04-02",
                List.of(new com.erp.routes.common.events.CancelledLeave(theirs, null))));
        kafka.awaitKey("approval.leave-reserved", mine, 1);
        assertThat(balance(otherToken, 2047).path("used").asDouble()).isEqualTo(1.0);
        assertThat(entryKinds(otherToken, 2047)).containsExactly("DEDUCTED", "RESERVED");
    }

    @Test
    void theDepartmentsLeaveOfAMonthApprovedOrOnItsWayNotWithdrawnNorOtherDepartments() throws Exception {
        String staffToken = token("dev.staff");
        Person staff = me(staffToken);
        Person lead = me(token("dev.lead"));
        Person head = me(token("dev.head"));
        Person sales = me(token("sales.staff"));
        String approved = reserved(staff, "ANNUAL", "2036-05-12", "2036-05-14");
        handled("employee.settle-leave", ApprovalEvent.of(approved, 3, Instant.now(), new EventPayload.Completed(staff.id(),
                "휴가 신청", staff, ended(Progress.Status.APPROVED))));
        reserved(lead, "HALF_DAY_AM", "2036-05-26", "2036-05-26");
        reserved(head, "ANNUAL", "2036-04-29", "2036-05-01");
        String withdrawn = reserved(staff, "ANNUAL", "2036-05-19", "2036-05-20");
        handled("employee.settle-leave", ApprovalEvent.of(withdrawn, 2, Instant.now(), new EventPayload.Withdrawn(staff.id(),
                "휴가 신청", staff, 1, List.of(), "일정 변경", ended(Progress.Status.WITHDRAWN))));
        reserved(sales, "ANNUAL", "2036-05-12", "2036-05-12");
        reserved(staff, "ANNUAL", "2036-06-02", "2036-06-02");

        Response calendar = http.get("/api/leave/calendar?month=2036-05", staffToken);
        assertThat(calendar.status()).as("%s", calendar).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/leave/calendar", calendar);
        assertThat(calendar.json().path("month").asText()).isEqualTo("2036-05");
        assertThat(calendar.json().path("department").path("name").asText()).isEqualTo("개발본부");
        JsonNode leaves = calendar.json().path("leaves");
        // by first day: the head's from April, the staff member's approved days, the lead's half day on its way
        assertThat(leaves.findValuesAsText("startDate")).containsExactly("2036-04-29", "2036-05-12", "2036-05-26");
        assertThat(leaves.findValuesAsText("status")).containsExactly("PENDING", "APPROVED", "PENDING");
        assertThat(leaves.path(1).path("employee").path("name").asText()).isEqualTo(staff.name());
        assertThat(leaves.path(1).path("days").asDouble()).isEqualTo(3.0);
        assertThat(leaves.path(2).path("leaveKind").asText()).isEqualTo("HALF_DAY_AM");
        assertThat(leaves.path(2).path("days").asDouble()).isEqualTo(0.5);
        assertThat(leaves.path(0).has("title")).as("no document's title").isFalse();

        // another department's: administrators only
        long dev = calendar.json().path("department").path("id").asLong();
        String salesToken = token("sales.staff");
        assertProblem(http.get("/api/leave/calendar?month=2036-05&departmentId=" + dev, salesToken), 403);
        assertThat(http.get("/api/leave/calendar?month=2036-05", salesToken).json().path("leaves")
                .findValuesAsText("startDate")).containsExactly("2036-05-12");
        Response asAdmin = http.get("/api/leave/calendar?month=2036-05&departmentId=" + dev, token("admin"));
        assertThat(asAdmin.json().path("leaves").size()).isEqualTo(3);
        assertProblem(http.get("/api/leave/calendar?month=2036-05&departmentId=987654", token("admin")), 404);
        assertProblem(http.get("/api/leave/calendar?month=2036-13", staffToken), 400);
        assertProblem(http.get("/api/leave/calendar", null), 401);
    }

    @Test
    void moreThanIsLeftIsRefusedAndAWithdrawnLeaveFreesItsDays() throws Exception {
        String staff = fifteenDaysIn(2032);
        Person drafter = me(staff);
        String first = UUID.randomUUID().toString();
        send(leave(first, drafter, "ANNUAL", "2032-03-01", "2032-03-12")); // two weeks: 10 days
        kafka.awaitKey("approval.leave-reserved", first, 1);

        String second = UUID.randomUUID().toString();
        send(leave(second, drafter, "ANNUAL", "2032-03-15", "2032-03-22")); // 6 days, 5 left
        JsonNode refused = json.readTree(kafka.awaitKey("approval.leave-refused", second, 1).get(0).value());
        assertThat(refused.path("sequence").asLong()).as("final: nothing reopens it").isEqualTo(ApprovalEvent.FINAL_SEQUENCE);
        assertThat(refused.path("payload").path("reason").asText())
                .isEqualTo("Not enough annual leave: this asks for 6 days, 5 days left of 2032's 15 days.");
        assertThat(refused.path("payload").path("available").asDouble()).isEqualTo(5.0);
        assertThat(refused.path("payload").path("progress").path("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.path("payload").path("progress").path("steps").findValuesAsText("status")).containsExactly("SKIPPED");
        assertThat(kafka.await("approval.leave-reserved", r -> second.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(balance(staff, 2032).path("available").asDouble()).isEqualTo(5.0);

        // the first is withdrawn and resubmitted with more days than are left while it holds its own: its resubmission
        // frees them first, even before the withdrawal itself reaches the ledger
        String again = UUID.randomUUID().toString();
        ApprovalEvent resubmission = leave(again, drafter, "ANNUAL", "2032-03-01", "2032-03-16"); // 12 days
        EventPayload.Submitted r = (EventPayload.Submitted) resubmission.payload();
        send(new ApprovalEvent(resubmission.eventId(), resubmission.type(), 1, resubmission.occurredAt(), again, 0,
                new EventPayload.Submitted(r.drafterId(), r.title(), r.drafter(), "LEAVE", r.line(), r.submittedAt(), null,
                        r.leave(), first)));
        kafka.awaitKey("approval.leave-reserved", again, 1);
        assertThat(balance(staff, 2032).path("available").asDouble()).isEqualTo(3.0);
        handled("employee.settle-leave", ApprovalEvent.of(first, 2, Instant.now(), new EventPayload.Withdrawn(drafter.id(),
                "휴가 신청", drafter, 1, List.of(), "일정 변경", ended(Progress.Status.WITHDRAWN))));
        assertThat(balance(staff, 2032).path("available").asDouble()).as("released once").isEqualTo(3.0);
        handled("employee.settle-leave", ApprovalEvent.of(again, 2, Instant.now(), new EventPayload.Withdrawn(drafter.id(),
                "휴가 신청", drafter, 1, List.of(), "취소", ended(Progress.Status.WITHDRAWN))));
        // the refused one holds nothing: its rejection frees nothing
        handled("employee.settle-leave", ApprovalEvent.of(second, 2, Instant.now(), new EventPayload.Rejected(drafter.id(),
                "휴가 신청", 1, null, "잔여 부족", ended(Progress.Status.REJECTED))));
        JsonNode b = balance(staff, 2032);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("available").asDouble())).containsExactly(0.0, 15.0);
        assertThat(entryKinds(staff, 2032)).containsExactly("RELEASED", "RESERVED", "RELEASED", "REFUSED", "RESERVED");
        assertThat(http.get("/api/leave/entries?year=2032", staff).json().path("items").path(2).path("note").asText())
                .isEqualTo("resubmitted as " + again);

        // a half day is half a day
        String half = UUID.randomUUID().toString();
        send(leave(half, drafter, "HALF_DAY_PM", "2032-04-05", null));
        kafka.awaitKey("approval.leave-reserved", half, 1);
        assertThat(balance(staff, 2032).path("available").asDouble()).isEqualTo(14.5);
    }

    /**
     * A resubmission frees only its own drafter's old document: one naming another person's leave (which
     * approval-request does not let through) leaves that leave's days held.
     */
    @Test
    void aResubmissionNamingAnotherPersonsLeaveLeavesItHeld() throws Exception {
        String owner = fifteenDaysIn(2044);
        String other = fifteenDaysIn(2044);
        String held = UUID.randomUUID().toString();
        send(leave(held, me(owner), "ANNUAL", "2044-03-02", "2044-03-04"));
        kafka.awaitKey("approval.leave-reserved", held, 1);

        String again = UUID.randomUUID().toString();
        EventPayload.Submitted r = (EventPayload.Submitted) leave(again, me(other), "ANNUAL", "2044-05-02", "2044-05-02")
                .payload();
        send(ApprovalEvent.of(again, 0, Instant.now(), new EventPayload.Submitted(r.drafterId(), r.title(), r.drafter(),
                "LEAVE", r.line(), r.submittedAt(), null, r.leave(), held)));
        kafka.awaitKey("approval.leave-reserved", again, 1);
        assertThat(balance(owner, 2044).path("available").asDouble()).as("still held").isEqualTo(12.0);
        assertThat(entryKinds(owner, 2044)).containsExactly("RESERVED");
        assertThat(balance(other, 2044).path("available").asDouble()).isEqualTo(14.0);
    }

    /** approval-processing refused the reserved leave (approval.refused, on the rejected topic): its days are free. */
    @Test
    void aLeaveProcessingRefusedFreesItsDays() throws Exception {
        String staff = fifteenDaysIn(2043);
        Person drafter = me(staff);
        String id = UUID.randomUUID().toString();
        send(leave(id, drafter, "ANNUAL", "2043-03-02", "2043-03-04"));
        kafka.awaitKey("approval.leave-reserved", id, 1);
        assertThat(balance(staff, 2043).path("available").asDouble()).isEqualTo(12.0);

        ApprovalEvent refused = ApprovalEvent.of(id, ApprovalEvent.FINAL_SEQUENCE, Instant.now(), new EventPayload.Refused(
                drafter.id(), "휴가 신청", drafter, "submission " + id + ": the drafter is on the line",
                ended(Progress.Status.REJECTED)));
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("employee.settle-leave").whenCompleted(1).create();
        kafka.send("approval.rejected", id, json.writeValueAsString(refused));
        assertThat(done.matches(30, TimeUnit.SECONDS)).isTrue();
        JsonNode b = balance(staff, 2043);
        assertThat(List.of(b.path("reserved").asDouble(), b.path("available").asDouble())).containsExactly(0.0, 15.0);
        assertThat(entryKinds(staff, 2043)).containsExactly("RELEASED", "RESERVED");
    }

    @Test
    void otherFormsHoldNothingAndABrokenLeaveIsADeadLetter() throws Exception {
        String staff = token("sales.staff");
        Person drafter = me(staff);
        String general = UUID.randomUUID().toString();
        handled("employee.reserve-leave", ApprovalEvent.of(general, 0, Instant.now(), new EventPayload.Submitted(drafter.id(),
                "출장 보고", drafter, "GENERAL", List.of(new LineStep(1, new Person(1, "x", "TEAM_LEAD", "d"))), Instant.now())));
        handled("employee.settle-leave", ApprovalEvent.of(general, 3, Instant.now(), new EventPayload.Completed(drafter.id(),
                "출장 보고", drafter, ended(Progress.Status.APPROVED))));
        assertThat(kafka.await("approval.leave-reserved", r -> general.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();

        // days that do not match the dates (a holiday list that reached approval-request first): the ledger's own
        // count is reserved, the document not dropped
        String broken = UUID.randomUUID().toString();
        ApprovalEvent ok = leave(broken, drafter, "ANNUAL", "2033-03-07", "2033-03-08");
        EventPayload.Submitted s = (EventPayload.Submitted) ok.payload();
        send(new ApprovalEvent(ok.eventId(), ok.type(), ok.version(), ok.occurredAt(), broken, 0, new EventPayload.Submitted(
                s.drafterId(), s.title(), s.drafter(), "LEAVE", s.line(), s.submittedAt(), null,
                new com.erp.routes.common.events.Leave("ANNUAL", "2033-03-07", "2033-03-08", 1.0))));
        assertThat(kafka.await("approval.leave-reserved", r -> broken.equals(r.key()), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(kafka.await("approval.submitted.dlq", r -> broken.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(entryKinds(staff, 2031)).isEmpty();
        assertThat(entryKinds(staff, 2033)).containsExactly("RESERVED");
        assertThat(http.get("/api/leave/entries?year=2033", staff).json().path("items").path(0).path("days").asDouble())
                .as("the ledger's count").isEqualTo(2.0);
    }

    /**
     * A leave whose days are all off in the ledger's calendar (a holiday that reached employee-service before
     * approval-request, which counted a day): refused with why, so the document ends, not a dead letter that would leave
     * it waiting for an answer for good.
     */
    @Test
    void aLeaveThatFallsOnNoWorkingDayInTheLedgersCalendarIsRefusedNotDeadLettered() throws Exception {
        Person drafter = me(token("sales.staff"));
        String id = UUID.randomUUID().toString();
        ApprovalEvent weekday = leave(id, drafter, "ANNUAL", "2039-03-07", "2039-03-07");
        EventPayload.Submitted s = (EventPayload.Submitted) weekday.payload();
        // Saturday and Sunday, counted as a day by the sender
        send(new ApprovalEvent(weekday.eventId(), weekday.type(), weekday.version(), weekday.occurredAt(), id, 0,
                new EventPayload.Submitted(s.drafterId(), s.title(), s.drafter(), "LEAVE", s.line(), s.submittedAt(), null,
                        new com.erp.routes.common.events.Leave("ANNUAL", "2039-03-12", "2039-03-13", 1.0))));
        JsonNode refused = json.readTree(kafka.awaitKey("approval.leave-refused", id, 1).get(0).value());
        assertThat(refused.path("payload").path("reason").asText()).startsWith("The leave falls on no working day");
        assertThat(kafka.await("approval.submitted.dlq", r -> id.equals(r.key()), 1, Duration.ofSeconds(2))).isEmpty();
        assertThat(balance(token("sales.staff"), 2039).path("reserved").asDouble()).isZero();
    }

    @Test
    void theirLeadHeadAndAdministratorsMayReadAnEmployeesLeaveOthersMayNot() {
        String staff = token("dev.staff");
        long staffId = me(staff).id();
        long leadId = me(token("dev.lead")).id();

        assertProblem(http.get("/api/leave/balance?employeeId=" + leadId, staff), 403);
        assertProblem(http.get("/api/leave/entries?employeeId=" + staffId, token("sales.staff")), 403);
        assertProblem(http.get("/api/leave/balance?employeeId=" + staffId, token("sales.lead")), 403);
        for (String reader : List.of("dev.lead", "dev.head", "admin")) {
            Response r = http.get("/api/leave/balance?year=2034&employeeId=" + staffId, token(reader));
            assertThat(r.status()).as("%s reads: %s", reader, r).isEqualTo(200);
            assertThat(r.json().path("employeeId").asLong()).isEqualTo(staffId);
            assertThat(r.json().path("available").asDouble()).isEqualTo(allowance(staff, 2034)).isGreaterThan(15.0);
        }
        assertProblem(http.get("/api/leave/balance?employeeId=999999", token("admin")), 404);
        // to anyone else an unknown id is one they may not read: which ids exist is not theirs to learn
        assertThat(assertProblem(http.get("/api/leave/balance?employeeId=999999", token("dev.lead")), 403).path("detail")
                .asText()).isEqualTo(assertProblem(http.get("/api/leave/balance?employeeId=" + me(token("sales.staff")).id(),
                token("dev.lead")), 403).path("detail").asText());
        assertProblem(http.get("/api/leave/balance", null), 401);
        assertProblem(http.get("/api/leave/balance?year=1999", staff), 400);
    }

    @Test
    void onlyAdministratorsGrantLeave() {
        String staff = token("dev.staff");
        long staffId = me(staff).id();
        Map<String, Object> grant = Map.of("employeeId", staffId, "year", 2035, "days", 2.5, "reason", "우수사원 포상");

        assertProblem(http.post("/api/leave/grants", token("dev.head"), grant), 403);
        assertProblem(http.post("/api/leave/grants", staff, grant), 403);
        // nor to themselves: another administrator does
        String admin = token("admin");
        assertThat(assertProblem(http.post("/api/leave/grants", admin, Map.of("employeeId", me(admin).id(), "year", 2035,
                "days", 1, "reason", "셀프")), 403).path("detail").asText()).contains("themselves");

        Response r = http.post("/api/leave/grants", token("admin"), grant);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/leave/grants", r);
        assertThat(r.json().path("granted").asDouble()).isEqualTo(allowance(staff, 2035) + 2.5);
        assertThat(balance(staff, 2035).path("available").asDouble()).isEqualTo(allowance(staff, 2035) + 2.5);
        JsonNode entry = http.get("/api/leave/entries?year=2035", staff).json().path("items").path(0);
        assertThat(entry.path("kind").asText()).isEqualTo("GRANTED");
        assertThat(entry.path("note").asText()).isEqualTo("우수사원 포상");

        JsonNode badDays = assertProblem(http.post("/api/leave/grants", token("admin"),
                Map.of("employeeId", staffId, "year", 2035, "days", 0.3, "reason", "x")), 400);
        assertThat(badDays.toString()).contains("/days");
        assertProblem(http.post("/api/leave/grants", token("admin"),
                Map.of("employeeId", 999999, "year", 2035, "days", 1, "reason", "x")), 404);

        // someone who left gets no leave granted
        long devId = http.get("/api/departments", token("admin")).json().findParents("code").stream()
                .filter(d -> d.path("code").asText().equals("DEV")).findFirst().orElseThrow().path("id").asLong();
        String username = "grant.left" + System.nanoTime() % 100000;
        long leaver = http.post("/api/employees", token("admin"), Map.of("username", username, "name", "퇴사 예정",
                "departmentId", devId, "position", "STAFF")).json().path("employee").path("id").asLong();
        assertThat(http.post("/api/employees/" + leaver + "/departure", token("admin"), Map.of()).status()).isEqualTo(200);
        JsonNode left = assertProblem(http.post("/api/leave/grants", token("admin"),
                Map.of("employeeId", leaver, "year", 2035, "days", 1, "reason", "x")), 409);
        assertThat(left.path("detail").asText()).contains("left");
    }

    /**
     * Two leave documents of one person for the same days: the second is refused, saying which holds them; a morning
     * and an afternoon of one day both fit; once the first is withdrawn its days can be asked for again.
     */
    @Test
    void aLeaveForDaysAnotherOfTheSamePersonHoldsIsRefused() throws Exception {
        String staff = token("sales.staff");
        Person drafter = me(staff);
        String first = reserved(drafter, "ANNUAL", "2038-03-01", "2038-03-03"); // Monday to Wednesday

        String twice = UUID.randomUUID().toString();
        send(leave(twice, drafter, "ANNUAL", "2038-03-03", "2038-03-05"));
        JsonNode refused = json.readTree(kafka.awaitKey("approval.leave-refused", twice, 1).get(0).value());
        assertThat(refused.path("payload").path("reason").asText())
                .isEqualTo("Already on leave then: '휴가 신청' (2038-03-01 to 2038-03-03) holds those days.");
        assertThat(balance(staff, 2038).path("reserved").asDouble()).as("only the first holds days").isEqualTo(3.0);

        reserved(drafter, "HALF_DAY_AM", "2038-03-08", null);
        reserved(drafter, "HALF_DAY_PM", "2038-03-08", null);
        String sameHalf = UUID.randomUUID().toString();
        send(leave(sameHalf, drafter, "HALF_DAY_PM", "2038-03-08", null));
        assertThat(json.readTree(kafka.awaitKey("approval.leave-refused", sameHalf, 1).get(0).value())
                .path("payload").path("reason").asText()).contains("holds that day");

        handled("employee.settle-leave", ApprovalEvent.of(first, 2, Instant.now(), new EventPayload.Withdrawn(drafter.id(),
                "휴가 신청", drafter, 1, List.of(), "일정 변경", ended(Progress.Status.WITHDRAWN))));
        reserved(drafter, "ANNUAL", "2038-03-02", "2038-03-02");
        assertThat(balance(staff, 2038).path("reserved").asDouble()).isEqualTo(2.0);
    }

    @Test
    void reservationsAndGrantsAtTheSameMomentNeverTakeMoreThanIsLeft() throws Exception {
        String staff = fifteenDaysIn(2037);
        Person drafter = me(staff);
        // 15 days; twelve leave documents of 2 days each, and two grants of a day, all at once: 8 fit (17 days)
        List<java.util.concurrent.Callable<Object>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // a Monday and Tuesday of a week of its own (the same days twice would be refused as overlapping)
            java.time.LocalDate monday = java.time.LocalDate.parse("2037-03-02").plusWeeks(i);
            ApprovalEvent e = leave(UUID.randomUUID().toString(), drafter, "ANNUAL", monday.toString(),
                    monday.plusDays(1).toString());
            calls.add(() -> ledger.reserve(e));
        }
        calls.add(() -> ledger.grant(drafter.id(), 2037, 2, "보상", 1));
        calls.add(() -> ledger.grant(drafter.id(), 2037, 2, "보상", 1));
        List<Object> answers = com.erp.routes.testing.Concurrently.run(calls);

        long reserved = answers.stream().filter(a -> a instanceof ApprovalEvent e && e.payload() instanceof EventPayload.LeaveReserved).count();
        long refused = answers.stream().filter(a -> a instanceof ApprovalEvent e && e.payload() instanceof EventPayload.LeaveRefused).count();
        JsonNode b = balance(staff, 2037);
        assertThat(b.path("granted").asDouble()).isEqualTo(17.0);
        assertThat(b.path("reserved").asDouble()).isEqualTo(reserved * 2.0);
        assertThat(b.path("available").asDouble()).isGreaterThanOrEqualTo(0.0).isEqualTo(17.0 - reserved * 2);
        assertThat(reserved + refused).isEqualTo(12);
        // whatever order they came in, only the last few can have been refused: never more than 1 day left after all
        assertThat(b.path("available").asDouble()).isLessThan(2.0 + 2.0);
        assertThat(entryKinds(staff, 2037)).filteredOn("RESERVED"::equals).hasSize((int) reserved);
    }
}
