package com.erp.routes.common.kafka;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The transactional outbox, as every event-producing service runs it. A service stores each change together
 * with the events that describe it (one atomic write), then sends them to {@code direct:<service>.publish}:
 * each entry is published to Kafka (key = document id) and removed once Kafka acknowledged it. An entry that
 * could not be published stays, and the relay (a timer) publishes it later (looking often only when entries
 * can be expected: {@link OutboxRelayGate}), so an event survives a Kafka outage
 * or a crash between storing and publishing. The relay runs synchronously: a round starts only when every send
 * of the one before was acknowledged or failed, so the relay never has an entry in flight twice. Consumers are
 * idempotent on the event id, so a rare double publication (publish acknowledged, removal lost) is harmless.
 * <p>
 * A service's subclass supplies its storage: {@code direct:<service>.outbox-remove} (remove the entry in the
 * variable {@code entry}) and {@code direct:<service>.outbox-due} (the entries to relay, as a list of
 * {@link OutboxEntry}). Its settings are {@code erp.<service>.outbox.*}.
 */
public abstract class OutboxRoutes extends RouteBuilder {

    private final String service;
    private final String entriesBean;
    private final String entriesMethod;
    private OutboxRelayGate gate;

    /** @param entriesBean and {@code entriesMethod}: turn what was stored into its {@link OutboxEntry}s */
    protected OutboxRoutes(String service, String entriesBean, String entriesMethod) {
        this.service = service;
        this.entriesBean = entriesBean;
        this.entriesMethod = entriesMethod;
    }

    private long setting(String name) {
        return Long.parseLong(getContext().resolvePropertyPlaceholders("{{" + name + "}}"));
    }

    public static String publish(String service) {
        return "direct:" + service + ".publish";
    }

    protected String removeEndpoint() {
        return "direct:" + service + ".outbox-remove";
    }

    protected String dueEndpoint() {
        return "direct:" + service + ".outbox-due";
    }

    @Override
    public void configure() {
        String settings = "erp." + service + ".outbox.";
        gate = new OutboxRelayGate(setting(settings + "grace-ms"), setting(settings + "period-ms"),
                setting(settings + "idle-scan-ms"), System::currentTimeMillis);
        String entry = "direct:" + service + ".publish-entry";
        from(publish(service)).routeId(service + ".publish")
                .split(method(entriesBean, entriesMethod))
                    .to(entry)
                .end();

        from(entry).routeId(service + ".publish-entry")
                .setVariable("entry", body())
                .doTry()
                    .removeHeaders("*")
                    .setHeader(KafkaConstants.KEY, simple("${variable.entry.approvalId}"))
                    .setHeader(KafkaConstants.OVERRIDE_TOPIC, simple("${variable.entry.topic}"))
                    .setBody(simple("${variable.entry.payload}"))
                    // the topic of the URI is never used: every entry names its own
                    .to("kafka:{{erp.topics.submitted}}")
                    .to(removeEndpoint())
                .doCatch(Exception.class)
                    .bean(gate, "publishFailed")
                    .log(LoggingLevel.WARN, "event ${variable.entry.eventId} of ${variable.entry.approvalId} stays in "
                            + "the outbox for the relay: ${exception.message}")
                .end();

        String period = "{{erp." + service + ".outbox.period-ms}}";
        from("timer:" + service + "-outbox?delay=" + period + "&period=" + period + "&synchronous=true")
                .routeId(service + ".outbox-relay")
                .filter(method(gate, "shouldScan"))
                .to(dueEndpoint())
                .bean(gate, "scanned(${body.size})")
                .split(body())
                    .log(LoggingLevel.INFO, "relaying event ${body.eventId} of ${body.approvalId} from the outbox")
                    .to(entry)
                .end();
    }
}
