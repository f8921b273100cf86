package com.erp.employee.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 자주 쓰는 결재선: a person's saved approval lines, checked like a submitted line, and nobody else's to see or change. */
class SavedLinesTest extends EmployeeTestBase {

    private static final String CONTRACT = "employee-api.yaml";
    private static final String LINES = "/api/employees/me/approval-lines";

    @Autowired
    DataSource dataSource;

    private long id(String username) {
        return new JdbcTemplate(dataSource).queryForObject("select id from employee where username = ?", Long.class, username);
    }

    /** Starts from none: a rerun against the same database finds the last run's lines. */
    private String freshToken(String username) {
        String token = token(username);
        http.get(LINES, token).json().path("items").forEach(l -> http.delete(LINES + "/" + l.path("id").asLong(), token));
        return token;
    }

    private static Map<String, Object> line(String name, List<Long> approvers) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("approverIds", approvers);
        return body;
    }

    @Test
    void aSavedLineKeepsItsPeopleInTheirRolesAndOrderForItsOwnerOnly() {
        String staff = freshToken("dev.staff");
        Map<String, Object> body = line("팀장 → 본부장, 영업 합의", List.of(id("dev.lead"), id("dev.head")));
        body.put("agreement", Map.of("agreerIds", List.of(id("sales.lead")), "position", 2));
        body.put("ccIds", List.of(id("sales.staff")));
        body.put("receiverIds", List.of(id("sales.head")));
        long sales = 0;
        for (JsonNode d : http.get("/api/departments", staff).json()) {
            sales = "영업본부".equals(d.path("name").asText()) ? d.path("id").asLong() : sales;
        }
        body.put("receiverDepartmentIds", List.of(sales));

        Response created = http.post(LINES, staff, body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", LINES, created);
        long lineId = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo(LINES + "/" + lineId);

        Response mine = http.get(LINES, staff);
        assertMatchesContract(CONTRACT, "GET", LINES, mine);
        JsonNode saved = mine.json().path("items").get(0);
        assertThat(saved.path("name").asText()).isEqualTo("팀장 → 본부장, 영업 합의");
        assertThat(saved.path("approvers").findValuesAsText("name")).containsExactly("이서연", "박지훈");
        assertThat(saved.path("agreement").path("agreers").findValuesAsText("name")).containsExactly("정하늘");
        assertThat(saved.path("agreement").path("position").asInt()).isEqualTo(2);
        assertThat(saved.path("cc").findValuesAsText("name")).containsExactly("최유진");
        assertThat(saved.path("receivers").findValuesAsText("name")).containsExactly("강도윤");
        assertThat(saved.path("receivingDepartments").findValuesAsText("name")).containsExactly("영업본부");
        assertThat(saved.path("unavailable").size()).isZero();

        // someone else neither sees nor reaches it: another's line is as unknown as none
        String other = freshToken("sales.staff");
        assertThat(http.get(LINES, other).json().path("items").size()).isZero();
        assertProblem(http.put(LINES + "/" + lineId, other, line("가로채기", List.of(id("sales.lead")))), 404);
        assertProblem(http.delete(LINES + "/" + lineId, other), 404);
        assertThat(http.get(LINES, staff).json().path("items").get(0).path("name").asText()).isEqualTo("팀장 → 본부장, 영업 합의");

        // changed by its owner: name and people replaced, the 합의 gone
        Response changed = http.put(LINES + "/" + lineId, staff, line("본부장만", List.of(id("dev.head"))));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", LINES + "/" + lineId, changed);
        assertThat(changed.json().path("approvers").findValuesAsText("name")).containsExactly("박지훈");
        assertThat(changed.json().has("agreement")).isFalse();
        assertThat(changed.json().path("cc").size()).isZero();
        assertThat(changed.json().has("receivingDepartments")).isFalse();
        // a department the org chart does not have
        Map<String, Object> nowhere = line("없는 부서", List.of(id("dev.head")));
        nowhere.put("receiverDepartmentIds", List.of(987654));
        assertThat(assertProblem(http.put(LINES + "/" + lineId, staff, nowhere), 422).path("detail").asText())
                .contains("987654");

        Response removed = http.delete(LINES + "/" + lineId, staff);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(http.get(LINES, staff).json().path("items").size()).isZero();
        assertProblem(http.delete(LINES + "/" + lineId, staff), 404);
        assertThat(http.get(LINES, null).status()).isEqualTo(401);
    }

    @Test
    void aLineThatASubmissionWouldRefuseIsRefusedWhenSaved() {
        String staff = freshToken("dev.lead");
        long me = id("dev.lead");
        long head = id("dev.head");

        assertThat(assertProblem(http.post(LINES, staff, line("나 자신", List.of(me))), 422).path("detail").asText())
                .contains("own document");
        Map<String, Object> twice = line("두 번", List.of(head));
        twice.put("ccIds", List.of(head));
        assertThat(assertProblem(http.post(LINES, staff, twice), 422).path("detail").asText()).contains("ccIds");
        assertThat(assertProblem(http.post(LINES, staff, line("없는 사람", List.of(head, 999999L))), 422)
                .path("detail").asText()).contains("999999");
        Map<String, Object> past = line("합의 위치", List.of(head));
        past.put("agreement", Map.of("agreerIds", List.of(id("sales.lead")), "position", 2));
        assertThat(assertProblem(http.post(LINES, staff, past), 422).path("detail").asText()).contains("position is 1 to 1");
        assertProblem(http.post(LINES, staff, line("   ", List.of(head))), 422);

        // the contract's shape: 400 naming the field
        assertThat(assertProblem(http.post(LINES, staff, Map.of("name", "빈 결재선")), 400).path("errors")
                .findValuesAsText("field")).isNotEmpty();
        assertThat(assertProblem(http.post(LINES, staff, line("x".repeat(51), List.of(head))), 400).path("errors")
                .findValuesAsText("field")).contains("/name");
        assertProblem(http.put(LINES + "/abc", staff, line("이름", List.of(head))), 400);
        assertThat(http.get(LINES, staff).json().path("items").size()).as("nothing refused was kept").isZero();
    }

    @Test
    void namesAreUniquePerOwnerWhateverTheCaseAndOnePersonKeepsAtMostTwenty() {
        String lead = freshToken("sales.lead");
        long head = id("sales.head");
        assertThat(http.post(LINES, lead, line("Weekly", List.of(head))).status()).isEqualTo(201);
        assertThat(assertProblem(http.post(LINES, lead, line("  weekly ", List.of(head))), 409).path("detail").asText())
                .contains("weekly");
        long other = http.post(LINES, lead, line("Monthly", List.of(head))).json().path("id").asLong();
        assertProblem(http.put(LINES + "/" + other, lead, line("WEEKLY", List.of(head))), 409);
        assertThat(http.put(LINES + "/" + other, lead, line("Monthly", List.of(head))).status()).as("its own name").isEqualTo(200);
        // another person may use the same name
        assertThat(http.post(LINES, freshToken("sales.staff"), line("Weekly", List.of(head))).status()).isEqualTo(201);

        for (int i = 3; i <= 20; i++) {
            assertThat(http.post(LINES, lead, line("결재선 " + i, List.of(head))).status()).isEqualTo(201);
        }
        assertThat(assertProblem(http.post(LINES, lead, line("스물한 번째", List.of(head))), 409).path("detail").asText())
                .contains("20");
        assertThat(http.get(LINES, lead).json().path("items").size()).isEqualTo(20);
    }

    @Test
    void someoneWhoLeftStaysOnTheLineMarkedUnavailableAndCannotBePutOnANewOne() {
        JdbcTemplate db = new JdbcTemplate(dataSource);
        String username = "leaver." + System.nanoTime();
        db.update("insert into employee (username, password_hash, name, department_id, position, roles) "
                + "select ?, 'x', '퇴사자', department_id, 'STAFF', 'EMPLOYEE' from employee where username = 'sales.staff'",
                username);
        long leaver = id(username);
        String head = freshToken("dev.head");
        Response created = http.post(LINES, head, line("퇴사 예정", List.of(leaver)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);

        db.update("update employee set active = false where id = ?", leaver);
        JsonNode saved = http.get(LINES, head).json().path("items").get(0);
        assertThat(saved.path("approvers").findValuesAsText("name")).containsExactly("퇴사자");
        assertThat(saved.path("unavailable").findValuesAsText("name")).containsExactly("퇴사자");
        assertThat(assertProblem(http.post(LINES, head, line("새 결재선", List.of(leaver))), 422).path("detail").asText())
                .contains(String.valueOf(leaver));
    }
}
