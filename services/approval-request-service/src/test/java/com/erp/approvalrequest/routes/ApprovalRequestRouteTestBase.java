package com.erp.approvalrequest.routes;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.erp.approvalrequest.ApprovalRequestServiceApplication;
import com.erp.approvalrequest.directory.EmployeeDirectory;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.Caller;
import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.KafkaProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
                "erp.embedded.enabled=true",
                "erp.embedded.servers=kafka,mongo",
                "erp.approval-request.outbox.period-ms=500",
                // the grace must outlast a publish attempt (delivery timeout), or the relay publishes twice
                "erp.approval-request.outbox.grace-ms=4000",
                "camel.component.kafka.delivery-timeout-ms=3000",
                "camel.component.kafka.request-timeout-ms=1000",
                "erp.consumer.redelivery-delay-ms=50"
        })
abstract class ApprovalRequestRouteTestBase {

    static final Person DRAFTER = new Person(1001, "김민준", "STAFF", "개발본부");
    static final Person LEAD = new Person(1002, "이서연", "TEAM_LEAD", "개발본부");
    static final Person HEAD = new Person(1003, "박지훈", "DEPT_HEAD", "개발본부");
    static final Person OTHER = new Person(1004, "최유진", "STAFF", "영업본부");

    @TestBean(name = "employeeDirectory", methodName = "fixedOrganisation")
    EmployeeDirectory employeeDirectory;

    static EmployeeDirectory fixedOrganisation() {
        Map<Long, Person> people = Map.of(DRAFTER.id(), DRAFTER, LEAD.id(), LEAD, HEAD.id(), HEAD, OTHER.id(), OTHER);
        return new EmployeeDirectory() {
            @Override
            public List<Person> defaultLine(long drafterId, String bearerToken) {
                return drafterId == DRAFTER.id() ? List.of(LEAD, HEAD) : List.of();
            }

            @Override
            public List<Person> approvers(List<Long> ids, String bearerToken) {
                return ids.stream().map(people::get).filter(p -> p != null).toList();
            }
        };
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    MongoClient mongo;
    @Autowired
    CamelContext camel;
    @Value("${camel.component.kafka.brokers}")
    String brokers;

    HttpTestClient http;
    KafkaProbe kafka;

    @BeforeEach
    void clients() {
        http = HttpTestClient.local(port);
        kafka = new KafkaProbe(brokers);
    }

    String token(Person p) {
        return tokens.issue(new Caller(p.id(), "user" + p.id(), p.name(), p.department(), p.position(), Set.of("EMPLOYEE")));
    }

    String adminToken() {
        return tokens.issue(new Caller(9999, "admin", "관리자", "경영지원본부", "STAFF", Set.of("EMPLOYEE", "ADMIN")));
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
}
