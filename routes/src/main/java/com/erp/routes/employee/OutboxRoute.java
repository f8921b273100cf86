package com.erp.routes.employee;

import com.erp.routes.common.kafka.KafkaFailures;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * employee-service's outbox relay: the changes written in their transactions (quests, delegations, token revocations) are
 * published, oldest first, to their topics ({@code erp.topics.quest-changed}, key = quest id; {@code
 * erp.topics.delegation-changed}, key = the approver's id; {@code erp.topics.tokens-revoked}, key = the person's id), each row deleted in the transaction that read it once
 * Kafka has acknowledged it. With Kafka away the send fails, the row stays and goes on the next poll: nothing is
 * lost; a crash between the acknowledgement and the delete publishes it again, which the consumers' ids (and a
 * delegation being a state, not a step) make harmless. Each row is locked while it is published, so several
 * instances do not send one row at once.
 * <p>
 * A row Kafka refuses for good ({@link KafkaFailures#refusedForGood}: too large, a record it cannot take) would
 * stop the relay at it for ever, and the rows behind it, token revocations among them, would never go; such a row is
 * moved to the outbox's dead letters (bean {@code outboxDeadLetters}) with the reason, and the relay goes on.
 */
@Component
public class OutboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("jpa:com.erp.employee.domain.OutboxMessage?namedQuery=OutboxMessage.oldest&consumeDelete=true"
                + "&maximumResults=100&delay={{erp.employee.outbox.poll-ms}}&sendEmptyMessageWhenIdle=false")
                .routeId("employee.outbox")
                .setVariable("entry", body())
                .removeHeaders("*")
                .setHeader(KafkaConstants.KEY, simple("${variable.entry.messageKey}"))
                .setBody(simple("${variable.entry.payload}"))
                .doTry()
                    .choice()
                        .when(simple("${variable.entry.kind} == 'DELEGATION'"))
                            .to("kafka:{{erp.topics.delegation-changed}}")
                        .when(simple("${variable.entry.kind} == 'REVOCATION'"))
                            .to("kafka:{{erp.topics.tokens-revoked}}")
                        .otherwise()
                            .to("kafka:{{erp.topics.quest-changed}}")
                    .end()
                .endDoTry()
                // anything else fails the poll: its rows stay, and go again on the next
                .doCatch(Exception.class).onWhen(exchange -> KafkaFailures.refusedForGood(exchange.getException()))
                    .bean("outboxDeadLetters", "keep(${variable.entry}, ${exception})")
                .end();
    }
}
