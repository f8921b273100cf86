package com.erp.routes.common.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** Publishes a failed message, unchanged, to the dead-letter topic its failure description names. */
public class DeadLetterRoute extends RouteBuilder {

    public static final String ROUTE_ID = "common.dead-letter";

    private final MeterRegistry meters;

    public DeadLetterRoute(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void configure() {
        from(DeadLetters.DEAD_LETTER).routeId(ROUTE_ID)
                .log(LoggingLevel.WARN, "dead letter to ${header." + DeadLetters.H_TOPIC + "} from route ${header."
                        + DeadLetters.H_ROUTE + "}: ${header." + DeadLetters.H_REASON + "}")
                .toD("kafka:${header." + DeadLetters.H_TOPIC + "}")
                .process(e -> meters.counter("erp.dlq.messages",
                        "topic", e.getMessage().getHeader(DeadLetters.H_ORIGINAL_TOPIC, "?", String.class),
                        "route", e.getMessage().getHeader(DeadLetters.H_ROUTE, "?", String.class)).increment());
    }
}
