package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Trace context from REST to Kafka: the event a submission publishes carries the W3C {@code traceparent} of the
 * request's trace, the client's own when it sent one, so that processing and notification continue the same trace.
 */
class TraceContextTest extends ApprovalRequestRouteTestBase {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private String submit(String title, String traceparent) throws Exception {
        HttpRequest.Builder request = http.request("/api/approvals", token(DRAFTER)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("type", "GENERAL", "title", title, "approverIds", List.of(LEAD.id(), HEAD.id())))));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        Response r = http.send(request.build());
        assertThat(r.status()).as("%s", r).isEqualTo(202);
        return r.json().path("id").asText();
    }

    private static String[] traceparent(ConsumerRecord<String, String> record) {
        String header = KafkaProbe.header(record, "traceparent");
        assertThat(header).as("traceparent on %s", record.topic()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        return header.split("-");
    }

    @Test
    void theSubmittedEventContinuesTheClientsTrace() throws Exception {
        String id = submit("추적", "00-" + TRACE + "-00f067aa0ba902b7-01");
        String[] carried = traceparent(kafka.awaitKey("approval.submitted", id, 1).get(0));
        assertThat(carried[1]).isEqualTo(TRACE);
        // a span of this service's, not the client's
        assertThat(carried[2]).isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void withoutOneEachSubmissionStartsATraceOfItsOwn() throws Exception {
        String first = submit("추적 없음 1", null);
        String second = submit("추적 없음 2", null);
        String one = traceparent(kafka.awaitKey("approval.submitted", first, 1).get(0))[1];
        String other = traceparent(kafka.awaitKey("approval.submitted", second, 1).get(0))[1];
        assertThat(one).isNotEqualTo(other).isNotEqualTo(TRACE);
    }
}
