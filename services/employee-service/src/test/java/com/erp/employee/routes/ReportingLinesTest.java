package com.erp.employee.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The org chart's reporting lines on the real broker: published at start (each staff member reports to their team
 * lead, a lead to their head, a head to nobody), and again, within a period, once the chart changes (that it is not
 * published while the chart stays the same: ReportingLinesPublisherTest).
 */
class ReportingLinesTest extends EmployeeTestBase {

    private static final String TOPIC = "employee.reporting-lines";

    @Autowired
    ObjectMapper json;

    private List<ReportingLines> published(java.util.function.Predicate<ReportingLines> which, int count) {
        return kafka.await(TOPIC, r -> ReportingLines.KEY.equals(r.key()) && which.test(read(r)), count,
                Duration.ofSeconds(20)).stream().map(this::read).toList();
    }

    private ReportingLines read(ConsumerRecord<String, String> record) {
        try {
            return json.readValue(record.value(), ReportingLines.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private long idOf(String username) {
        return http.get("/api/employees/me", token(username)).json().path("id").asLong();
    }

    @Test
    void theChartIsPublishedAndAgainWhenItChanges() {
        long staff = idOf("dev.staff");
        long lead = idOf("dev.lead");
        long head = idOf("dev.head");
        ReportingLines first = published(l -> l.superiors().containsKey(staff), 1).get(0);
        Map<Long, Person> superiors = first.superiors();
        assertThat(superiors.get(staff).id()).isEqualTo(lead);
        assertThat(superiors.get(staff).name()).isEqualTo("이서연");
        assertThat(superiors.get(lead).id()).isEqualTo(head);
        assertThat(superiors).doesNotContainKey(head);

        // someone hired into 개발본부 without a team reports to its head, in a record of its own
        String admin = token("admin");
        JsonNode dev = null;
        for (JsonNode d : http.get("/api/departments", admin).json()) {
            if ("DEV".equals(d.path("code").asText())) {
                dev = d;
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("username", "reports." + Long.toString(System.nanoTime(), 36));
        body.put("name", "보고선 확인");
        body.put("departmentId", dev.path("id").asLong());
        body.put("position", "STAFF");
        Response hired = http.post("/api/employees", admin, body);
        assertThat(hired.status()).as("%s", hired).isEqualTo(201);
        long newcomer = hired.json().path("employee").path("id").asLong();
        // and each department's head (who heads a receiving department now, for notification)
        assertThat(first.departmentHeads().get(dev.path("id").asLong()).id()).isEqualTo(head);
        ReportingLines next = published(l -> l.superiors().containsKey(newcomer), 1).get(0);
        assertThat(next.superiors().get(newcomer).id()).isEqualTo(head);
        assertThat(next.occurredAt()).isAfter(first.occurredAt());
    }
}
