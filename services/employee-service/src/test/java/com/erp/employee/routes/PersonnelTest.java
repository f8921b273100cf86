package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 인사: an administrator hires someone and records that someone left; everyone changes their own password. */
class PersonnelTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";

    @Autowired
    DataSource dataSource;

    /**
     * An account no longer active whose token still works (a departure landing between the token's check and the
     * request's work) changes nothing of its own: no delegation, no saved line, no new password.
     */
    @Test
    void anAccountNoLongerActiveChangesNothingOfItsOwn() {
        Hired gone = hired("DEV");
        long headId = http.get("/api/employees/me", token("dev.head")).json().path("id").asLong();
        JdbcTemplate db = new JdbcTemplate(dataSource);
        String hash = db.queryForObject("select password_hash from employee where id = ?", String.class, gone.id());
        db.update("update employee set active = false where id = ?", gone.id());
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();

        String refused = "Your account is not an active employee's.";
        assertThat(assertProblem(http.put("/api/delegations/mine", gone.token(), Map.of("deputyId", headId,
                "startDate", today, "endDate", today)), 403).path("detail").asText()).isEqualTo(refused);
        assertThat(assertProblem(http.post("/api/employees/me/approval-lines", gone.token(), Map.of("name", "떠난 뒤",
                "approverIds", List.of(headId))), 403).path("detail").asText()).isEqualTo(refused);
        assertThat(assertProblem(http.put("/api/auth/password", gone.token(), Map.of("currentPassword", gone.password(),
                "newPassword", "another-password-" + System.nanoTime() % 1000)), 403).path("detail").asText())
                .isEqualTo(refused);
        assertThat(db.queryForObject("select count(*) from delegation where approver_id = ?", Integer.class, gone.id()))
                .isZero();
        assertThat(db.queryForObject("select count(*) from saved_approval_line where owner_id = ?", Integer.class,
                gone.id())).isZero();
        assertThat(db.queryForObject("select password_hash from employee where id = ?", String.class, gone.id()))
                .isEqualTo(hash);
    }

    @Test
    void aNewHireSignsInWithTheTemporaryPasswordAndReplacesIt() {
        String username = unique("new");
        Response hired = http.post("/api/employees", token("admin"), hire(username, "DEV"));
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/employees", hired);
        long id = hired.json().path("employee").path("id").asLong();
        assertThat(hired.header("Location")).isEqualTo("/api/employees/" + id);
        assertThat(hired.json().path("employee").path("roles").toString()).contains("EMPLOYEE").doesNotContain("ADMIN");
        String temporary = hired.json().path("temporaryPassword").asText();
        assertThat(temporary).hasSize(16);
        String hash = new JdbcTemplate(dataSource).queryForObject("select password_hash from employee where id = ?",
                String.class, id);
        assertThat(hash).as("only the hash is kept").doesNotContain(temporary);

        Response first = login(username, temporary);
        assertThat(first.status()).isEqualTo(200);
        String token = first.json().path("accessToken").asText();
        assertThat(http.get("/api/employees/me", token).json().path("team").path("name").asText()).isNotBlank();

        // a wrong current password, the username in the new one, too short: refused, and the password stays
        assertThat(assertProblem(http.put("/api/auth/password", token, Map.of("currentPassword", "wrong-one",
                "newPassword", "a-long-new-secret")), 422).path("detail").asText()).contains("currentPassword");
        assertProblem(http.put("/api/auth/password", token, Map.of("currentPassword", temporary,
                "newPassword", "x" + username + "x")), 422);
        assertThat(assertProblem(http.put("/api/auth/password", token, Map.of("currentPassword", temporary,
                "newPassword", "short")), 400).path("errors").findValuesAsText("field")).contains("/newPassword");
        // 25 Korean syllables: within the contract's 72 characters, past BCrypt's 72 bytes
        assertThat(assertProblem(http.put("/api/auth/password", token, Map.of("currentPassword", temporary,
                "newPassword", "가".repeat(25))), 422).path("detail").asText()).contains("72 bytes");

        Response changed = http.put("/api/auth/password", token, Map.of("currentPassword", temporary,
                "newPassword", "my own secret 42"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(204);
        assertMatchesContract(CONTRACT, "PUT", "/api/auth/password", changed);
        assertThat(login(username, temporary).status()).isEqualTo(401);
        // whoever held a token of theirs (the one that changed it too) is signed out
        assertThat(http.get("/api/employees/me", token).status()).isEqualTo(401);
        String fresh = login(username, "my own secret 42").json().path("accessToken").asText();
        assertThat(http.get("/api/employees/me", fresh).status()).isEqualTo(200);
        assertThat(http.put("/api/auth/password", null, Map.of("currentPassword", "a", "newPassword", "b".repeat(10)))
                .status()).isEqualTo(401);
    }

    /** A token that may have got out: its holder ends every token of theirs, in every session, at once. */
    @Test
    void signingOutEverywhereEndsEveryTokenOfTheCallerAndOnlyTheirs() {
        Response hired = hired("everywhere", "DEV");
        String username = hired.json().path("employee").path("username").asText();
        String password = hired.json().path("temporaryPassword").asText();
        String desk = login(username, password).json().path("accessToken").asText();
        String phone = login(username, password).json().path("accessToken").asText();
        String other = login("dev.staff", "test-password").json().path("accessToken").asText();
        assertThat(http.postRaw("/api/auth/logout-everywhere", null, "", null).status()).as("no token").isEqualTo(401);

        Response out = http.postRaw("/api/auth/logout-everywhere", phone, "", null);
        assertThat(out.status()).as("%s", out).isEqualTo(204);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/logout-everywhere", out);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(http.get("/api/employees/me", desk).status()).as("the other session's token").isEqualTo(401);
        assertThat(http.get("/api/employees/me", phone).status()).as("its own").isEqualTo(401);
        assertThat(http.postRaw("/api/auth/logout-everywhere", phone, "", null).status()).isEqualTo(401);
        assertThat(http.get("/api/employees/me", other).status()).as("somebody else's").isEqualTo(200);
        // the revocation goes out to the other services as a password change's does
        assertThat(kafka.awaitKey("employee.tokens-revoked", hired.json().path("employee").path("id").asText(), 1)).hasSize(1);
        String again = login(username, password).json().path("accessToken").asText();
        assertThat(http.get("/api/employees/me", again).status()).isEqualTo(200);
    }

    /**
     * A logout ends the token it came with, sent as the bearer token or as the login cookie (the browser's), and no
     * other: the person's other sessions go on. The record that goes out lists each token logged out of.
     */
    @Test
    void loggingOutEndsThatTokenAloneFromTheHeaderOrTheLoginCookie() throws Exception {
        Response hired = hired("logout", "DEV");
        String id = hired.json().path("employee").path("id").asText();
        String username = hired.json().path("employee").path("username").asText();
        String password = hired.json().path("temporaryPassword").asText();
        String desk = login(username, password).json().path("accessToken").asText();
        String browser = login(username, password).json().path("accessToken").asText();
        String phone = login(username, password).json().path("accessToken").asText();
        String otherTab = login(username, password).json().path("accessToken").asText();

        // a page sends its own token; the cookie every tab shares holds the last sign-in's, another tab's: it goes on
        Response out = http.send(http.request("/api/auth/logout", desk).header("Cookie", "ERP_TOKEN=" + otherTab)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(out.status()).as("%s", out).isEqualTo(204);
        assertMatchesContract(CONTRACT, "POST", "/api/auth/logout", out);
        Response refused = http.get("/api/employees/me", desk);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("logged out");
        assertThat(http.get("/api/employees/me", phone).status()).as("another session's token").isEqualTo(200);
        assertThat(http.get("/api/employees/me", otherTab).status()).as("the other tab's, in the cookie").isEqualTo(200);

        // the browser: the login cookie alone (its page cannot read it), as the UI's logout sends it
        Response fromPage = http.send(http.request("/api/auth/logout", null)
                .header("Cookie", "other=1; ERP_TOKEN=" + browser)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(fromPage.status()).isEqualTo(204);
        assertThat(fromPage.header("Set-Cookie")).contains("Max-Age=0");
        assertThat(http.get("/api/employees/me", browser).status()).isEqualTo(401);
        assertThat(http.get("/api/employees/me", phone).status()).isEqualTo(200);
        // logging out again, or with something that is not a token, changes nothing and still answers 204
        assertThat(http.postRaw("/api/auth/logout", desk, "", null).status()).isEqualTo(204);
        assertThat(http.postRaw("/api/auth/logout", "not-a-token", "", null).status()).isEqualTo(204);

        // every other service learns it from the person's record: both tokens logged out of, in the latest
        JsonNode latest = new ObjectMapper().readTree(kafka.awaitKey("employee.tokens-revoked", id, 2).get(1).value());
        assertThat(latest.path("reason").asText()).isEqualTo("SIGNED_OUT");
        assertThat(iterable(latest.path("signedOut").fieldNames())).containsExactlyInAnyOrder(
                jwtId(desk), jwtId(browser));
        assertThat(latest.path("signedOut").has(jwtId(phone))).isFalse();

        // signing out everywhere ends the rest, and its record needs no list
        http.postRaw("/api/auth/logout-everywhere", phone, "", null);
        assertThat(http.get("/api/employees/me", phone).status()).isEqualTo(401);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from signed_out_token "
                + "where employee_id = ?", Integer.class, Long.parseLong(id))).isZero();
    }

    /**
     * The record that goes out lists the tokens logged out of; it stays small: past the most it lists, a logout ends
     * every token of the person instead, as signing out everywhere does.
     */
    @Test
    void pastAHundredTokensLoggedOutOfALogoutEndsEveryTokenOfThePerson() throws Exception {
        Response hired = hired("manylogouts", "DEV");
        long id = hired.json().path("employee").path("id").asLong();
        com.erp.routes.common.events.Person p = new com.erp.routes.common.events.Person(id, "n", "STAFF", "D");
        String unused = com.erp.routes.testing.TestPeople.token(tokens, p, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(http.postRaw("/api/auth/logout", com.erp.routes.testing.TestPeople.token(tokens, p, 0), "", null)
                    .status()).isEqualTo(204);
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from signed_out_token where employee_id = ?", Integer.class, id))
                .isEqualTo(100);
        assertThat(http.get("/api/employees/me", unused).status()).as("not logged out of").isEqualTo(200);

        assertThat(http.postRaw("/api/auth/logout", com.erp.routes.testing.TestPeople.token(tokens, p, 0), "", null)
                .status()).isEqualTo(204);
        assertThat(http.get("/api/employees/me", unused).status()).as("ended with every other").isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from signed_out_token where employee_id = ?", Integer.class, id))
                .isZero();
        JsonNode last = new ObjectMapper().readTree(kafka.awaitKey("employee.tokens-revoked", String.valueOf(id), 101)
                .get(100).value());
        assertThat(last.path("reason").asText()).isEqualTo("CHANGED");
        assertThat(last.path("tokenVersion").asLong()).isEqualTo(1);
        assertThat(last.path("signedOut").size()).isZero();
    }

    private static String jwtId(String token) throws Exception {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(claims).path("jti").asText();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> all = new java.util.ArrayList<>();
        it.forEachRemaining(all::add);
        return all;
    }

    @Test
    void onlyAnAdministratorHiresAndTheRequestMustHold() {
        assertProblem(http.post("/api/employees", token("dev.head"), hire(unique("nope"), "DEV")), 403);
        // refused before anything is looked at (a temporary password hashed, rows locked): not told the name is blank
        Map<String, Object> blank = hire(unique("blank"), "DEV");
        blank.put("name", "   ");
        assertProblem(http.post("/api/employees", token("dev.head"), blank), 403);
        assertProblem(http.post("/api/employees", token("admin"), blank), 422);
        // a token that says ADMIN is not enough: the record must say so now
        long staffId = http.get("/api/employees/me", token("dev.staff")).json().path("id").asLong();
        String claimsAdmin = com.erp.routes.testing.TestPeople.token(tokens,
                new com.erp.routes.common.events.Person(staffId, "김민준", "STAFF", "개발본부"), "EMPLOYEE", "ADMIN");
        assertThat(assertProblem(http.post("/api/employees", claimsAdmin, hire(unique("claim"), "DEV")), 403)
                .path("detail").asText()).contains("administrator");
        assertThat(assertProblem(http.post("/api/employees", token("admin"), hire("dev.staff", "DEV")), 409)
                .path("detail").asText()).contains("dev.staff");
        Map<String, Object> crossed = hire(unique("cross"), "DEV");
        crossed.put("teamId", department("SALES").path("teams").get(0).path("id").asLong());
        assertThat(assertProblem(http.post("/api/employees", token("admin"), crossed), 422).path("detail").asText())
                .contains("is not one of");
        Map<String, Object> nowhere = hire(unique("nowhere"), "DEV");
        nowhere.put("departmentId", 999999);
        assertProblem(http.post("/api/employees", token("admin"), nowhere), 422);
        Map<String, Object> badName = hire(unique("bad"), "DEV");
        badName.put("username", "Bad Name");
        assertThat(assertProblem(http.post("/api/employees", token("admin"), badName), 400).path("errors")
                .findValuesAsText("field")).contains("/username");
        Map<String, Object> selfMadeAdmin = hire(unique("role"), "DEV");
        selfMadeAdmin.put("roles", List.of("EMPLOYEE", "SUPERUSER"));
        assertProblem(http.post("/api/employees", token("admin"), selfMadeAdmin), 400);
    }

    @Test
    void someoneWhoLeftCannotSignInIsNoLongerListedLeadsNoTeamAndTheirDelegationsEnd() {
        String username = unique("leaving");
        Response hired = http.post("/api/employees", token("admin"), hire(username, "SALES"));
        long id = hired.json().path("employee").path("id").asLong();
        String temporary = hired.json().path("temporaryPassword").asText();
        long salesId = department("SALES").path("id").asLong();
        String teamName = "임시팀 " + Long.toString(System.nanoTime(), 36);
        new JdbcTemplate(dataSource).update("insert into team (department_id, name, lead_id) values (?, ?, ?)",
                salesId, teamName, id);
        String deptName = "임시본부 " + Long.toString(System.nanoTime(), 36);
        new JdbcTemplate(dataSource).update("insert into department (code, name, head_id) values (?, ?, ?)",
                "TMP" + Long.toString(System.nanoTime(), 36).toUpperCase(), deptName, id);
        // they hand their decisions to sales.staff for a few days
        String theirs = login(username, temporary).json().path("accessToken").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        long deputy = http.get("/api/employees/me", token("sales.staff")).json().path("id").asLong();
        Response delegated = http.put("/api/delegations/mine", theirs, Map.of("deputyId", deputy,
                "startDate", today.toString(), "endDate", today.plusDays(3).toString()));
        assertThat(delegated.status()).as("%s", delegated).isEqualTo(200);

        assertProblem(http.post("/api/employees/" + id + "/departure", token("sales.head"), Map.of()), 403);
        Response left = http.post("/api/employees/" + id + "/departure", token("admin"), Map.of("reason", "이직"));
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/employees/{employeeId}/departure", left);
        assertThat(left.json().path("leadOf").toString()).contains(teamName);
        assertThat(left.json().path("headOf").toString()).contains(deptName);
        assertThat(new JdbcTemplate(dataSource).queryForObject("select departure_reason from employee where id = ?",
                String.class, id)).isEqualTo("이직");
        assertThat(left.json().path("delegationsEnded").asInt()).isEqualTo(1);

        assertThat(login(username, temporary).status()).isEqualTo(401);
        // the token they had is refused too, long before it expires: at once here (elsewhere once read from Kafka)
        Response refused = http.get("/api/employees/me", theirs);
        assertThat(refused.status()).as("%s", refused).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("closed");
        assertThat(http.get("/api/employees/me", token("sales.staff")).status()).isEqualTo(200);
        assertThat(http.get("/api/employees", token("admin")).json().findValuesAsText("username")).doesNotContain(username);
        // looked up by id (a document names them) they are found, and said to have left
        Response looked = http.get("/api/employees/" + id, token("sales.staff"));
        assertMatchesContract(CONTRACT, "GET", "/api/employees/{employeeId}", looked);
        assertThat(looked.json().path("departedAt").asText()).isNotBlank();
        assertThat(http.get("/api/employees/" + deputy, token("sales.staff")).json().has("departedAt"))
                .as("someone who has not left").isFalse();
        JsonNode team = null;
        for (JsonNode t : department("SALES").path("teams")) {
            if (t.path("name").asText().equals(teamName)) {
                team = t;
            }
        }
        assertThat(team).isNotNull();
        assertThat(team.path("lead").isMissingNode() || team.path("lead").isNull()).as("%s", team).isTrue();
        assertThat(http.get("/api/delegations", token("sales.staff")).json().path("actingFor").findValuesAsText("name"))
                .doesNotContain(left.json().path("employee").path("name").asText());

        assertProblem(http.post("/api/employees/" + id + "/departure", token("admin"), Map.of()), 409);
        long admin = http.get("/api/employees/me", token("admin")).json().path("id").asLong();
        assertProblem(http.post("/api/employees/" + admin + "/departure", token("admin"), Map.of()), 409);
        // someone who may not record departures is told that, also about themselves (not "another administrator does")
        long head = http.get("/api/employees/me", token("sales.head")).json().path("id").asLong();
        assertProblem(http.post("/api/employees/" + head + "/departure", token("sales.head"), Map.of()), 403);
        assertProblem(http.post("/api/employees/999999/departure", token("admin"), Map.of()), 404);
    }

    /**
     * A forgotten password: an administrator gives a new temporary one, shown once; the old password and every token
     * of theirs stop working, a lock after failed sign-ins ends, and they choose their own again. Only administrators,
     * not for one's own password, not for someone who left.
     */
    @Test
    void anAdministratorResetsAForgottenPasswordAndTheOldOneAndTokensStopWorking() {
        Response hired = hired("forgot", "DEV");
        String username = hired.json().path("employee").path("username").asText();
        String first = hired.json().path("temporaryPassword").asText();
        String token = login(username, first).json().path("accessToken").asText();
        assertThat(http.put("/api/auth/password", token, Map.of("currentPassword", first,
                "newPassword", "remembered once")).status()).isEqualTo(204);
        String held = login(username, "remembered once").json().path("accessToken").asText();
        // forgotten: tried until locked out
        for (int i = 0; i < 5; i++) {
            login(username, "not it " + i);
        }
        assertThat(login(username, "remembered once").status()).as("locked").isEqualTo(429);
        String before = login("dev.staff", "test-password").json().path("accessToken").asText();
        String reset = "/api/employees/" + id(hired) + "/password-reset";

        assertProblem(http.post(reset, token("dev.head"), null), 403);
        assertProblem(http.post(reset, before, null), 403);
        assertProblem(http.post("/api/employees/999999/password-reset", token("admin"), null), 404);
        long adminId = http.get("/api/employees/me", token("admin")).json().path("id").asLong();
        assertThat(assertProblem(http.post("/api/employees/" + adminId + "/password-reset", token("admin"), null), 422)
                .path("detail").asText()).contains("/api/auth/password");

        Response done = http.post(reset, token("admin"), null);
        assertThat(done.status()).as("%s", done).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/employees/{employeeId}/password-reset", done);
        String temporary = done.json().path("temporaryPassword").asText();
        assertThat(temporary).hasSize(16).isNotEqualTo(first);
        assertThat(login(username, "remembered once").status()).as("the old password").isEqualTo(401);
        assertThat(http.get("/api/employees/me", held).status()).as("a token from before").isEqualTo(401);
        Response in = login(username, temporary);
        assertThat(in.status()).as("the lock ended, the temporary password works: %s", in).isEqualTo(200);
        assertThat(http.get("/api/employees/me", in.json().path("accessToken").asText()).status()).isEqualTo(200);

        // someone who left is brought back instead
        long leaver = id(hired("gone", "DEV"));
        assertThat(http.post("/api/employees/" + leaver + "/departure", token("admin"), Map.of()).status()).isEqualTo(200);
        assertThat(assertProblem(http.post("/api/employees/" + leaver + "/password-reset", token("admin"), null), 409)
                .path("detail").asText()).contains("reinstatement");
    }

    /** Hires someone into {@code code}; their id and temporary password. */
    private Response hired(String prefix, String code) {
        Response hired = http.post("/api/employees", token("admin"), hire(unique(prefix), code));
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        return hired;
    }

    private static long id(Response hired) {
        return hired.json().path("employee").path("id").asLong();
    }

    private static JsonNode json(String value) {
        try {
            return new ObjectMapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> actingFor(String token) {
        return http.get("/api/delegations", token).json().path("actingFor").findValuesAsText("name");
    }

    /**
     * 인수: the decisions still asked of someone who left go to a successor, as to a deputy with no end, told like any
     * delegation; named at the departure or after it; passed on when the successor leaves in turn; and being someone's
     * successor does not keep the successor from naming a deputy of their own while away.
     */
    @Test
    void someoneWhoLeftHandsTheDecisionsStillAskedOfThemToASuccessor() {
        Response first = hired("leaving", "SALES");
        Response second = hired("leaving", "SALES");
        Response successorHire = hired("successor", "SALES");
        Response lastHire = hired("successor", "SALES");
        long leaving = id(first);
        long successor = id(successorHire);
        String successorToken = login(successorHire.json().path("employee").path("username").asText(),
                successorHire.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        String firstName = first.json().path("employee").path("name").asText();
        String departure = "/api/employees/" + leaving + "/departure";

        // nobody, someone who left or the leaver themselves takes nothing over
        assertThat(assertProblem(http.post(departure, token("admin"), Map.of("successorId", leaving)), 422)
                .path("detail").asText()).contains("their own");
        assertProblem(http.post(departure, token("admin"), Map.of("successorId", 999_999)), 422);
        Response left = http.post(departure, token("admin"), Map.of("reason", "전근", "successorId", successor));
        assertThat(left.status()).as("%s", left).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/employees/{employeeId}/departure", left);
        assertThat(left.json().path("successor").path("id").asLong()).isEqualTo(successor);

        // told like any delegation, for good: approval-processing and approval-request give the successor the steps
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        JsonNode told = json(kafka.await("employee.delegation-changed", r -> String.valueOf(leaving).equals(r.key())
                && r.value().contains("\"deputy\""), 1, Duration.ofSeconds(30)).get(0).value());
        assertThat(told.path("deputy").path("id").asLong()).isEqualTo(successor);
        assertThat(told.path("startDate").asText()).isEqualTo(today);
        assertThat(told.path("endDate").asText()).isEqualTo("9999-12-31");
        assertThat(actingFor(successorToken)).contains(firstName);

        // deciding for someone who left does not keep the successor from being away
        Response away = http.put("/api/delegations/mine", successorToken, Map.of("deputyId", id(lastHire),
                "startDate", today, "endDate", LocalDate.parse(today).plusDays(2).toString()));
        assertThat(away.status()).as("%s", away).isEqualTo(200);

        // named after the departure: only for someone who left, only by an administrator
        long secondId = id(second);
        Response plain = http.post("/api/employees/" + secondId + "/departure", token("admin"), Map.of());
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().has("successor")).isFalse();
        String naming = "/api/employees/" + secondId + "/successor";
        assertProblem(http.put(naming, token("sales.head"), Map.of("successorId", successor)), 403);
        assertProblem(http.put("/api/employees/" + successor + "/successor", token("admin"),
                Map.of("successorId", id(lastHire))), 409);
        assertProblem(http.put("/api/employees/999999/successor", token("admin"), Map.of("successorId", successor)), 404);
        assertProblem(http.put(naming, token("admin"), Map.of("successorId", leaving)), 422);
        assertProblem(http.put(naming, token("admin"), Map.of()), 400);
        Response named = http.put(naming, token("admin"), Map.of("successorId", successor));
        assertThat(named.status()).as("%s", named).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/employees/{employeeId}/successor", named);
        assertThat(named.json().path("since").asText()).isEqualTo(today);
        assertThat(actingFor(successorToken)).contains(firstName, second.json().path("employee").path("name").asText());

        // the successor leaves too: what they took over passes on with their own decisions
        Response passed = http.post("/api/employees/" + successor + "/departure", token("admin"),
                Map.of("successorId", id(lastHire)));
        assertThat(passed.status()).as("%s", passed).isEqualTo(200);
        String lastToken = login(lastHire.json().path("employee").path("username").asText(),
                lastHire.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        assertThat(actingFor(lastToken)).contains(firstName, second.json().path("employee").path("name").asText(),
                successorHire.json().path("employee").path("name").asText());
        // their own delegation (to the last successor) ended; the two successions passed on, not ended
        assertThat(passed.json().path("delegationsEnded").asInt()).isEqualTo(1);

        // the last successor leaves with nobody named: what they held waits for whoever is named for them
        Response heir = hired("successor", "SALES");
        assertThat(http.post("/api/employees/" + id(lastHire) + "/departure", token("admin"), Map.of()).status())
                .isEqualTo(200);
        Response late = http.put("/api/employees/" + id(lastHire) + "/successor", token("admin"),
                Map.of("successorId", id(heir)));
        assertThat(late.status()).as("%s", late).isEqualTo(200);
        String heirToken = login(heir.json().path("employee").path("username").asText(),
                heir.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        assertThat(actingFor(heirToken)).contains(firstName, second.json().path("employee").path("name").asText(),
                successorHire.json().path("employee").path("name").asText(),
                lastHire.json().path("employee").path("name").asText());

        // the administrator's list of who left names the successor deciding for each now
        assertProblem(http.get("/api/employees/departures", token("sales.head")), 403);
        Response departures = http.get("/api/employees/departures", token("admin"));
        assertThat(departures.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", "/api/employees/departures", departures);
        Map<Long, JsonNode> byId = new HashMap<>();
        departures.json().forEach(d -> byId.put(d.path("employee").path("id").asLong(), d));
        for (Response gone : List.of(first, second, successorHire, lastHire)) {
            JsonNode d = byId.get(id(gone));
            assertThat(d).as("%s", gone).isNotNull();
            assertThat(d.path("successor").path("id").asLong()).isEqualTo(id(heir));
        }
        assertThat(byId.get(leaving).path("reason").asText()).isEqualTo("전근");
        assertThat(byId).doesNotContainKey(id(heir));
    }

    /**
     * 복직: someone recorded as left by mistake is brought back with a new temporary password; their old tokens and
     * password stay refused, new ones are taken (a revocation that supersedes the departure's), and their successor
     * stops deciding for them.
     */
    @Test
    void someoneWhoLeftIsBroughtBackWithANewPasswordAndNewTokens() {
        Response hire = hired("back", "SALES");
        long id = id(hire);
        String username = hire.json().path("employee").path("username").asText();
        String oldPassword = hire.json().path("temporaryPassword").asText();
        String oldToken = login(username, oldPassword).json().path("accessToken").asText();
        Response successorHire = hired("successor", "SALES");
        String successorToken = login(successorHire.json().path("employee").path("username").asText(),
                successorHire.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        String name = hire.json().path("employee").path("name").asText();
        assertThat(http.post("/api/employees/" + id + "/departure", token("admin"),
                Map.of("reason", "착오", "successorId", id(successorHire))).status()).isEqualTo(200);
        assertThat(actingFor(successorToken)).contains(name);

        String reinstatement = "/api/employees/" + id + "/reinstatement";
        assertProblem(http.post(reinstatement, token("sales.head"), null), 403);
        assertProblem(http.post("/api/employees/" + id(successorHire) + "/reinstatement", token("admin"), null), 409);
        assertProblem(http.post("/api/employees/999999/reinstatement", token("admin"), null), 404);
        Response back = http.post(reinstatement, token("admin"), null);
        assertThat(back.status()).as("%s", back).isEqualTo(200);
        assertMatchesContract(CONTRACT, "POST", "/api/employees/{employeeId}/reinstatement", back);
        String newPassword = back.json().path("temporaryPassword").asText();
        assertThat(newPassword).isNotBlank().isNotEqualTo(oldPassword);

        assertThat(http.get("/api/employees/me", oldToken).status()).isEqualTo(401);
        assertThat(login(username, oldPassword).status()).isEqualTo(401);
        Response signedIn = login(username, newPassword);
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(200);
        assertThat(http.get("/api/employees/me", signedIn.json().path("accessToken").asText()).status()).isEqualTo(200);
        assertProblem(http.post(reinstatement, token("admin"), null), 409);

        // every other service learns it: the last revocation supersedes the departure's, at a higher version
        List<JsonNode> revocations = kafka.awaitKey("employee.tokens-revoked", String.valueOf(id), 2).stream()
                .map(r -> json(r.value())).toList();
        assertThat(revocations.get(0).path("reason").asText()).isEqualTo("DEPARTED");
        assertThat(revocations.get(1).path("reason").asText()).isEqualTo("CHANGED");
        assertThat(revocations.get(1).path("tokenVersion").asLong())
                .isGreaterThan(revocations.get(0).path("tokenVersion").asLong());

        assertThat(actingFor(successorToken)).doesNotContain(name);
        assertThat(http.get("/api/employees", token("admin")).json().findValuesAsText("username")).contains(username);

        // one who left without a successor gets back what they had taken over (held for them)
        Response holder = hired("holder", "SALES");
        Response earlier = hired("leaving", "SALES");
        assertThat(http.post("/api/employees/" + id(earlier) + "/departure", token("admin"),
                Map.of("successorId", id(holder))).status()).isEqualTo(200);
        assertThat(http.post("/api/employees/" + id(holder) + "/departure", token("admin"), Map.of()).status())
                .isEqualTo(200);
        Response holderBack = http.post("/api/employees/" + id(holder) + "/reinstatement", token("admin"), null);
        assertThat(holderBack.status()).as("%s", holderBack).isEqualTo(200);
        String holderToken = login(holder.json().path("employee").path("username").asText(),
                holderBack.json().path("temporaryPassword").asText()).json().path("accessToken").asText();
        assertThat(actingFor(holderToken)).contains(earlier.json().path("employee").path("name").asText());
        assertThat(http.get("/api/employees/departures", token("admin")).json().findValuesAsText("username"))
                .doesNotContain(username);
    }

    @Test
    void anAdministratorMovesSomeoneAndNamesTheLeadsButALeadStaysUntilAnotherIsNamed() {
        String admin = token("admin");
        long sales = department("SALES").path("id").asLong();
        String teamName = "이동팀 " + Long.toString(System.nanoTime(), 36);
        JdbcTemplate db = new JdbcTemplate(dataSource);
        db.update("insert into team (department_id, name) values (?, ?)", sales, teamName);
        long team = db.queryForObject("select id from team where name = ?", Long.class, teamName);
        Map<String, Object> body = hire(unique("mover"), "SALES");
        body.put("teamId", team);
        Response moverHired = http.post("/api/employees", admin, body);
        long mover = moverHired.json().path("employee").path("id").asLong();
        String moverUsername = (String) body.get("username");
        String moverToken = login(moverUsername, moverHired.json().path("temporaryPassword").asText()).json()
                .path("accessToken").asText();
        String leadPath = "/api/departments/" + sales + "/teams/" + team + "/lead";

        Response named = http.put(leadPath, admin, Map.of("employeeId", mover));
        assertThat(named.status()).as("%s", named).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/departments/{departmentId}/teams/{teamId}/lead", named);
        assertThat(named.json().path("teams").findValues("lead").stream().map(l -> l.path("id").asLong()).toList())
                .contains(mover);
        assertProblem(http.put(leadPath, token("sales.head"), Map.of("employeeId", mover)), 403);

        Map<String, Object> move = new HashMap<>();
        move.put("name", "옮긴 사람");
        move.put("departmentId", department("DEV").path("id").asLong());
        move.put("position", "TEAM_LEAD");
        move.put("roles", List.of("MANAGER"));
        assertThat(assertProblem(http.put("/api/employees/" + mover, admin, move), 409).path("detail").asText())
                .contains(teamName);

        Map<String, Object> nobody = new HashMap<>();
        nobody.put("employeeId", null);
        assertThat(http.put(leadPath, admin, nobody).status()).isEqualTo(200);
        Response moved = http.put("/api/employees/" + mover, admin, move);
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/employees/{employeeId}", moved);
        assertThat(moved.json().path("department").path("code").asText()).isEqualTo("DEV");
        assertThat(moved.json().path("name").asText()).isEqualTo("옮긴 사람");
        assertThat(moved.json().path("roles").toString()).contains("MANAGER").contains("EMPLOYEE");
        assertThat(http.get("/api/employees/" + mover, admin).json().path("position").asText()).isEqualTo("TEAM_LEAD");
        // their token says the old department and roles: refused, with the reason; a new sign-in says the new ones
        Response stale = http.get("/api/employees/me", moverToken);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("detail").asText()).contains("sign in again");
        String fresh = login(moverUsername, moverHired.json().path("temporaryPassword").asText()).json()
                .path("accessToken").asText();
        assertThat(http.get("/api/employees/me", fresh).json().path("department").path("code").asText()).isEqualTo("DEV");

        // only someone of the team leads it, of the department heads it
        assertThat(assertProblem(http.put(leadPath, admin, Map.of("employeeId", mover)), 422).path("detail").asText())
                .contains("move them first");
        assertProblem(http.put("/api/departments/" + sales + "/head", admin, Map.of("employeeId", mover)), 422);
        assertProblem(http.put("/api/departments/" + sales + "/teams/999999/lead", admin, nobody), 404);
        assertProblem(http.put("/api/employees/" + mover, token("dev.head"), move), 403);
        long devHead = http.get("/api/employees/me", token("dev.head")).json().path("id").asLong();
        assertProblem(http.put("/api/employees/" + devHead, token("dev.head"), move), 403); // about themselves too

        long me = http.get("/api/employees/me", admin).json().path("id").asLong();
        Map<String, Object> demoted = new HashMap<>(move);
        demoted.put("departmentId", http.get("/api/employees/me", admin).json().path("department").path("id").asLong());
        demoted.put("roles", List.of());
        assertThat(assertProblem(http.put("/api/employees/" + me, admin, demoted), 409).path("detail").asText())
                .contains("ADMIN");
    }

    @Test
    void anAdministratorOpensADepartmentAndATeamThatPeopleThenJoinAndLead() throws Exception {
        String admin = token("admin");
        String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String name = "인재개발실 " + code;
        Response opened = http.post("/api/departments", admin, Map.of("code", code, "name", " " + name + " "));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/departments", opened);
        assertThat(opened.header("Location")).isEqualTo("/api/departments");
        assertThat(opened.json().path("name").asText()).as("trimmed").isEqualTo(name);
        assertThat(opened.json().path("head").isMissingNode()).as("nobody heads it yet").isTrue();
        assertThat(opened.json().path("teams")).isEmpty();
        long id = opened.json().path("id").asLong();
        assertThat(department(code).path("id").asLong()).as("on the org chart").isEqualTo(id);

        // its code and its name are its own; only an administrator opens one; the contract holds
        assertThat(assertProblem(http.post("/api/departments", admin, Map.of("code", code, "name", "다른 이름")), 409)
                .path("detail").asText()).contains(code);
        assertProblem(http.post("/api/departments", admin, Map.of("code", code + "X", "name", name)), 409);
        // two opened at the same moment with one name: one of them, whatever the check before the insert saw
        String twin = "쌍둥이실 " + code;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Response>> both = pool.invokeAll(List.of(
                    () -> http.post("/api/departments", admin, Map.of("code", code + "A", "name", twin)),
                    () -> http.post("/api/departments", admin, Map.of("code", code + "B", "name", twin))));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Response> f : both) {
                statuses.add(f.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        // the unique key holds it, not only the check
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JdbcTemplate(dataSource).update(
                "insert into department (code, name) values (?, ?)", code + "C", twin))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertProblem(http.post("/api/departments", token("dev.head"), Map.of("code", code + "Y", "name", "몰래")), 403);
        assertThat(assertProblem(http.post("/api/departments", admin, Map.of("code", "hr", "name", "인사")), 400)
                .path("errors").findValuesAsText("field")).contains("/code");

        String teams = "/api/departments/" + id + "/teams";
        Response team = http.post(teams, admin, Map.of("name", "채용팀"));
        assertThat(team.status()).as("%s", team).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/departments/{departmentId}/teams", team);
        assertThat(team.json().path("teams").findValuesAsText("name")).containsExactly("채용팀");
        long teamId = team.json().path("teams").get(0).path("id").asLong();
        assertThat(assertProblem(http.post(teams, admin, Map.of("name", "채용팀")), 409).path("detail").asText())
                .contains("채용팀");
        // as the database compares names (its collation ignores case), answered as taken, not as a failure
        http.post(teams, admin, Map.of("name", "Talent"));
        assertProblem(http.post(teams, admin, Map.of("name", "TALENT")), 409);
        assertProblem(http.post(teams, token("dev.head"), Map.of("name", "교육팀")), 403);
        assertProblem(http.post("/api/departments/999999/teams", admin, Map.of("name", "교육팀")), 404);
        assertProblem(http.post(teams, admin, Map.of("name", "  ")), 400);

        // someone hired into it leads the team and heads the department
        Map<String, Object> recruit = hire(unique("recruiter"), code);
        recruit.put("teamId", teamId);
        Response hired = http.post("/api/employees", admin, recruit);
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        long recruiter = hired.json().path("employee").path("id").asLong();
        String password = hired.json().path("temporaryPassword").asText();
        assertThat(http.put(teams + "/" + teamId + "/lead", admin, Map.of("employeeId", recruiter)).status())
                .isEqualTo(200);
        String before = login((String) recruit.get("username"), password).json().path("accessToken").asText();
        assertThat(headsDepartment(before)).isFalse();
        // only an administrator names a head (who then reads the department's box and reports): not oneself
        assertThat(assertProblem(http.put("/api/departments/" + id + "/head", before, Map.of("employeeId", recruiter)),
                403).path("detail").asText()).contains("administrator");
        assertProblem(http.put(teams + "/" + teamId + "/lead", before, Map.of("employeeId", recruiter)), 403);
        assertThat(headsDepartment(login((String) recruit.get("username"), password).json().path("accessToken")
                .asText())).as("not made head by the refused call").isFalse();
        Response headed = http.put("/api/departments/" + id + "/head", admin, Map.of("employeeId", recruiter));
        assertThat(headed.status()).as("%s", headed).isEqualTo(200);
        assertThat(headed.json().path("head").path("id").asLong()).isEqualTo(recruiter);
        // a token says whether its holder heads their department (부서 문서함): the one from before says otherwise, so
        // it is revoked; signed in again, the token says so
        assertProblem(http.get("/api/employees/me", before), 401);
        String asHead = login((String) recruit.get("username"), password).json().path("accessToken").asText();
        assertThat(headsDepartment(asHead)).isTrue();
        java.util.Map<String, Object> nobody = new java.util.HashMap<>();
        nobody.put("employeeId", null);
        assertThat(http.put("/api/departments/" + id + "/head", admin, nobody).status()).isEqualTo(200);
        assertProblem(http.get("/api/employees/me", asHead), 401);
        assertThat(headsDepartment(login((String) recruit.get("username"), password).json().path("accessToken").asText()))
                .isFalse();
        assertThat(http.put("/api/departments/" + id + "/head", admin, Map.of("employeeId", recruiter)).status())
                .isEqualTo(200);
        assertThat(headed.json().path("teams").findValues("lead").stream().map(l -> l.path("id").asLong()).toList())
                .containsExactly(recruiter);
    }

    private static boolean headsDepartment(String token) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload).path("heads_department").asBoolean();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAdministratorClosesATeamAndADepartmentOnceNobodyActiveIsInThem() {
        String admin = token("admin");
        String code = "C" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        Response opened = http.post("/api/departments", admin, Map.of("code", code, "name", "폐지실 " + code));
        assertThat(opened.status()).as("%s", opened).isEqualTo(201);
        long id = opened.json().path("id").asLong();
        String teams = "/api/departments/" + id + "/teams";
        http.post(teams, admin, Map.of("name", "남는팀"));
        JsonNode both = http.post(teams, admin, Map.of("name", "없어질팀")).json().path("teams");
        long keep = teamId(both, "남는팀");
        long gone = teamId(both, "없어질팀");
        Map<String, Object> body = hire(unique("closer"), code);
        body.put("teamId", gone);
        Response hired = http.post("/api/employees", admin, body);
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        long member = hired.json().path("employee").path("id").asLong();
        String name = (String) body.get("name");

        // not while someone active is in it: the answer names them; only an administrator; only a team of it
        String teamPath = teams + "/" + gone;
        assertThat(assertProblem(http.delete(teamPath, admin), 409).path("detail").asText()).contains(name)
                .contains("move them");
        assertThat(assertProblem(http.delete("/api/departments/" + id, admin), 409).path("detail").asText())
                .contains(name);
        assertProblem(http.delete(teamPath, token("dev.head")), 403);
        assertProblem(http.delete("/api/departments/" + id, token("dev.head")), 403);
        assertProblem(http.delete(teams + "/999999", admin), 404);
        assertProblem(http.delete("/api/departments/" + department("DEV").path("id").asLong() + "/teams/" + gone, admin),
                404);

        // moved to the other team, the team closes: off the org chart, nobody joins it, its name stays taken
        Map<String, Object> move = new HashMap<>(body);
        move.remove("username");
        move.put("teamId", keep);
        assertThat(http.put("/api/employees/" + member, admin, move).status()).isEqualTo(200);
        Response closed = http.delete(teamPath, admin);
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);
        assertMatchesContract(CONTRACT, "DELETE", "/api/departments/{departmentId}/teams/{teamId}", closed);
        assertThat(closed.json().path("teams").findValuesAsText("name")).containsExactly("남는팀");
        assertThat(department(code).path("teams").findValuesAsText("name")).containsExactly("남는팀");
        assertThat(assertProblem(http.delete(teamPath, admin), 409).path("detail").asText()).contains("closed already");
        move.put("teamId", gone);
        assertThat(assertProblem(http.put("/api/employees/" + member, admin, move), 422).path("detail").asText())
                .contains("closed");
        assertThat(assertProblem(http.post(teams, admin, Map.of("name", "없어질팀")), 409).path("detail").asText())
                .contains("not used again");

        // the department: once the last one in it left, it closes with its teams; nobody is hired into it or brought
        // back to it, it opens no team, and its code stays its own
        assertThat(http.post("/api/employees/" + member + "/departure", admin, Map.of()).status()).isEqualTo(200);
        // a saved line sends documents to it (수신처)
        String lines = "/api/employees/me/approval-lines";
        Map<String, Object> line = new HashMap<>();
        line.put("name", "폐지될 수신처 " + code);
        line.put("approverIds", List.of(http.get("/api/employees/me", token("dev.head")).json().path("id").asLong()));
        line.put("receiverDepartmentIds", List.of(id));
        Response saved = http.post(lines, admin, line);
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        long lineId = saved.json().path("id").asLong();
        Response gone2 = http.delete("/api/departments/" + id, admin);
        assertThat(gone2.status()).as("%s", gone2).isEqualTo(204);
        assertMatchesContract(CONTRACT, "DELETE", "/api/departments/{departmentId}", gone2);
        assertThat(http.get("/api/departments", admin).json().findValuesAsText("code")).doesNotContain(code)
                .contains("DEV");
        assertThat(new JdbcTemplate(dataSource).queryForObject("select count(*) from team where department_id = ? "
                + "and closed_at is null", Integer.class, id)).as("its teams closed with it").isZero();
        assertProblem(http.delete("/api/departments/" + id, admin), 409);
        // the saved line no longer offers it, and no line can name it
        JsonNode kept = null;
        for (JsonNode l : http.get(lines, admin).json().path("items")) {
            kept = l.path("id").asLong() == lineId ? l : kept;
        }
        assertThat(kept).isNotNull();
        assertThat(kept.has("receivingDepartments")).isFalse();
        assertThat(assertProblem(http.put(lines + "/" + lineId, admin, line), 422).path("detail").asText())
                .contains(String.valueOf(id));
        assertThat(http.delete(lines + "/" + lineId, admin).status()).isEqualTo(204);
        assertThat(assertProblem(http.post("/api/employees/" + member + "/reinstatement", admin, null), 409)
                .path("detail").asText()).contains("closed");
        Map<String, Object> into = new HashMap<>(body);
        into.put("username", unique("late"));
        into.remove("teamId");
        assertThat(assertProblem(http.post("/api/employees", admin, into), 422).path("detail").asText()).contains("closed");
        assertProblem(http.post(teams, admin, Map.of("name", "새팀")), 422);
        assertThat(assertProblem(http.post("/api/departments", admin, Map.of("code", code, "name", "새 부서 " + code)), 409)
                .path("detail").asText()).contains("not used again");
    }

    private static long teamId(JsonNode teams, String name) {
        for (JsonNode t : teams) {
            if (t.path("name").asText().equals(name)) {
                return t.path("id").asLong();
            }
        }
        throw new AssertionError("no team " + name + " in " + teams);
    }
}
