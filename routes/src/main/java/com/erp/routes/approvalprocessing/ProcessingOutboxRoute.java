package com.erp.routes.approvalprocessing;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * The outbox of approval-processing, kept in Redis with the state it belongs to. {@value #PUBLISH} publishes a
 * transition's events in order and removes each once Kafka acknowledged it; what could not be published is
 * published by the relay, which runs on a timer, one round at a time.
 */
@Component
public class ProcessingOutboxRoute extends RouteBuilder {

    public static final String PUBLISH = "direct:approval-processing.publish";

    @Override
    public void configure() {
        from(PUBLISH).routeId("approval-processing.publish")
                .split(method("approvalStore", "outbox"))
                    .to("direct:approval-processing.publish-entry")
                .end();

        from("direct:approval-processing.publish-entry").routeId("approval-processing.publish-entry")
                .setVariable("entry", body())
                .doTry()
                    .removeHeaders("*")
                    .setHeader(KafkaConstants.KEY, simple("${variable.entry.approvalId}"))
                    .setHeader(KafkaConstants.OVERRIDE_TOPIC, simple("${variable.entry.topic}"))
                    .setBody(simple("${variable.entry.payload}"))
                    .to("kafka:{{erp.topics.decided}}")
                    .setHeader(RedisConstants.COMMAND, constant("HDEL"))
                    .setHeader(RedisConstants.KEY, constant("erp:processing:outbox"))
                    .setHeader(RedisConstants.FIELD, simple("${variable.entry.eventId}"))
                    .to("{{erp.approval-processing.redis}}")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "event ${variable.entry.eventId} of ${variable.entry.approvalId} stays in "
                            + "the outbox for the relay: ${exception.message}")
                .end();

        from("timer:approval-processing-outbox?delay={{erp.approval-processing.outbox.period-ms}}"
                + "&period={{erp.approval-processing.outbox.period-ms}}&synchronous=true")
                .routeId("approval-processing.outbox-relay")
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, constant("erp:processing:outbox"))
                .to("{{erp.approval-processing.redis}}")
                .split(method("approvalStore", "dueOutbox"))
                    .log(LoggingLevel.INFO, "relaying event ${body.eventId} of ${body.approvalId} from the outbox")
                    .to("direct:approval-processing.publish-entry")
                .end();
    }
}
