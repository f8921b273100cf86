package com.erp.routes.approvalprocessing;

import com.erp.routes.common.kafka.TransientFailures;
import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.redis.RedisConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * 독촉: every period, the documents whose active step has waited too long (bean {@code reminders}) remind whoever
 * must still decide it, on {@code approval.reminded}, which notification tells them. A reminder is moved on only
 * once Kafka has it: one that fails is sent at the next period. The drafter may also ask for a decision themselves
 * ({@code POST /api/approvals/{id}/reminder}), at most once per {@code requested-every}.
 */
@Component
public class ReminderRoute extends RouteBuilder {

    /** Sends the {@code ReminderEvent} in the body to Kafka (of the HTTP request's headers only the trace context). */
    static final String SEND = "direct:approval-processing.send-reminder";

    @Override
    public void configure() {
        from("timer:reminders?period={{erp.approval-processing.reminders.period-ms}}")
                .routeId("approval-processing.remind")
                // Redis or Kafka away: nothing is moved on, and the next period tries again
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "reminders not sent: ${exception.message}")
                .end()
                .bean("reminders", "due")
                // Kafka away: the tick ends at the first failure rather than waiting out each document's send
                .split(body()).stopOnException()
                    .setVariable("due", body())
                    .doTry()
                        .bean("reminders", "reminderFor")
                    .doCatch(Exception.class).onWhen(ReminderRoute::notTransient)
                        // this document's own trouble (data no reminder can be made of): the others are still reminded,
                        // and it is tried again a repeat later
                        .log(LoggingLevel.WARN, "no reminder for ${variable.due}: ${exception}")
                        .setBody(variable("due"))
                        .bean("reminders", "passedOver")
                        .setBody(constant(null))
                    .end()
                    .filter(body().isNotNull())
                        .to(SEND)
                        .setBody(variable("due"))
                        .bean("reminders", "sent")
                    .end()
                .end();

        from("direct:remindApprovers").routeId("approval-processing.remind-now")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${header.approvalId}"))
                .to("{{erp.approval-processing.redis}}")
                .bean("approvalStore", "state")
                .bean("reminders", "request(${body}, ${header.approvalId}, ${variable.caller})")
                .setVariable("reminder", body())
                .doTry()
                    .to(SEND)
                .doCatch(Exception.class)
                    // not sent: the drafter may ask again at once; the caller gets the failure as a problem
                    .bean("reminders", "requestFailed(${variable.reminder})")
                    .process(e -> {
                        throw e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                    })
                .end()
                .bean("reminders", "requestSent(${variable.reminder})")
                .setHeader("CamelHttpResponseCode", constant(202));

        from(SEND).routeId("approval-processing.send-reminder").errorHandler(noErrorHandler())
                .removeHeaders("*", "traceparent", "tracestate")
                .setHeader(KafkaConstants.KEY, simple("${body.approvalId}"))
                .marshal().json(JsonLibrary.Jackson)
                .to("kafka:{{erp.topics.reminded}}");
    }

    private static boolean notTransient(Exchange exchange) {
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return !TransientFailures.isTransient(failure);
    }
}
