package com.erp.routes.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** What the outbox's queue holds of a sender's exchange: its body and properties, nothing of its request. */
class LightHandoverTest {

    @Test
    void queuesTheBodyAloneAndFailsAsTheQueueRefused() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            String queue = "seda:outbox?size=1";
            LightHandover offer = new LightHandover(camel.createProducerTemplate(),
                    queue + "&waitForTaskToComplete=Never&blockWhenFull=true&offerTimeout=50");

            Exchange submission = new DefaultExchange(camel);
            submission.getMessage().setBody("the stored document");
            submission.getMessage().setHeader("Authorization", "Bearer a-token");
            submission.setVariable("request", "the whole request");
            submission.setProperty("trace", "kept");
            offer.process(submission);

            Exchange queued = camel.getEndpoint(queue, SedaEndpoint.class).getExchanges().get(0);
            assertThat(queued.getMessage().getBody()).isEqualTo("the stored document");
            assertThat(queued.getMessage().getHeaders()).isEmpty();
            assertThat(queued.getVariables()).isEmpty();
            assertThat(queued.getProperty("trace")).isEqualTo("kept");
            // the sender still has what it answers from
            assertThat(submission.getVariable("request")).isEqualTo("the whole request");
            assertThat(submission.getMessage().getHeader("Authorization")).isEqualTo("Bearer a-token");

            Exchange another = new DefaultExchange(camel);
            another.getMessage().setBody("another document");
            assertThatThrownBy(() -> offer.process(another)).as("the queue is full")
                    .hasMessageContaining("queue");
        }
    }
}
