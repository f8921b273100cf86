package com.erp.routes.common.kafka;

import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Which Camel headers become Kafka record headers: only our own ({@code erp-*}, {@code x-dlq-*}) and trace
 * context. Without it every HTTP request header of a REST route (Authorization included) would be written
 * into Kafka.
 */
public class KafkaHeaderFilter extends DefaultHeaderFilterStrategy {

    @Override
    public boolean applyFilterToCamelHeaders(String name, Object value, Exchange exchange) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean allowed = n.startsWith("erp-") || n.startsWith("x-dlq-") || n.equals("traceparent") || n.equals("tracestate");
        return !allowed || value == null;
    }

    @Override
    public boolean applyFilterToExternalHeaders(String name, Object value, Exchange exchange) {
        return false;
    }
}
