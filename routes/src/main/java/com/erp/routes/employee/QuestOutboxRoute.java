package com.erp.routes.employee;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * The quest outbox's relay: the changes QuestBoard wrote in their transactions are published, oldest first, to
 * {@code erp.topics.quest-changed} (key = quest id), each row deleted in the transaction that read it once Kafka
 * has acknowledged it. With Kafka away the send fails, the row stays and goes on the next poll: nothing is lost;
 * a crash between the acknowledgement and the delete publishes it again, which the notifications' ids make
 * harmless. Each row is locked while it is published, so several instances do not send one row at once.
 */
@Component
public class QuestOutboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jpa:com.erp.employee.domain.QuestOutboxEntry?namedQuery=QuestOutboxEntry.oldest&consumeDelete=true"
                + "&maximumResults=100&delay={{erp.employee.quest-outbox.poll-ms}}&sendEmptyMessageWhenIdle=false")
                .routeId("employee.quest-outbox")
                .setVariable("entry", body())
                .removeHeaders("*")
                .setHeader(KafkaConstants.KEY, simple("${variable.entry.questId}"))
                .setBody(simple("${variable.entry.payload}"))
                .to("kafka:{{erp.topics.quest-changed}}");
    }
}
