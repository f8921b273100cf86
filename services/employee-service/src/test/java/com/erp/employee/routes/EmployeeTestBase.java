package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.erp.employee.EmployeeServiceApplication;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.ServiceTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * employee-service against a real MariaDB with the demo organisation and a real Kafka broker (the leave ledger
 * follows approval events). One application for every test class, the same annotations.
 */
@CamelSpringBootTest
@SpringBootTest(classes = EmployeeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=employee-service",
                "erp.embedded.enabled=true",
                "erp.embedded.servers=mariadb,kafka",
                "erp.demo.enabled=true",
                "erp.demo.password=test-password",
                // the checks a start skips (employee.yml): the entities against Flyway's tables, the named queries
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.properties.hibernate.query.startup_check=true",
                "erp.consumer.redelivery-delay-ms=50",
                // the reporting lines are compared twice a second (ReportingLinesTest)
                "erp.employee.reporting-lines.delay-ms=0",
                "erp.employee.reporting-lines.period-ms=500"
        })
abstract class EmployeeTestBase extends ServiceTestSupport {

    Response login(String username, String password) {
        return http.post("/api/auth/login", null, Map.of("username", username, "password", password));
    }

    String token(String username) {
        Response r = login(username, "test-password");
        assertThat(r.status()).as("login %s: %s", username, r).isEqualTo(200);
        return r.json().path("accessToken").asText();
    }

    JsonNode department(String code) {
        for (JsonNode d : http.get("/api/departments", token("admin")).json()) {
            if (d.path("code").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no department " + code);
    }

    /** What an administrator sends to hire a staff member of this department's first team. */
    Map<String, Object> hire(String username, String code) {
        JsonNode dept = department(code);
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("name", "신입 " + username.substring(username.length() - 4));
        body.put("departmentId", dept.path("id").asLong());
        body.put("teamId", dept.path("teams").get(0).path("id").asLong());
        body.put("position", "STAFF");
        return body;
    }

    /** Hires someone with these roles besides EMPLOYEE; returns their id, a token of theirs (signed in with the temporary password) and how to sign in again. */
    Hired hired(String code, String... roles) {
        String username = unique("hired");
        Map<String, Object> body = hire(username, code);
        body.put("roles", List.of(roles));
        Response r = http.post("/api/employees", token("admin"), body);
        assertThat(r.status()).as("hire: %s", r).isEqualTo(201);
        Response in = login(username, r.json().path("temporaryPassword").asText());
        assertThat(in.status()).as("login %s: %s", username, in).isEqualTo(200);
        return new Hired(r.json().path("employee").path("id").asLong(), in.json().path("accessToken").asText(), username,
                r.json().path("temporaryPassword").asText());
    }

    /** {@code username} and {@code password} (the temporary one): to sign in again, for a token of their roles now. */
    record Hired(long id, String token, String username, String password) {
    }

    static String unique(String prefix) {
        return prefix + "." + Long.toString(System.nanoTime(), 36);
    }
}
