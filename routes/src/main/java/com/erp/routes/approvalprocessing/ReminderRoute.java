package com.erp.routes.approvalprocessing;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * 독촉: every period, the documents whose active step has waited too long (bean {@code reminders}) remind whoever
 * must still decide it, on {@code approval.reminded}, which notification tells them. A reminder is moved on only
 * once Kafka has it: one that fails is sent at the next period.
 */
@Component
public class ReminderRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:reminders?period={{erp.approval-processing.reminders.period-ms}}")
                .routeId("approval-processing.remind")
                // Redis or Kafka away: nothing is moved on, and the next period tries again
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "reminders not sent: ${exception.message}")
                .end()
                .bean("reminders", "due")
                .split(body())
                    .setVariable("due", body())
                    .bean("reminders", "reminderFor")
                    .filter(body().isNotNull())
                        .setHeader(KafkaConstants.KEY, simple("${body.approvalId}"))
                        .marshal().json(JsonLibrary.Jackson)
                        .to("kafka:{{erp.topics.reminded}}")
                        .setBody(variable("due"))
                        .bean("reminders", "sent")
                    .end()
                .end();
    }
}
