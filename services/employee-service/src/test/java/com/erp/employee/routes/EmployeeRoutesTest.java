package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** employee-service's routes against a real MariaDB with the demo organisation. */
class EmployeeRoutesTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";

    @Test
    void logoutExpiresTheLoginCookieEvenWithAnExpiredToken() {
        Response r = http.postRaw("/api/auth/logout", "not-a-valid-token", "", null);

        assertThat(r.status()).as("%s", r).isEqualTo(204);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/logout", r);
        assertThat(r.header("Set-Cookie")).startsWith("ERP_TOKEN=;").contains("Max-Age=0").contains("HttpOnly")
                .contains("Path=/");
    }

    @Test
    void loginIssuesATokenThatTheJwksVerifiesWithIdentityAndRoles() {
        Response r = login("dev.lead", "test-password");

        assertThat(r.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/login", r);
        JsonNode body = r.json();
        assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.path("employee").path("username").asText()).isEqualTo("dev.lead");
        assertThat(body.path("employee").path("position").asText()).isEqualTo("TEAM_LEAD");
        assertThat(r.header("Set-Cookie")).contains("ERP_TOKEN=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain("Secure"); // plain HTTP here (erp.auth.cookie-secure)

        Response jwks = http.get("/api/auth/jwks", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/auth/jwks", jwks);
        assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\""); // public half only
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri(http.baseUrl() + "/api/auth/jwks").build()
                .decode(body.path("accessToken").asText());
        assertThat(jwt.getSubject()).isEqualTo(body.path("employee").path("id").asText());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("EMPLOYEE", "MANAGER");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("이서연");
        // 수신처: documents sent to a department are matched against this
        assertThat(((Number) jwt.getClaims().get("department_id")).longValue())
                .isEqualTo(body.path("employee").path("department").path("id").asLong());
        assertThat(com.erp.routes.common.security.Caller.from(jwt).departmentId())
                .isEqualTo(body.path("employee").path("department").path("id").asLong());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        JsonNode wrong = assertProblem(login("dev.lead", "nope"), 401);
        JsonNode unknown = assertProblem(login("nobody", "nope"), 401);
        assertThat(wrong.path("detail").asText()).isEqualTo(unknown.path("detail").asText())
                .isEqualTo("Wrong username or password.");
    }

    @Test
    void aClientThatStillSendsAnOldOrBrokenTokenCanLogInAgain() {
        // public endpoints read no token at all: an expired one must not stand between a client and a new one
        String stale = tokens.issue(new com.erp.routes.common.security.Caller(1, "x", "x", "D", "STAFF",
                java.util.Set.of("EMPLOYEE"))) + "tampered";
        Response r = http.send(http.request("/api/auth/login", stale).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"dev.lead\",\"password\":\"test-password\"}")).build());
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(http.get("/api/auth/jwks", stale).status()).isEqualTo(200);
        // everywhere else the same token is refused
        assertProblem(http.get("/api/employees/me", stale), 401);
    }

    @Test
    void guessingPasswordsMakesTheUsernameWaitWhateverItsLastGuess() {
        for (int i = 0; i < 5; i++) {
            assertProblem(login("sales.head", "guess-" + i), 401);
        }
        // locked: even the right password waits, and is told how long
        Response locked = login("sales.head", "test-password");
        assertProblem(locked, 429);
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isPositive();
        assertMatchesContract(CONTRACT, "POST", "/api/auth/login", locked);
        // the same for a username that does not exist: the answer reveals nothing
        for (int i = 0; i < 5; i++) {
            assertProblem(login("nobody.at.all", "guess-" + i), 401);
        }
        assertProblem(login("nobody.at.all", "guess"), 429);
        // other people are not affected
        assertThat(login("sales.lead", "test-password").status()).isEqualTo(200);
    }

    /**
     * One password tried on five accounts, once each (never locked by username): refused after that for every account,
     * the one whose password it is too, which an administrator's reset frees; a new password may not be it either.
     */
    @Test
    void aPasswordSprayedOnManyAccountsIsRefusedForAll() {
        String sprayed = "Spray " + unique("pw");
        Hired victim = hired("DEV");
        assertThat(http.put("/api/auth/password", victim.token(), Map.of("currentPassword", victim.password(),
                "newPassword", sprayed)).status()).isEqualTo(204);
        Hired other = hired("DEV");
        for (String account : List.of("dev.lead", "dev.head", "sales.lead", "nobody." + unique("x"), "admin")) {
            assertProblem(login(account, sprayed), 401);
        }
        Response refused = login(victim.username(), sprayed);
        assertProblem(refused, 429);
        assertThat(refused.json().path("detail").asText()).contains("many accounts").doesNotContain(sprayed);
        // a day (erp.auth.login.spray.pause), not the 30 s of a username's lock
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(86_000, 86_400);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/login", refused);
        // nobody else is affected, and the people tried are not locked by username (one guess each)
        assertThat(login("dev.lead", "test-password").status()).isEqualTo(200);
        // it cannot be chosen as a new password meanwhile
        assertThat(assertProblem(http.put("/api/auth/password", other.token(), Map.of("currentPassword",
                other.password(), "newPassword", sprayed)), 422).path("detail").asText()).contains("many accounts");
        // the victim's way back: an administrator's reset
        Response reset = http.post("/api/employees/" + victim.id() + "/password-reset", token("admin"), null);
        assertThat(reset.status()).as("%s", reset).isEqualTo(200);
        assertThat(login(victim.username(), reset.json().path("temporaryPassword").asText()).status()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Autowired
    com.erp.routes.common.security.JwtKeys keys;

    /** Another instance of employee-service (or this one restarted): the same record, the same key. */
    private com.erp.employee.auth.PasswordSprayGuard anotherInstance() {
        return new com.erp.employee.auth.PasswordSprayGuard(5, java.time.Duration.ofHours(24),
                java.time.Duration.ofHours(24), java.time.Clock.systemUTC(),
                new com.erp.employee.auth.JdbcSprayRecord(jdbc), keys.derivedSecret("erp.auth.login.spray"));
    }

    /**
     * Every instance counts a password's accounts together, and its pause holds on all of them and over a restart:
     * three accounts tried here, one on another instance and a fifth here pause it on both; an instance started
     * afterwards knows it.
     */
    @Test
    void aSprayCountsAcrossInstancesAndItsPauseOutlivesARestart() {
        String sprayed = "Spread " + unique("pw");
        for (int i = 0; i < 3; i++) {
            assertProblem(login("nobody." + unique("s"), sprayed), 401); // made-up names count as accounts too
        }
        com.erp.employee.auth.PasswordSprayGuard other = anotherInstance();
        other.begin(sprayed, "nobody." + unique("a")).failed();
        assertThat(other.isPaused(sprayed)).isFalse();
        assertThat(login("nobody." + unique("s"), sprayed).status()).as("the fifth account, here").isEqualTo(401);
        assertThat(other.isPaused(sprayed)).as("five accounts over both instances").isTrue();
        assertProblem(login("nobody." + unique("s"), sprayed), 429);
        assertThat(anotherInstance().isPaused(sprayed)).as("an instance started since").isTrue();
        // kept only as keyed hashes: neither the password nor a name is in the tables
        List<String> kept = jdbc.queryForList("select password_print from password_spray_pause "
                + "union all select concat(password_print, account_print) from password_spray_failure", String.class);
        assertThat(kept).isNotEmpty().noneMatch(p -> p.contains("Spread") || p.contains("nobody"));
    }

    /** What lapsed (failures older than the window, pauses over) is deleted by the sweep; the rest stays. */
    @Test
    void theSprayRecordsSweepDeletesWhatLapsed() {
        com.erp.employee.auth.JdbcSprayRecord record = new com.erp.employee.auth.JdbcSprayRecord(jdbc);
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant dayAgo = now.minus(java.time.Duration.ofDays(1));
        String print = unique("sweep");
        record.failed(print, "old", now.minus(java.time.Duration.ofDays(2)), dayAgo);
        record.failed(print, "new", now, dayAgo);
        record.pause(print + ".over", now.minusSeconds(60));
        record.pause(print + ".on", now.plusSeconds(60));
        assertThat(record.sweep(dayAgo, now)).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("select account_print from password_spray_failure where password_print = ?",
                String.class, print)).containsExactly("new");
        assertThat(jdbc.queryForList("select password_print from password_spray_pause where password_print like ?",
                String.class, print + ".%")).containsExactly(print + ".on");
    }

    /** The database finds "dév.staff" and "ＤＥＶ.ＳＴＡＦＦ" as dev.staff: their guesses count against that account. */
    @Test
    void spellingsTheDatabaseTakesForAUsernameShareItsGuesses() {
        Hired someone = hired("DEV");
        String name = http.get("/api/employees/me", someone.token()).json().path("username").asText();
        assertThat(name).startsWith("hired");
        List<String> spellings = List.of("híred", "hìred", "hîred", "hïred", "HIRED");
        for (String spelling : spellings) {
            assertProblem(login(name.replaceFirst("hired", spelling), "guess"), 401);
        }
        assertProblem(login(name, "still a guess"), 429);
    }

    @Test
    void aLoginBodyThatBreaksTheContractIs400NamingTheField() {
        Response missing = http.post("/api/auth/login", null, Map.of("username", "dev.lead"));
        JsonNode problem = assertProblem(missing, 400);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/login", missing);
        assertThat(problem.path("errors").findValuesAsText("field")).contains("/password");
        assertThat(problem.path("detail").asText()).contains("/password");

        Response extra = http.post("/api/auth/login", null,
                Map.of("username", "dev.lead", "password", "x", "admin", true));
        assertThat(assertProblem(extra, 400).path("errors").findValuesAsText("field")).contains("/admin");

        Response malformed = http.postRaw("/api/auth/login", null, "{\"username\": ", "application/json");
        assertProblem(malformed, 400);
    }

    @Test
    void meNeedsAToken() {
        JsonNode problem = assertProblem(http.get("/api/employees/me", null), 401);
        assertThat(problem.path("detail").asText()).contains("bearer token");
        assertProblem(http.get("/api/employees/me", "not-a-jwt"), 401);
    }

    @Test
    void meIsTheCallerAndResponsesDoNotEchoRequestHeaders() {
        String token = token("dev.staff");
        Response me = http.get("/api/employees/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/employees/me", me);
        assertThat(me.json().path("name").asText()).isEqualTo("김민준");
        assertThat(me.json().path("team").path("name").asText()).isEqualTo("플랫폼팀");
        assertThat(me.header("Authorization")).isNull();
    }

    @Test
    void theDefaultApprovalLineFollowsTheOrgChart() {
        Response staff = http.get("/api/employees/me/approval-line", token("dev.staff"));
        assertMatchesContract(CONTRACT, "GET", "/api/employees/me/approval-line", staff);
        assertThat(staff.json().path("approvers").findValuesAsText("name")).containsExactly("이서연", "박지훈");

        Response lead = http.get("/api/employees/me/approval-line", token("dev.lead"));
        assertThat(lead.json().path("approvers").findValuesAsText("name")).containsExactly("박지훈");

        Response head = http.get("/api/employees/me/approval-line", token("dev.head"));
        assertThat(head.json().path("approvers").size()).isZero();
    }

    @Test
    void employeesAndDepartments() {
        String token = token("sales.staff");
        Response all = http.get("/api/employees", token);
        assertMatchesContract(CONTRACT, "GET", "/api/employees", all);
        // the demo organisation, and whoever other tests hired
        assertThat(all.json().findValuesAsText("username")).contains("admin", "dev.head", "dev.lead", "dev.staff",
                "sales.head", "sales.lead", "sales.staff");

        Response departments = http.get("/api/departments", token);
        assertMatchesContract(CONTRACT, "GET", "/api/departments", departments);
        JsonNode dev = departments.json().get(0);
        assertThat(dev.path("code").asText()).isEqualTo("DEV");
        assertThat(dev.path("head").path("name").asText()).isEqualTo("박지훈");
        assertThat(dev.path("teams").get(0).path("lead").path("name").asText()).isEqualTo("이서연");

        long devId = dev.path("id").asLong();
        Response ofDev = http.get("/api/employees?departmentId=" + devId, token);
        assertThat(ofDev.json().findValuesAsText("username")).contains("dev.head", "dev.lead", "dev.staff");
        ofDev.json().forEach(e -> assertThat(e.path("department").path("id").asLong()).isEqualTo(devId));
        // by rank, highest first (the pickers list them so): the head, then the lead, then the staff
        List<String> ranks = List.of("EXECUTIVE", "DEPT_HEAD", "TEAM_LEAD", "STAFF");
        List<Integer> byRank = new java.util.ArrayList<>();
        ofDev.json().forEach(e -> byRank.add(ranks.indexOf(e.path("position").asText())));
        assertThat(byRank).isSorted();
        assertThat(ofDev.json().findValuesAsText("username")).containsSubsequence("dev.head", "dev.lead", "dev.staff");

        // two others (the caller's own record would show its roles)
        String head = ofDev.json().get(0).path("id").asText();
        String last = ofDev.json().get(ofDev.json().size() - 1).path("id").asText();
        Response byIds = http.get("/api/employees?ids=" + last + ",999999," + head, token);
        assertMatchesContract(CONTRACT, "GET", "/api/employees", byIds);
        List<String> found = new java.util.ArrayList<>();
        byIds.json().forEach(e -> found.add(e.path("id").asText()));
        assertThat(found).containsExactly(last, head);

        long someone = all.json().get(0).path("id").asLong();
        Response one = http.get("/api/employees/" + someone, token);
        assertMatchesContract(CONTRACT, "GET", "/api/employees/{employeeId}", one);
        assertThat(one.json().path("id").asLong()).isEqualTo(someone);

        // who administers or manages is nobody else's business: roles only in one's own record, and to administrators
        all.json().forEach(e -> assertThat(e.has("roles")).as("%s", e).isEqualTo(
                e.path("username").asText().equals("sales.staff")));
        assertThat(byIds.json().findValues("roles")).isEmpty();
        assertThat(one.json().has("roles")).isFalse();
        long adminId = java.util.stream.StreamSupport.stream(all.json().spliterator(), false)
                .filter(e -> e.path("username").asText().equals("admin")).findFirst().orElseThrow().path("id").asLong();
        assertThat(http.get("/api/employees/" + adminId, token).json().has("roles")).isFalse();
        long mine = http.get("/api/employees/me", token).json().path("id").asLong();
        assertThat(http.get("/api/employees/" + mine, token).json().path("roles").toString()).contains("EMPLOYEE");
        Response asAdmin = http.get("/api/employees/" + adminId, token("admin"));
        assertMatchesContract(CONTRACT, "GET", "/api/employees/{employeeId}", asAdmin);
        assertThat(asAdmin.json().path("roles").toString()).contains("ADMIN");
        http.get("/api/employees", token("admin")).json().forEach(e -> assertThat(e.has("roles")).as("%s", e).isTrue());

        assertProblem(http.get("/api/employees/999999", token), 404);
        JsonNode badId = assertProblem(http.get("/api/employees/abc", token), 400);
        assertThat(badId.path("errors").findValuesAsText("field")).contains("employeeId");
        assertThat(List.of(assertProblem(http.get("/api/employees?departmentId=x", token), 400)
                .path("errors").findValuesAsText("field"))).isNotEmpty();
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        String token = token("dev.staff");
        assertProblem(http.get("/api/nothing-here", token), 404);
        assertProblem(http.post("/api/employees/me", token, Map.of()), 405);
    }
}
