package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.erp.employee.EmployeeServiceApplication;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.ServiceTestSupport;
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
}
