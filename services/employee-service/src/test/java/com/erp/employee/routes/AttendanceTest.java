package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.erp.routes.testing.Concurrently;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Attendance on a real MariaDB: once a day in, once out; every 30th day earns a leave day, once. */
class AttendanceTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Autowired
    JdbcTemplate jdbc;

    private long id(String token) {
        return http.get("/api/employees/me", token).json().path("id").asLong();
    }

    @Test
    void checkInOnceAndOutOnceADayAndReadTheMonth() {
        String head = token("dev.head");
        assertProblem(http.post("/api/attendance/check-out", head, null), 409);

        Response in = http.post("/api/attendance/check-in", head, null);
        assertThat(in.status()).as("%s", in).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/attendance/check-in", in);
        String today = LocalDate.now(SEOUL).toString();
        assertThat(in.json().path("date").asText()).isEqualTo(today);
        assertThat(in.json().path("attendanceDays").asLong()).isEqualTo(1);
        assertThat(in.json().path("daysToNextLeaveDay").asInt()).isEqualTo(29);
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
    void theThirtiethDayEarnsALeaveDayAndTwoCheckInsAtOnceCountOnce() throws Exception {
        String head = token("sales.head");
        long me = id(head);
        // 29 earlier days of attendance
        LocalDate today = LocalDate.now(SEOUL);
        for (int i = 1; i <= 29; i++) {
            Instant at = today.minusDays(i).atTime(9, 0).atZone(SEOUL).toInstant().truncatedTo(ChronoUnit.MILLIS);
            jdbc.update("insert into attendance (employee_id, work_date, check_in) values (?, ?, ?)", me,
                    java.sql.Date.valueOf(today.minusDays(i)), Timestamp.from(at));
        }
        double before = http.get("/api/leave/balance", head).json().path("available").asDouble();

        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            calls.add(() -> http.post("/api/attendance/check-in", head, null));
        }
        List<Response> answers = Concurrently.run(calls);
        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
        JsonNode day = answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().json();
        assertThat(day.path("attendanceDays").asLong()).isEqualTo(30);
        assertThat(day.path("earnedDays").asDouble()).isEqualTo(1.0);
        assertThat(day.path("daysToNextLeaveDay").asInt()).isEqualTo(30);

        assertThat(http.get("/api/leave/balance", head).json().path("available").asDouble()).isEqualTo(before + 1);
        JsonNode entry = http.get("/api/leave/entries", head).json().path("items").path(0);
        assertThat(entry.path("kind").asText()).isEqualTo("EARNED");
        assertThat(entry.path("attendanceDays").asInt()).isEqualTo(30);
        assertThat(entry.path("note").asText()).isEqualTo("30 days of attendance");
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
