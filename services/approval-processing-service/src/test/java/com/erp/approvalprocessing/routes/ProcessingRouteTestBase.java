package com.erp.approvalprocessing.routes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.erp.approvalprocessing.ApprovalProcessingServiceApplication;
import com.erp.routes.common.directory.EmployeeDirectory;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.LineStep;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.ServiceTestSupport;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.bean.override.convention.TestBean;

/** approval-processing-service on a real Kafka broker and a real Redis. */
@CamelSpringBootTest
@SpringBootTest(classes = ApprovalProcessingServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=approval-processing-service",
                // the service alone needs the key it shares with the other side of the gRPC dispatch (not a secret)
                "erp.dispatch.key=dGVzdC1vbmx5LWRpc3BhdGNoLWtleS0zMi1ieXRlcyE=",
                "erp.approval-processing.grpc.port=0", // a free one
                "erp.embedded.enabled=true",
                "erp.embedded.servers=kafka,redis",
                "erp.approval-processing.outbox.period-ms=500",
                "erp.approval-processing.outbox.grace-ms=4000",
                // pages of two (ProcessingOutboxTest: the relay goes on past a front Kafka refuses)
                "erp.approval-processing.outbox.batch=2",
                "camel.component.kafka.delivery-timeout-ms=3000",
                "camel.component.kafka.request-timeout-ms=1000",
                "erp.consumer.redelivery-delay-ms=50",
                // reminders (독촉) after 3 s of any time, escalated at once, looked for four times a second
                // (ReminderRouteTest)
                "erp.working-time.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
                "erp.working-time.hours=00:00-24:00",
                "erp.approval-processing.reminders.after=3s",
                "erp.approval-processing.reminders.repeat=1h",
                "erp.approval-processing.reminders.escalate-after=3s",
                "erp.approval-processing.reminders.period-ms=250"
        })
abstract class ProcessingRouteTestBase extends ServiceTestSupport {

    static final Person DRAFTER = TestPeople.DRAFTER;
    static final Person LEAD = TestPeople.LEAD;
    static final Person HEAD = TestPeople.HEAD;
    static final Person OTHER = TestPeople.OTHER;

    /** employee-service is not part of this service: a fixed organisation ({@link TestPeople#directory}). */
    @TestBean(name = "employeeDirectory", methodName = "com.erp.routes.testing.TestPeople#directory")
    EmployeeDirectory employeeDirectory;

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    com.erp.approvalprocessing.persistence.RedisDelegations delegations;
    /** Where submissions are consumed from (a test with a consumer group of its own has a topic of its own). */
    @org.springframework.beans.factory.annotation.Value("${erp.topics.submitted}")
    String submittedTopic;
    @Autowired
    ObjectMapper json;

    ApprovalEvent submittedEvent(String approvalId) {
        return submittedEvent(approvalId, List.of(new LineStep(1, LEAD), new LineStep(2, HEAD)));
    }

    ApprovalEvent submittedEvent(String approvalId, List<LineStep> line) {
        return submittedEvent(approvalId, DRAFTER, line);
    }

    ApprovalEvent submittedEvent(String approvalId, Person drafter, List<LineStep> line) {
        return ApprovalEvent.of(approvalId, 0, Instant.now(), new EventPayload.Submitted(drafter.id(), "출장 보고",
                drafter, "GENERAL", line, Instant.now()));
    }

    /** Publishes a submission and waits until processing has activated its first step. */
    String activated() throws Exception {
        return activated(List.of(new LineStep(1, LEAD), new LineStep(2, HEAD)));
    }

    /** The same with this line. */
    String activated(List<LineStep> line) throws Exception {
        return activated(DRAFTER, line);
    }

    /** The same drafted by this person. */
    String activated(Person drafter, List<LineStep> line) throws Exception {
        String id = UUID.randomUUID().toString();
        // activated, and its event published from the outbox's queue
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("approval-processing.activate-step").whenCompleted(1)
                .and().fromRoute("approval-processing.outbox-queue").whenCompleted(1).create();
        kafka.send(submittedTopic, id, json.writeValueAsString(submittedEvent(id, drafter, line)));
        if (!done.matches(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the submission was not activated");
        }
        return id;
    }

    /** Something to do while these people are away today with {@code deputy} deciding for them (대결). */
    interface WhileAway {
        void run() throws Exception;
    }

    /** Runs {@code body} while {@code away} hand their decisions to {@code deputy} today, then ends the delegations. */
    void whileAway(List<Person> away, Person deputy, WhileAway body) throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString();
        // applied as the delegations route would (DelegationsRouteTest covers the consuming)
        for (Person p : away) {
            delegations.apply(new DelegationEvent(UUID.randomUUID().toString(), 1, Instant.now(), p, deputy, today,
                    today, null, System.nanoTime()));
        }
        try {
            body.run();
        } finally {
            for (Person p : away) {
                delegations.apply(new DelegationEvent(UUID.randomUUID().toString(), 1, Instant.now(), p, null, null,
                        null, null, System.nanoTime()));
            }
        }
    }

    String version(String approvalId) {
        return (String) redis.opsForHash().get(RedisKeys.APPROVAL + approvalId, "version");
    }

    HttpTestClient.Response decide(Person who, String approvalId, String decision, String comment) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("decision", decision);
        if (comment != null) {
            body.put("comment", comment);
        }
        return http.post("/api/approvals/" + approvalId + "/decisions", token(who), body);
    }
}
