package com.erp.approvalprocessing.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import com.erp.routes.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Processing continues the trace of the event it consumes: the step it activates is published with a
 * {@code traceparent} of the same trace (a span of its own), so a submission's trace runs from approval-request's REST
 * route through processing to the notifications.
 */
class TraceContextTest extends ProcessingRouteTestBase {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void theActivatedStepCarriesTheTraceOfTheSubmission() throws Exception {
        String id = UUID.randomUUID().toString();
        kafka.send("approval.submitted", id, json.writeValueAsString(submittedEvent(id)),
                Map.of("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01"));

        String carried = KafkaProbe.header(kafka.awaitKey("approval.step-activated", id, 1).get(0), "traceparent");
        assertThat(carried).matches("00-" + TRACE + "-[0-9a-f]{16}-01").doesNotContain("b7ad6b7169203331");
    }

    @Test
    void aDeadLetterKeepsTheTraceAndItsLogLineSaysIt() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("common.dead-letter");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            String key = "traced-poison-" + UUID.randomUUID();
            kafka.send("approval.submitted", key, "{\"type\":\"approval.submitted\",\"payload\":42",
                    Map.of("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01"));
            String carried = KafkaProbe.header(kafka.awaitKey("approval.submitted.dlq", key, 1).get(0), "traceparent");
            assertThat(carried).startsWith("00-" + TRACE + "-");
            assertThat(lines.list).filteredOn(l -> l.getFormattedMessage().contains("approval.submitted.dlq"))
                    .isNotEmpty().allSatisfy(l -> assertThat(l.getMDCPropertyMap()).containsEntry("trace_id", TRACE)
                            .containsEntry("camel.routeId", "common.dead-letter"));
        } finally {
            logger.detachAppender(lines);
        }
    }
}
