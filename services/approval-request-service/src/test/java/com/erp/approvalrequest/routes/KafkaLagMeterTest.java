package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.kafka.KafkaClients;
import com.erp.routes.common.kafka.KafkaLagMeter;
import com.erp.routes.common.security.RevocationRoute;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * erp_kafka_consumer_lag on the real broker: the service's consumer groups, by topic; not the revocations group each
 * process makes for itself (a random id, never resumed), which commits nothing: its offsets would add a series at every
 * restart and leave a dead group's lag growing with every logout.
 */
class KafkaLagMeterTest extends ApprovalRequestRouteTestBase {

    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaLagMeter lagMeter;
    @Autowired
    KafkaClients kafkaClients;
    @Autowired
    ObjectMapper json;

    @Test
    void theServicesGroupsAreMeasuredNotEachProcesssOwnRevocationsGroup() throws Exception {
        // this process's revocations group reads a revocation (of nobody else's tests' people) first; then the
        // record route's group reads a document's activation, as processing publishes it, and commits
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute(RevocationRoute.ID).whenCompleted(1).create();
        kafka.send("employee.tokens-revoked", "990777", json.writeValueAsString(new TokenRevocation("e-lag-"
                + System.nanoTime(), TokenRevocation.VERSION, Instant.now(), new Person(990_777L, "측정용", "STAFF",
                "개발본부"), 1, TokenRevocation.Reason.CHANGED)));
        assertThat(read.matches(30, TimeUnit.SECONDS)).isTrue();
        String id = submit("lag meter");
        NotifyBuilder recorded = new NotifyBuilder(camel).fromRoute("approval-request.record").whenCompleted(1).create();
        kafka.send("approval.step-activated", id, json.writeValueAsString(ApprovalEvent.of(id, 1, Instant.now(),
                new EventPayload.StepActivated(DRAFTER.id(), "t", DRAFTER, 1, 2, List.of(LEAD), new Progress(
                        Progress.Status.IN_PROGRESS, 1, List.of(new Progress.StepProgress(1, Progress.StepStatus.PENDING,
                        null, null), new Progress.StepProgress(2, Progress.StepStatus.WAITING, null, null)))))));
        assertThat(recorded.matches(30, TimeUnit.SECONDS)).isTrue();
        try (Admin admin = kafkaClients.admin(Map.of())) {
            await(() -> {
                try {
                    return committed(admin, "erp-approval-request");
                } catch (Exception e) {
                    return false; // asked again
                }
            });
            // by the time the later read was committed, the revocations group had committed nothing (it would have
            // after its own batch, as before)
            assertThat(committed(admin, RevocationRoute.GROUP_PREFIX)).isFalse();
        }

        lagMeter.measure();
        assertThat(groups()).contains("erp-approval-request")
                .noneMatch(g -> g.startsWith(RevocationRoute.GROUP_PREFIX));
    }

    /** Whether a group whose id begins so has committed offsets; a broker that does not answer fails the test. */
    private static boolean committed(Admin admin, String prefix) throws Exception {
        for (var g : admin.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
            if (g.groupId().startsWith(prefix) && !admin.listConsumerGroupOffsets(g.groupId())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private List<String> groups() {
        return meters.find("erp.kafka.consumer.lag").gauges().stream().map(Gauge::getId)
                .map(id -> id.getTag("group")).distinct().toList();
    }
}
