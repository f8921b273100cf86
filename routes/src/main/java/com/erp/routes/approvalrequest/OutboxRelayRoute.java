package com.erp.routes.approvalrequest;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of approval-request. {@value #PUBLISH} publishes a document's outbox entries and
 * removes each one once Kafka has acknowledged it; an entry that could not be published stays. The relay
 * looks for such entries on a timer and publishes them, so events survive a Kafka outage or a crash between
 * storing and publishing. The timer runs synchronously: the next round starts only once every send of this one
 * has been acknowledged or has failed, so one entry is never in flight twice from the relay. Consumers are idempotent on the event id, so a rare double publication is harmless.
 */
@Component
public class OutboxRelayRoute extends RouteBuilder {

    public static final String PUBLISH = "direct:approval-request.publish";

    @Override
    public void configure() {
        from(PUBLISH).routeId("approval-request.publish")
                .split(method("approvalDocuments", "outbox"))
                    .to("direct:approval-request.publish-entry")
                .end();

        from("direct:approval-request.publish-entry").routeId("approval-request.publish-entry")
                .setVariable("entry", body())
                .doTry()
                    .removeHeaders("*")
                    .setHeader(KafkaConstants.KEY, simple("${variable.entry.approvalId}"))
                    .setHeader(KafkaConstants.OVERRIDE_TOPIC, simple("${variable.entry.topic}"))
                    .setBody(simple("${variable.entry.payload}"))
                    .to("kafka:{{erp.topics.submitted}}")
                    .bean("approvalDocuments", "markPublished(${variable.entry})")
                    .to("{{erp.approval-request.approvals}}&operation=update")
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "event ${variable.entry.eventId} of ${variable.entry.approvalId} stays in "
                            + "the outbox for the relay: ${exception.message}")
                .end();

        from("timer:approval-request-outbox?delay={{erp.approval-request.outbox.period-ms}}"
                + "&period={{erp.approval-request.outbox.period-ms}}&synchronous=true")
                .routeId("approval-request.outbox-relay")
                .setHeader(MongoDbConstants.CRITERIA, method("approvalDocuments", "pendingOutbox"))
                .setHeader(MongoDbConstants.LIMIT, simple("{{erp.approval-request.outbox.batch}}", Integer.class))
                .to("{{erp.approval-request.approvals}}&operation=findAll")
                .split(method("approvalDocuments", "dueOutbox"))
                    .log(LoggingLevel.INFO, "relaying event ${body.eventId} of ${body.approvalId} from the outbox")
                    .to("direct:approval-request.publish-entry")
                .end();
    }
}
