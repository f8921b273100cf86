package com.erp.routes.testing;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.TokenIssuer;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a test of one running service needs: its port, an HTTP client, a Kafka probe on its broker, the
 * Camel context (for NotifyBuilder) and tokens signed by the service's own key. Subclasses carry the
 * {@code @SpringBootTest} of their service. Tracing is on, as in production (Spring Boot's tests turn it off otherwise):
 * trace context travels in the Kafka records the tests see.
 */
@AutoConfigureObservability(metrics = false)
public abstract class ServiceTestSupport {

    @LocalServerPort
    protected int port;
    @Autowired
    protected TokenIssuer tokens;
    @Autowired
    protected CamelContext camel;
    @Value("${camel.component.kafka.brokers:}")
    protected String brokers;

    protected HttpTestClient http;
    protected KafkaProbe kafka;

    @BeforeEach
    void connectClients() {
        http = HttpTestClient.local(port);
        kafka = brokers.isBlank() ? null : new KafkaProbe(brokers);
    }

    protected String token(Person p) {
        return TestPeople.token(tokens, p);
    }
}
