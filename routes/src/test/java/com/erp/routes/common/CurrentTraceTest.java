package com.erp.routes.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.erp.routes.testing.NoServers;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * What an outbox keeps and what its relay continues: a store, called while a route runs, reads that route's trace
 * ({@link CurrentTrace}); a send from an exchange with no trace of its own (the relay: a timer and in-process calls,
 * for which no span is made, as for {@code direct:relay*} here) continues the trace its message was stored with; a
 * route whose consumer hands it a {@link Traced} message (a polled outbox row) continues that message's.
 */
@CamelSpringBootTest
@AutoConfigureObservability(metrics = false) // tests turn tracing off otherwise
@SpringBootTest(classes = CurrentTraceTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {NoServers.EXCLUDE_AUTO_CONFIGURATION, "erp.tracing.exclude-patterns=direct:relay*"})
class CurrentTraceTest {

    private static final String TRACE = "7bf92f3577b34da6a3ce929d0e0e4736";
    private static final String STORED_SPAN = "00f067aa0ba902b7";
    private static final String STORED = "00-" + TRACE + "-" + STORED_SPAN + "-01";

    static final AtomicReference<String> SEEN = new AtomicReference<>();
    static final AtomicReference<String> CALLER = new AtomicReference<>();
    static final AtomicReference<String> TRACED = new AtomicReference<>();

    record Row(String traceparent) implements Traced {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder tracedRoutes(CurrentTrace trace) {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // a store called while a route runs
                    from("direct:store").routeId("trace.store").process(e -> SEEN.set(trace.traceparent()));
                    // publish-entry as the relay reaches it: the stored trace set as a header, then the send
                    from("direct:relay-entry").routeId("trace.relay-entry")
                            .setHeader(TraceParent.HEADER, simple("${body.traceparent}"))
                            .to("mock:sent");
                    // a polled row's route
                    from("direct:polled").routeId("trace.polled").process(e -> SEEN.set(TraceParent.of(e)));
                    // a route that calls an untraced endpoint (direct:relay*, no span) and a traced one
                    from("direct:caller").routeId("trace.caller").process(e -> CALLER.set(trace.traceparent()))
                            .to("direct:relay-callee").to("direct:traced-callee");
                    from("direct:relay-callee").routeId("trace.relay-callee").process(e -> SEEN.set(trace.traceparent()));
                    from("direct:traced-callee").routeId("trace.traced-callee")
                            .process(e -> TRACED.set(trace.traceparent()));
                }
            };
        }
    }

    @Autowired
    ProducerTemplate producer;

    @Autowired
    CurrentTrace trace;


    @EndpointInject("mock:sent")
    MockEndpoint sent;

    @BeforeEach
    void reset() {
        sent.reset();
        SEEN.set(null);
        CALLER.set(null);
        TRACED.set(null);
    }

    @Autowired
    CamelContext camel;

    /**
     * Hands the message to the route as its consumer would (a Kafka or JPA consumer): a ProducerTemplate's send would
     * open a span of its own first, which the route would then continue.
     */
    private void consume(String routeId, Object body, Map<String, Object> headers) throws Exception {
        Route route = camel.getRoute(routeId);
        Exchange exchange = route.getEndpoint().createExchange();
        exchange.getIn().setBody(body);
        exchange.getIn().setHeaders(new java.util.HashMap<>(headers));
        route.getConsumer().getProcessor().process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    @Test
    void aStoreKeepsTheTraceOfTheRouteThatRunsIt() throws Exception {
        consume("trace.store", "x", Map.of(TraceParent.HEADER, STORED));
        assertThat(SEEN.get()).startsWith("00-" + TRACE + "-").doesNotContain(STORED_SPAN);
        // outside any route: none
        assertThat(trace.traceparent()).isNull();
    }

    @Test
    void aRelayedSendContinuesTheTraceItsEntryWasStoredWith() throws Exception {
        sent.expectedMessageCount(2);
        producer.sendBody("direct:relay-entry", new Row(STORED));
        // stored outside any trace: the send starts one of its own
        producer.sendBody("direct:relay-entry", new Row(null));
        sent.assertIsSatisfied();
        String continued = sent.getReceivedExchanges().get(0).getMessage().getHeader(TraceParent.HEADER, String.class);
        assertThat(continued).startsWith("00-" + TRACE + "-").doesNotContain(STORED_SPAN);
        String own = sent.getReceivedExchanges().get(1).getMessage().getHeader(TraceParent.HEADER, String.class);
        assertThat(own).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(TRACE);
    }

    @Test
    void aRouteHandedAStoredRowContinuesItsTrace() throws Exception {
        consume("trace.polled", new Row(STORED), Map.of());
        assertThat(SEEN.get()).startsWith("00-" + TRACE + "-").doesNotContain(STORED_SPAN);
    }

    /**
     * An untraced endpoint makes no span of its own, neither for the send to it nor for the route it starts: that
     * route runs in its caller's span. A traced one makes a span in the same trace.
     */
    @Test
    void aCallToAnUntracedEndpointRunsInTheCallersSpan() {
        producer.sendBody("direct:caller", "x");
        assertThat(CALLER.get()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(SEEN.get()).isEqualTo(CALLER.get());
        assertThat(TRACED.get()).startsWith(CALLER.get().substring(0, 36)).isNotEqualTo(CALLER.get());
    }
}
