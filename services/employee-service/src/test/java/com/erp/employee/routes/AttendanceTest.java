package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.erp.employee.api.AttendanceViews.AttendanceDay;
import com.erp.employee.persistence.AttendanceBook;
import com.erp.employee.persistence.LeaveLedger;
import com.erp.routes.common.events.CompanyDays;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.web.ProblemException;
import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.MutableClock;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attendance on a real MariaDB: once a day in, once out; every 30th counted day earns a leave day, once; a day off or
 * one's own approved leave day is kept but not counted. Where the day matters, the book is built here on a clock
 * standing at a chosen day (the application's runs on the real one), with the application's database and ledger.
 */
class AttendanceTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManager em;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    LeaveLedger ledger;
    @Autowired
    CompanyDays companyDays;

    /** The book as the application builds it, on a clock standing at {@code at} (Seoul time). */
    private AttendanceBook bookAt(String at, CompanyDays days) {
        return new AttendanceBook(em, tx, new MutableClock(LocalDateTime.parse(at).atZone(SEOUL).toInstant()), SEOUL,
                ledger, days, 30);
    }

    private static Caller caller(Hired h) {
        return new Caller(h.id(), "hired", "신입", "개발본부", "STAFF", Set.of("EMPLOYEE"));
    }

    private long id(String token) {
        return http.get("/api/employees/me", token).json().path("id").asLong();
    }

    @Test
    void checkInOnceAndOutOnceADayAndReadTheMonth() {
        String head = hired("DEV").token();
        assertProblem(http.post("/api/attendance/check-out", head, null), 409);

        Response in = http.post("/api/attendance/check-in", head, null);
        assertThat(in.status()).as("%s", in).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/attendance/check-in", in);
        LocalDate date = LocalDate.parse(in.json().path("date").asText());
        assertThat(date).isIn(LocalDate.now(SEOUL), LocalDate.now(SEOUL).minusDays(1)); // (at midnight)
        String today = date.toString();
        // today counts unless the company does not work on it (the days themselves: theDaysThatCount... below)
        boolean counts = companyDays.isWorkingDay(date);
        assertThat(in.json().path("counted").asBoolean()).isEqualTo(counts);
        assertThat(in.json().has("notCounted")).isEqualTo(!counts);
        assertThat(in.json().path("attendanceDays").asLong()).isEqualTo(counts ? 1 : 0);
        assertThat(in.json().path("daysToNextLeaveDay").asInt()).isEqualTo(counts ? 29 : 30);
        assertThat(in.json().path("earnedDays").asDouble()).isZero();
        assertThat(assertProblem(http.post("/api/attendance/check-in", head, null), 409).path("detail").asText())
                .contains("checked in already today");

        Response out = http.post("/api/attendance/check-out", head, null);
        assertThat(out.status()).as("%s", out).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/attendance/check-out", out);
        assertThat(out.json().has("checkOut")).isTrue();
        assertProblem(http.post("/api/attendance/check-out", head, null), 409);

        Response month = http.get("/api/attendance", head);
        assertMatchesContract(CONTRACT, "GET", "/api/attendance", month);
        assertThat(month.json().path("days").findValuesAsText("date")).containsExactly(today);
        assertThat(http.get("/api/attendance?month=2020-01", head).json().path("days").isEmpty()).isTrue();
        assertProblem(http.get("/api/attendance?month=2020-13", head), 400);
        assertProblem(http.post("/api/attendance/check-in", null, null), 401);
    }

    @Test
    void theThirtiethCountedDayEarnsALeaveDayAndTwoCheckInsAtOnceCountOnce() throws Exception {
        Hired someone = hired("SALES");
        String token = someone.token();
        // 29 earlier days of attendance that count, and a Sunday's that does not
        LocalDate today = LocalDate.parse("2031-04-07"); // a Monday
        for (int i = 1; i <= 30; i++) {
            Instant at = today.minusDays(i).atTime(9, 0).atZone(SEOUL).toInstant().truncatedTo(ChronoUnit.MILLIS);
            jdbc.update("insert into attendance (employee_id, work_date, check_in, counted) values (?, ?, ?, ?)",
                    someone.id(), java.sql.Date.valueOf(today.minusDays(i)), Timestamp.from(at), i != 1);
        }
        double before = http.get("/api/leave/balance?year=2031", token).json().path("available").asDouble();

        AttendanceBook book = bookAt("2031-04-07T09:00", CompanyDays.WEEKDAYS);
        List<Callable<Object>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(() -> {
                try {
                    return book.checkIn(caller(someone));
                } catch (ProblemException e) {
                    return e.status();
                }
            });
        }
        List<Object> answers = Concurrently.run(calls);
        assertThat(answers).as("one in, one 409").contains(409).hasAtLeastOneElementOfType(AttendanceDay.class);
        AttendanceDay day = (AttendanceDay) answers.stream().filter(a -> a instanceof AttendanceDay).findFirst().orElseThrow();
        assertThat(day.counted()).isTrue();
        assertThat(day.attendanceDays()).isEqualTo(30);
        assertThat(day.earnedDays()).isEqualTo(1.0);
        assertThat(day.daysToNextLeaveDay()).isEqualTo(30);

        assertThat(http.get("/api/leave/balance?year=2031", token).json().path("available").asDouble())
                .isEqualTo(before + 1);
        JsonNode entry = http.get("/api/leave/entries?year=2031", token).json().path("items").path(0);
        assertThat(entry.path("kind").asText()).isEqualTo("EARNED");
        assertThat(entry.path("attendanceDays").asInt()).isEqualTo(30);
        assertThat(entry.path("note").asText()).isEqualTo("30 days of attendance");
    }

    /**
     * A check-in on a weekend, a public holiday or one's own approved full day of leave is kept (the month lists it)
     * but does not count toward earned leave; a half day of leave, or a leave withdrawn, leaves the day counted.
     */
    @Test
    void theDaysThatCountTowardEarnedLeave() {
        Hired someone = hired("DEV");
        // 2031-03-03 is a Monday; in this calendar the 4th is a public holiday
        CompanyDays days = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                Set.of(LocalDate.parse("2031-03-04")));
        leave(someone, "ANNUAL", "2031-03-05", "DEDUCTED");
        leave(someone, "HALF_DAY_AM", "2031-03-06", "DEDUCTED");
        leave(someone, "ANNUAL", "2031-03-07", "RELEASED");

        List<AttendanceDay> week = new ArrayList<>();
        for (String day : List.of("03", "04", "05", "06", "07", "08")) {
            week.add(bookAt("2031-03-" + day + "T08:55", days).checkIn(caller(someone)));
            if (day.equals("03")) {
                bookAt("2031-03-03T18:10", days).checkOut(caller(someone));
            }
        }
        assertThat(week).extracting(AttendanceDay::counted).containsExactly(true, false, false, true, true, false);
        assertThat(week).extracting(AttendanceDay::attendanceDays).containsExactly(1L, 1L, 1L, 2L, 3L, 3L);
        assertThat(week.get(1).notCounted()).contains("2031-03-04 is not a working day");
        assertThat(week.get(2).notCounted()).contains("approved leave");
        assertThat(week.get(3).notCounted()).isNull();
        assertThat(week.get(5).daysToNextLeaveDay()).isEqualTo(27);
        // checking out of the day of leave says so again
        assertThat(bookAt("2031-03-08T18:00", days).checkOut(caller(someone)).notCounted()).contains("not a working day");

        Response month = http.get("/api/attendance?month=2031-03", someone.token());
        assertMatchesContract(CONTRACT, "GET", "/api/attendance", month);
        List<Boolean> counted = new ArrayList<>();
        month.json().path("days").forEach(d -> counted.add(d.path("counted").asBoolean()));
        assertThat(counted).containsExactly(true, false, false, true, true, false);
        // the time worked: 08:55 to 18:10 on the 3rd, to 18:00 on the 8th; the days not checked out add nothing
        assertThat(month.json().path("days").get(0).path("workedMinutes").asLong()).isEqualTo(555);
        assertThat(month.json().path("days").get(1).has("workedMinutes")).isFalse();
        assertThat(month.json().path("daysCheckedIn").asInt()).isEqualTo(6);
        assertThat(month.json().path("workedMinutes").asLong()).isEqualTo(555 + 545);
    }

    /**
     * 휴가 취소 of a leave begun: the day checked in on it, kept as a day of leave, counts after all, and the count it
     * makes earns its leave day (here every second day does); the same cancellation again changes nothing.
     */
    @Test
    void aLeaveCancelledAfterItBeganCountsTheDaysCheckedInOnIt() {
        Hired someone = hired("DEV");
        CompanyDays days = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        AttendanceBook everySecondDay = new AttendanceBook(em, tx, new MutableClock(
                LocalDateTime.parse("2031-05-07T09:00").atZone(SEOUL).toInstant()), SEOUL, ledger, days, 2);
        String approvalId = java.util.UUID.randomUUID().toString();
        leave(someone, "ANNUAL", "2031-05-06", "DEDUCTED", approvalId);
        bookAt("2031-05-05T09:00", days).checkIn(caller(someone)); // a Monday: counted
        assertThat(bookAt("2031-05-06T09:00", days).checkIn(caller(someone)).counted()).isFalse(); // on leave

        // the ledger gave the days back (its CANCELLED entry), then the book hears of it
        jdbc.update("insert into leave_entry (employee_id, leave_year, kind, half_days, available_after_half_days, "
                + "approval_id, title, leave_kind, start_date, end_date, created_at) values (?, 2031, 'CANCELLED', 2, 30, ?, "
                + "'휴가', 'ANNUAL', ?, ?, now(3))", someone.id(), approvalId, java.sql.Date.valueOf("2031-05-06"),
                java.sql.Date.valueOf("2031-05-06"));
        com.erp.routes.common.events.ApprovalEvent cancelled = com.erp.routes.common.events.ApprovalEvent.of(approvalId, 0,
                java.time.Instant.now(), new com.erp.routes.common.events.EventPayload.LeaveCancelled(someone.id(), "휴가",
                        new com.erp.routes.common.events.Person(1, "관리자", "STAFF", "경영지원본부"),
                        new com.erp.routes.common.events.Leave("ANNUAL", "2031-05-06", "2031-05-06", 1.0), "출근함",
                        List.of(), null));
        everySecondDay.leaveSettled(cancelled);
        everySecondDay.leaveSettled(cancelled);

        Response month = http.get("/api/attendance?month=2031-05", someone.token());
        List<Boolean> counted = new ArrayList<>();
        month.json().path("days").forEach(d -> counted.add(d.path("counted").asBoolean()));
        assertThat(counted).containsExactly(true, true);
        assertThat(jdbc.queryForObject("select count(*) from leave_entry where employee_id = ? and kind = 'EARNED' "
                + "and attendance_days = 2", Integer.class, someone.id())).isEqualTo(1);
    }

    /**
     * 퇴근 기록 정정: the lead records the check-out the employee forgot; the day shows the time worked, who recorded it,
     * why and what it was before, and the head may correct it again. Not one's own, not someone one does not lead; not
     * before the check-in, nor past 24 hours after it; not a day not checked in; not without a reason.
     */
    @Test
    void whoLeadsSomeoneRecordsTheCheckOutTheyForgot() {
        Hired someone = hired("DEV");
        CompanyDays days = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        bookAt("2025-03-03T09:00", days).checkIn(caller(someone)); // a Monday, never checked out
        String path = "/api/attendance/" + someone.id() + "/2025-03-03/check-out";
        // 18:30 in Seoul, as the page sends it (the company's clock, with its offset)
        Map<String, Object> body = Map.of("checkOut", "2025-03-03T18:30:00+09:00", "reason", "퇴근 누락");

        assertProblem(http.put(path, someone.token(), body), 403);
        assertProblem(http.put(path, token("sales.lead"), body), 403);
        // an administrator, who records anyone's, does not record their own: refused as their own, and nothing kept
        Hired boss = hired("DEV", "ADMIN");
        bookAt("2025-03-05T09:00", days).checkIn(caller(boss));
        assertThat(assertProblem(http.put("/api/attendance/" + boss.id() + "/2025-03-05/check-out", boss.token(),
                Map.of("checkOut", "2025-03-05T18:30:00+09:00", "reason", "퇴근 누락")), 403).path("detail").asText()).contains("ask them");
        JsonNode bossDay = http.get("/api/attendance?month=2025-03", boss.token()).json().path("days").get(0);
        assertThat(bossDay.path("date").asText()).isEqualTo("2025-03-05");
        assertThat(bossDay.path("correction").isTextual()).as("%s", bossDay).isFalse();
        assertThat(bossDay.path("checkOut").isTextual()).as("%s", bossDay).isFalse();
        String lead = token("dev.lead");
        assertProblem(http.put(path, lead, Map.of("checkOut", "2025-03-02T23:00:00Z", "reason", "x")), 422);
        assertProblem(http.put(path, lead, Map.of("checkOut", "2025-03-04T09:30:00Z", "reason", "x")), 422);
        assertProblem(http.put(path, lead, Map.of("checkOut", "2025-03-03T09:30:00Z")), 400);
        // an offset written without its colon: past the contract's check, not readable as an instant; said so, of
        // the field
        JsonNode unbound = assertProblem(http.put(path, lead, Map.of("checkOut", "2025-03-03T18:30:00+0900",
                "reason", "x")), 400);
        assertThat(unbound.path("type").asText()).endsWith("/problems/validation");
        assertThat(unbound.path("detail").asText()).contains("/checkOut").contains("+09:00")
                .doesNotContain("before it reached the application");
        assertThat(unbound.path("errors").findValuesAsText("field")).containsExactly("/checkOut");
        assertProblem(http.put("/api/attendance/" + someone.id() + "/2025-03-04/check-out", lead, body), 404);
        assertProblem(http.put("/api/attendance/987654321/2025-03-03/check-out", token("admin"), body), 404);
        assertThat(assertProblem(http.put("/api/attendance/987654321/2025-03-03/check-out", lead, body), 403)
                .path("detail").asText()).contains("Only their team lead");

        Response recorded = http.put(path, lead, body);
        assertThat(recorded.status()).as("%s", recorded).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", path, recorded);
        assertThat(recorded.json().path("workedMinutes").asLong()).isEqualTo(570);
        assertThat(recorded.json().path("correction").asText()).contains("퇴근 누락").endsWith("(not checked out)");

        Response month = http.get("/api/attendance?month=2025-03", someone.token());
        assertThat(month.json().path("workedMinutes").asLong()).isEqualTo(570);
        assertThat(month.json().path("days").get(0).path("correction").asText()).contains("퇴근 누락");

        Response again = http.put(path, token("dev.head"), Map.of("checkOut", "2025-03-03T09:00:00Z", "reason", "정정"));
        assertThat(again.status()).as("%s", again).isEqualTo(200);
        assertThat(again.json().path("workedMinutes").asLong()).isEqualTo(540);
        assertThat(again.json().path("correction").asText()).contains("정정").endsWith("(was 18:30)");
    }

    /**
     * 팀 근태: a team lead sees their team's people's month, a department head everyone of the department but
     * themselves, an administrator any department's; a staff member, or a head asking for another department, nobody's.
     */
    @Test
    void leadsHeadsAndAdministratorsSeeTheAttendanceOfThePeopleTheyLead() {
        Hired someone = hired("DEV");
        CompanyDays days = new CompanyDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
        bookAt("2031-04-01T09:00", days).checkIn(caller(someone));
        bookAt("2031-04-01T18:30", days).checkOut(caller(someone));
        bookAt("2031-04-02T08:50", days).checkIn(caller(someone));
        long dev = department("DEV").path("id").asLong();

        Response ofLead = http.get("/api/attendance/team?month=2031-04", token("dev.lead"));
        assertThat(ofLead.status()).as("%s", ofLead).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/attendance/team", ofLead);
        assertThat(ofLead.json().path("department").path("id").asLong()).isEqualTo(dev);
        JsonNode member = member(ofLead, someone.id());
        assertThat(member.path("daysCheckedIn").asInt()).isEqualTo(2);
        assertThat(member.path("workedMinutes").asLong()).as("the day still open adds nothing").isEqualTo(570);
        assertThat(member.path("days").get(0).path("workedMinutes").asLong()).isEqualTo(570);
        List<Long> ofLeadIds = ids(ofLead);
        assertThat(ofLeadIds).as("not the lead, not the head").doesNotContain(id(token("dev.lead")), id(token("dev.head")));

        // someone of the department in no team: the head's, not the lead's
        Map<String, Object> teamless = hire(unique("teamless"), "DEV");
        teamless.remove("teamId");
        Response hiredTeamless = http.post("/api/employees", token("admin"), teamless);
        assertThat(hiredTeamless.status()).as("%s", hiredTeamless).isEqualTo(201);
        long outside = hiredTeamless.json().path("employee").path("id").asLong();
        assertThat(ids(http.get("/api/attendance/team?month=2031-04", token("dev.lead")))).contains(someone.id())
                .doesNotContain(outside);

        List<Long> ofHead = ids(http.get("/api/attendance/team?month=2031-04", token("dev.head")));
        assertThat(ofHead).contains(someone.id(), outside, id(token("dev.lead"))).doesNotContain(id(token("dev.head")));
        assertThat(ids(http.get("/api/attendance/team?month=2031-04&departmentId=" + dev, token("admin"))))
                .contains(someone.id(), id(token("dev.head")));

        assertThat(assertProblem(http.get("/api/attendance/team?month=2031-04", token("dev.staff")), 403)
                .path("detail").asText()).contains("team leads");
        assertProblem(http.get("/api/attendance/team?departmentId=" + dev, token("sales.head")), 403);
        assertProblem(http.get("/api/attendance/team?departmentId=999999", token("admin")), 404);
        assertProblem(http.get("/api/attendance/team?month=2031-4", token("dev.lead")), 400);
        assertProblem(http.get("/api/attendance/team", null), 401);
    }

    private static JsonNode member(Response team, long employeeId) {
        for (JsonNode m : team.json().path("members")) {
            if (m.path("employee").path("id").asLong() == employeeId) {
                return m;
            }
        }
        throw new AssertionError("no member " + employeeId + " in " + team);
    }

    private static List<Long> ids(Response team) {
        List<Long> ids = new ArrayList<>();
        team.json().path("members").forEach(m -> ids.add(m.path("employee").path("id").asLong()));
        return ids;
    }

    /** A leave document of one day, its last entry {@code kind} (DEDUCTED: approved; RELEASED: withdrawn). */
    private void leave(Hired who, String leaveKind, String date, String kind) {
        leave(who, leaveKind, date, kind, java.util.UUID.randomUUID().toString());
    }

    private void leave(Hired who, String leaveKind, String date, String kind, String approvalId) {
        int halfDays = "ANNUAL".equals(leaveKind) ? 2 : 1;
        for (String k : List.of("RESERVED", kind)) {
            jdbc.update("insert into leave_entry (employee_id, leave_year, kind, half_days, available_after_half_days, "
                    + "approval_id, title, leave_kind, start_date, end_date, created_at) values (?, 2031, ?, ?, 30, ?, "
                    + "'휴가', ?, ?, ?, now(3))", who.id(), k, halfDays, approvalId, leaveKind,
                    java.sql.Date.valueOf(date), java.sql.Date.valueOf(date));
        }
    }

    @Test
    void aDayPastMidnightIsCheckedOutTheNextMorning() {
        String admin = token("admin");
        long me = id(admin);
        // checked in two hours ago, on the day before (as the night shift would)
        LocalDate yesterday = LocalDate.now(SEOUL).minusDays(1);
        Instant in = Instant.now().minus(java.time.Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("insert into attendance (employee_id, work_date, check_in) values (?, ?, ?)", me,
                java.sql.Date.valueOf(yesterday), Timestamp.from(in));

        Response out = http.post("/api/attendance/check-out", admin, null);
        assertThat(out.status()).as("%s", out).isEqualTo(200);
        assertThat(out.json().path("date").asText()).isEqualTo(yesterday.toString());
        assertProblem(http.post("/api/attendance/check-out", admin, null), 409);
        assertThat(http.post("/api/attendance/check-in", admin, null).status()).as("today is a day of its own").isEqualTo(201);
    }

    @Test
    void aCheckOutSentAgainDoesNotCloseTheDayLeftOpenBefore() {
        Hired someone = hired("DEV");
        // yesterday evening's check-in, never checked out
        Instant lastNight = Instant.now().minus(java.time.Duration.ofHours(20)).truncatedTo(ChronoUnit.MILLIS);
        jdbc.update("insert into attendance (employee_id, work_date, check_in) values (?, ?, ?)", someone.id(),
                java.sql.Date.valueOf(LocalDate.ofInstant(lastNight, SEOUL).minusDays(1)), Timestamp.from(lastNight));
        assertThat(http.post("/api/attendance/check-in", someone.token(), null).status()).isEqualTo(201);
        assertThat(http.post("/api/attendance/check-out", someone.token(), null).status()).isEqualTo(200);

        JsonNode again = assertProblem(http.post("/api/attendance/check-out", someone.token(), null), 409);
        // the time as the company reads it, not the instant in UTC
        String local = java.time.LocalTime.now(SEOUL).truncatedTo(ChronoUnit.MINUTES).toString();
        assertThat(again.path("detail").asText()).contains("checked out already").doesNotContain("Z ");
        assertThat(again.path("detail").asText()).containsAnyOf(local,
                java.time.LocalTime.now(SEOUL).minusMinutes(1).truncatedTo(ChronoUnit.MINUTES).toString());
        assertThat(jdbc.queryForObject("select count(*) from attendance where employee_id = ? and check_out is null",
                Integer.class, someone.id())).as("last night's day stays open").isEqualTo(1);
    }
}
