package com.erp.routes.common.kafka;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The error configuration of every Kafka consumer route (they opt in with {@code .routeConfigurationId(ID)}):
 * a message that fails is retried with exponential backoff; one that still fails, or can never succeed
 * (see {@link InvalidEventException}), is published unchanged to {@code <topic>.dlq} with the reason in
 * {@code x-dlq-*} headers, and the consumer goes on with the next message.
 */
public class DeadLetters extends RouteConfigurationBuilder {

    public static final String ID = "kafka-consumer";
    static final String DEAD_LETTER = "direct:erp-dead-letter";

    public static final String H_TOPIC = "x-dlq-topic";
    public static final String H_ORIGINAL_TOPIC = "x-dlq-original-topic";
    public static final String H_PARTITION = "x-dlq-original-partition";
    public static final String H_OFFSET = "x-dlq-original-offset";
    public static final String H_REASON = "x-dlq-reason";
    public static final String H_EXCEPTION = "x-dlq-exception";
    public static final String H_ROUTE = "x-dlq-route";
    public static final String H_FAILED_AT = "x-dlq-failed-at";

    private static final int MAX_REASON = 1000;

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(InvalidEventException.class, JsonProcessingException.class)
                    .handled(true)
                    .useOriginalMessage()
                    .process(DeadLetters::describeFailure)
                    .to(DEAD_LETTER)
                .end()
                .onException(Exception.class)
                    .maximumRedeliveries("{{erp.consumer.max-redeliveries}}")
                    .redeliveryDelay("{{erp.consumer.redelivery-delay-ms}}")
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .maximumRedeliveryDelay("{{erp.consumer.max-redelivery-delay-ms}}")
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                    .handled(true)
                    .useOriginalMessage()
                    .process(DeadLetters::describeFailure)
                    .to(DEAD_LETTER)
                .end();
    }

    static void describeFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        var message = exchange.getMessage();
        String topic = message.getHeader("kafka.TOPIC", String.class);
        String reason = failure == null ? "unknown" : String.valueOf(failure.getMessage());
        message.setHeader(H_ORIGINAL_TOPIC, topic);
        message.setHeader(H_TOPIC, topic + exchange.getContext().resolvePropertyPlaceholders("{{erp.topics.dlq-suffix}}"));
        message.setHeader(H_PARTITION, String.valueOf(message.getHeader("kafka.PARTITION")));
        message.setHeader(H_OFFSET, String.valueOf(message.getHeader("kafka.OFFSET")));
        message.setHeader(H_REASON, reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        message.setHeader(H_EXCEPTION, failure == null ? "" : failure.getClass().getName());
        message.setHeader(H_ROUTE, exchange.getFromRouteId());
        message.setHeader(H_FAILED_AT, Instant.now().toString());
    }
}
