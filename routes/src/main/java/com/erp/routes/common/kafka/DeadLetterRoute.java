package com.erp.routes.common.kafka;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/** Publishes a failed message, unchanged, to the dead-letter topic its failure description names. */
public class DeadLetterRoute extends RouteBuilder {

    public static final String ROUTE_ID = "common.dead-letter";

    @Override
    public void configure() {
        from(DeadLetters.DEAD_LETTER).routeId(ROUTE_ID)
                .log(LoggingLevel.WARN, "dead letter to ${header." + DeadLetters.H_TOPIC + "} from route ${header."
                        + DeadLetters.H_ROUTE + "}: ${header." + DeadLetters.H_REASON + "}")
                .toD("kafka:${header." + DeadLetters.H_TOPIC + "}");
    }
}
