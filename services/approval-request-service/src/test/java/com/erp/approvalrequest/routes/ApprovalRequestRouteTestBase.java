package com.erp.approvalrequest.routes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.erp.approvalrequest.ApprovalRequestServiceApplication;
import com.erp.routes.common.directory.EmployeeDirectory;
import com.erp.routes.common.events.Person;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.ServiceTestSupport;
import com.erp.routes.testing.TestPeople;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.convention.TestBean;

/**
 * approval-request-service on a real Kafka broker and MongoDB-wire server. employee-service is not part of
 * this service, so its directory is a fixed organisation here (the standalone and multi-process tests use the
 * real one).
 */
@CamelSpringBootTest
@SpringBootTest(classes = ApprovalRequestServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=approval-request-service",
                // the service alone needs the key it shares with the other side of the gRPC dispatch (not a secret)
                "erp.dispatch.key=dGVzdC1vbmx5LWRpc3BhdGNoLWtleS0zMi1ieXRlcyE=",
                "erp.embedded.enabled=true",
                "erp.embedded.servers=kafka,mongo",
                "erp.approval-request.outbox.period-ms=500",
                // the grace must outlast a publish attempt (delivery timeout), or the relay publishes twice
                "erp.approval-request.outbox.grace-ms=4000",
                // batches of two (OutboxRelayRoundsTest)
                "erp.approval-request.outbox.batch=2",
                "camel.component.kafka.delivery-timeout-ms=3000",
                "camel.component.kafka.request-timeout-ms=1000",
                "erp.consumer.redelivery-delay-ms=50",
                // files never submitted, and drafts not saved for long, are looked for twice a second (AttachmentRouteTest)
                "erp.approval-request.attachments-cleanup-ms=500",
                "erp.approval-request.drafts-expiry-ms=500"
        })
abstract class ApprovalRequestRouteTestBase extends ServiceTestSupport {

    static final Person DRAFTER = TestPeople.DRAFTER;
    static final Person LEAD = TestPeople.LEAD;
    static final Person HEAD = TestPeople.HEAD;
    static final Person OTHER = TestPeople.OTHER;

    /** employee-service is not part of this service: a fixed organisation ({@link TestPeople#directory}). */
    @TestBean(name = "employeeDirectory", methodName = "com.erp.routes.testing.TestPeople#directory")
    EmployeeDirectory employeeDirectory;

    @Autowired
    MongoClient mongo;

    String adminToken() {
        return TestPeople.token(tokens, new Person(9999, "관리자", "STAFF", "경영지원본부"), "EMPLOYEE", "ADMIN");
    }

    MongoCollection<Document> approvals() {
        return mongo.getDatabase("erp").getCollection("approvals");
    }

    /** Submits a document as DRAFTER to LEAD then HEAD, and returns its id. */
    String submit(String title) {
        HttpTestClient.Response r = http.post("/api/approvals", token(DRAFTER),
                Map.of("type", "GENERAL", "title", title, "body", "본문", "approverIds", List.of(LEAD.id(), HEAD.id())));
        if (r.status() != 202) {
            throw new AssertionError("submit failed: " + r);
        }
        return r.json().path("id").asText();
    }

    /** Waits up to 30 s for {@code condition}. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
