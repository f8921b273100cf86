package com.erp.routes.common.kafka;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RedeliveryPolicyDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The error configuration of every Kafka consumer route (they opt in with {@code .routeConfigurationId(ID)}):
 * <ul>
 *   <li>a message that can never succeed (unparseable, {@link InvalidEventException}) is published unchanged to
 *   {@code <topic>.dlq} with the reason in {@code x-dlq-*} headers, and the consumer goes on with the next;</li>
 *   <li>a failure that says a server is away ({@link TransientFailures}: Redis, MongoDB, the database, the broker)
 *   is retried for as long as it lasts, with exponential backoff: the consumer waits on that message, in order,
 *   and nothing accepted ends in a dead-letter topic because a store was down for a while. When the route stops
 *   meanwhile, the message is left unhandled and not committed ({@code break-on-first-error}): it is consumed
 *   again after the restart;</li>
 *   <li>any other failure is retried a few times, then dead-lettered like the first kind.</li>
 * </ul>
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

    static final int MAX_REASON = 1000;

    @Override
    public void configuration() {
        RouteConfigurationDefinition config = routeConfiguration(ID);
        config.onException(InvalidEventException.class, JsonProcessingException.class)
                .handled(true)
                .useOriginalMessage()
                .process(DeadLetters::describeFailure)
                .to(DEAD_LETTER);
        // a server away: as long as it takes, but not past a stop (the message then stays uncommitted)
        config.onException(Exception.class)
                .onWhen(e -> TransientFailures.isTransient(failureOf(e)))
                .handled(false)
                .setRedeliveryPolicyType(new RedeliveryPolicyDefinition()
                        .maximumRedeliveries(-1)
                        .redeliveryDelay("{{erp.consumer.redelivery-delay-ms}}")
                        .useExponentialBackOff()
                        .backOffMultiplier(2)
                        .maximumRedeliveryDelay("{{erp.consumer.max-redelivery-delay-ms}}")
                        .retryAttemptedLogLevel(LoggingLevel.WARN)
                        .allowRedeliveryWhileStopping(false));
        config.onException(Exception.class)
                .maximumRedeliveries("{{erp.consumer.max-redeliveries}}")
                .redeliveryDelay("{{erp.consumer.redelivery-delay-ms}}")
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay("{{erp.consumer.max-redelivery-delay-ms}}")
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .useOriginalMessage()
                .process(DeadLetters::describeFailure)
                .to(DEAD_LETTER);
    }

    private static Throwable failureOf(Exchange exchange) {
        Throwable failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }

    /**
     * What an operator reads first: the failure's message, and its root cause's where that is another; a failure
     * without a message (a NullPointerException, say) is named by its class, never "null".
     */
    public static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        // a cause chain may loop (initCause): each exception once
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (seen.add(root) && root.getCause() != null && !seen.contains(root.getCause())) {
            root = root.getCause();
        }
        String reason = describe(failure);
        String cause = describe(root);
        return root == failure || reason.contains(cause) ? reason : reason + "; caused by " + cause;
    }

    /** {@link #reason}, at most {@value #MAX_REASON} characters: as a header or a column keeps it. */
    public static String shortReason(Throwable failure) {
        String reason = reason(failure);
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }

    static void describeFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        var message = exchange.getMessage();
        String topic = message.getHeader("kafka.TOPIC", String.class);
        String reason = shortReason(failure);
        message.setHeader(H_ORIGINAL_TOPIC, topic);
        message.setHeader(H_TOPIC, topic + exchange.getContext().resolvePropertyPlaceholders("{{erp.topics.dlq-suffix}}"));
        message.setHeader(H_PARTITION, String.valueOf(message.getHeader("kafka.PARTITION")));
        message.setHeader(H_OFFSET, String.valueOf(message.getHeader("kafka.OFFSET")));
        message.setHeader(H_REASON, reason);
        message.setHeader(H_EXCEPTION, failure == null ? "" : failure.getClass().getName());
        message.setHeader(H_ROUTE, exchange.getFromRouteId());
        message.setHeader(H_FAILED_AT, Instant.now().toString());
    }
}
