package com.erp.routes.common.kafka;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;

/**
 * Hands the exchange's body (and its properties: the trace) to {@code uri} in an exchange of its own, without the
 * sender's headers and variables, and fails as that send failed. For a queue whose entries outlive the request that
 * queued them: a submission's exchange holds the request, the approval line, the caller and more, which would
 * otherwise stay in memory with each entry until Kafka has answered for it.
 */
final class LightHandover implements Processor {

    private final ProducerTemplate template;
    private final String uri;

    LightHandover(ProducerTemplate template, String uri) {
        this.template = template;
        this.uri = uri;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Exchange handed = exchange.copy();
        handed.getMessage().removeHeaders("*");
        for (String name : List.copyOf(handed.getVariables().keySet())) {
            handed.removeVariable(name);
        }
        template.send(uri, handed);
        if (handed.getException() != null) {
            throw handed.getException();
        }
    }
}
