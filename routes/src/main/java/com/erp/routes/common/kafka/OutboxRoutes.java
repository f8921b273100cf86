package com.erp.routes.common.kafka;

import java.util.HashSet;
import java.util.Set;

import com.erp.routes.common.TraceParent;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.RouteDefinition;

/**
 * The transactional outbox, as every event-producing service runs it. A service stores each change together
 * with the events that describe it (one atomic write), then sends them to {@code direct:<service>.publish}:
 * each entry is published to Kafka (key = document id) and removed once Kafka acknowledged it. An entry that
 * could not be published stays, and the relay (a timer) publishes it later (looking often only when entries
 * can be expected: {@link OutboxRelayGate}), so an event survives a Kafka outage
 * or a crash between storing and publishing; its record still carries the trace of the request that stored it
 * ({@link OutboxEntry#traceparent()}). The relay runs synchronously: a round starts only when every send
 * of the one before was acknowledged or failed, so the relay never has an entry in flight twice. Within a
 * publication or a relay round, a document whose event failed has its later ones left for the relay, so that none
 * overtakes it; a service whose store {@linkplain #holdsDocuments holds documents} keeps them so beyond it too: the
 * document's later changes leave their events to the relay ({@link #publishHeld}) until the failed one is published.
 * Consumers are
 * idempotent on the event id, so a rare double publication (publish acknowledged, removal lost) is harmless.
 * <p>
 * A route that must not wait for Kafka sends the stored events to {@code direct:<service>.publish-detached}
 * ({@link #publishDetached}) instead: they are queued ({@code seda:<service>.outbox-queue}) and published from
 * there, in the order they were queued, while the route goes on at once. Nothing is lost that way either (the
 * entries are stored; a crash leaves them to the relay), but events queued there may reach Kafka after events
 * published directly later, so it is only for events nothing orders against: a document's first event (its
 * submission, its first activation), or one that changes no state of processing's (a comment, whose notifications
 * may then arrive out of order with others'; 접수; a leave's cancellation).
 * When the queue is full (Kafka slow or down) a sender waits at most {@code detached-offer-timeout-ms}, then
 * leaves the entry to the relay. The queue holds the stored change only, not the rest of the sender's exchange, and
 * at most {@code detached-in-flight} of its sends await Kafka's answer at once.
 * <p>
 * A service's subclass supplies its storage: {@code direct:<service>.outbox-remove} (remove the entry in the
 * variable {@code entry}), where it {@linkplain #holdsDocuments holds documents} {@code direct:<service>.outbox-hold}
 * (hold the entry in the variable {@code entry}), where it {@linkplain #keepsRefusedEntries keeps refused entries}
 * {@code direct:<service>.outbox-keep-refused}, and {@code direct:<service>.outbox-due} (an {@link OutboxPage}: the
 * entries to relay, in the order they were stored, of at most {@link #batch()} read at once from after the position in
 * the variable {@code after}, or from the oldest when it is null). Its settings are {@code erp.<service>.outbox.*}.
 */
public abstract class OutboxRoutes extends RouteBuilder {

    /** The documents of a relay round whose event failed (a set, shared by the round's split). */
    private static final String FAILED_DOCUMENTS = "failedDocuments";
    /** The most a round reads (what a store's single call can hand back, a Lua script's unpack above all). */
    public static final int MAX_BATCH = 5000;
    /** Whether the store's replicas hold what is about to be published ({@link #replicatedEndpoint}). */
    private static final String REPLICATED = "replicated";
    /** The relay's {@link RelayPass}, on a relay round's exchanges only. */
    private static final String PASS = "relayPass";

    private final String service;
    private final String entriesBean;
    private final String entriesMethod;
    private volatile OutboxRelayGate gate;
    private final RelayPass pass = new RelayPass();
    private long batch;

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

    /** Publishes a transition's stored events from a queue: the sender does not wait for Kafka. */
    public static String publishDetached(String service) {
        return "direct:" + service + ".publish-detached";
    }

    /**
     * Where a sender goes instead of {@link #publish} when its store held the change's events for the relay (an
     * earlier event of the document failed and waits there, {@link #holdsDocuments}): nothing is sent, the relay is
     * told to look soon.
     */
    public static String publishHeld(String service) {
        return "direct:" + service + ".publish-held";
    }

    /**
     * Whether the service's store holds a document whose event failed ({@link #holdEndpoint}: hold the entry in the
     * variable {@code entry}), so that its later changes leave their events to the relay, behind the failed one, instead
     * of publishing them ahead of it; they go to {@link #publishHeld} then.
     */
    protected boolean holdsDocuments() {
        return false;
    }

    protected String holdEndpoint() {
        return "direct:" + service + ".outbox-hold";
    }

    /**
     * Whether the service sets aside an entry Kafka refused for good ({@link KafkaFailures#refusedForGood}: too large
     * for its topic, say) in dead letters of its own ({@link #keepEndpoint}: keep the entry in the variable
     * {@code entry}, the failure being {@code ${exception}}, and remove it from the outbox), instead of trying it again
     * every look, for ever, while it holds its document's later events back.
     */
    protected boolean keepsRefusedEntries() {
        return false;
    }

    protected String keepEndpoint() {
        return "direct:" + service + ".outbox-keep-refused";
    }

    /**
     * Tells the relay that entries were put into the outbox for it alone (an operator's replay of dead letters): it
     * looks at its busy pace for a while instead of its idle one.
     */
    public void lookSoon() {
        if (gate != null) { // null until the routes are configured, when the first looks come soon anyway
            gate.storedForTheRelay();
        }
    }

    /** Whether the service uses {@link #publishDetached} (setting {@code erp.<service>.outbox.detached-queue-size}). */
    protected boolean publishesDetached() {
        return false;
    }

    /**
     * How many {@link #dueEndpoint()} takes at most in one round ({@code erp.<service>.outbox.batch}; approval-request:
     * documents, usually one entry each).
     */
    protected long batch() {
        long batch = setting("erp." + service + ".outbox.batch");
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("erp." + service + ".outbox.batch must be 1.." + MAX_BATCH + ", not "
                    + batch);
        }
        return batch;
    }

    /**
     * Where the service's store makes sure what was stored is on its replicas before its events are published (null:
     * nothing to wait for, as with MongoDB's majority writes): {@code direct:<service>.outbox-replicated}, failing when
     * it is not. The events then stay in the outbox (their documents held), and the relay, which asks the same before
     * each page, publishes them once it is.
     */
    protected String replicatedEndpoint() {
        return null;
    }

    /**
     * Starts a route its callers handle the failures of: the outbox's own, and the subclass's for its store's endpoints
     * ({@link #removeEndpoint}, {@link #holdEndpoint}, {@link #keepEndpoint}, {@link #dueEndpoint},
     * {@link #replicatedEndpoint}), which the outbox calls inside its try blocks. Such a route has no error handler:
     * Camel's default one would log the failure as an error and mark it handled on the caller's exchange (a consumed
     * message's, say), whose own error handler would then neither retry it in place nor dead-letter it.
     */
    protected RouteDefinition subRoute(String endpoint, String routeId) {
        return from(endpoint).routeId(routeId).errorHandler(noErrorHandler());
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
        batch = batch();
        String entry = "direct:" + service + ".publish-entry";
        String inOrder = "direct:" + service + ".publish-entry-in-order";
        String hold = "direct:" + service + ".hold-document";
        boolean holds = holdsDocuments();
        boolean keeps = keepsRefusedEntries();
        String keepRefused = "direct:" + service + ".keep-refused";
        String replicated = replicatedEndpoint();
        String checkReplicated = "direct:" + service + ".publish-replicated";
        String publishStored = "direct:" + service + ".publish-stored";
        String holdAll = "direct:" + service + ".hold-all";
        onceReplicated(publish(service), service + ".publish", publishStored, checkReplicated, holdAll);

        // a change known to be on the store's replicas (where they are waited for)
        subRoute(publishStored, service + ".publish-stored")
                .process(OutboxRoutes::noDocumentFailedYet)
                .split(method(entriesBean, entriesMethod))
                    .to(inOrder)
                .end()
                .removeVariable(FAILED_DOCUMENTS);

        if (holds) {
            // every event of the stored change (the body) left to the relay, its document held behind them
            subRoute(holdAll, service + ".hold-all")
                    .split(method(entriesBean, entriesMethod))
                        .setVariable("entry", body())
                        .to(hold)
                    .end();
        }

        if (replicated != null) {
            // with the replicas away every publication finds so: a line a minute, not one per change
            WarningThrottle notReplicated = new WarningThrottle(60_000);
            subRoute(checkReplicated, service + ".publish-replicated")
                    .doTry()
                        .to(replicated)
                    .doCatch(Exception.class)
                        .setVariable(REPLICATED, constant(false))
                        .bean(gate, "publishFailed")
                        .setVariable("unreported", method(notReplicated, "occurred"))
                        .filter(simple("${variable.unreported} > 0"))
                            .log(LoggingLevel.WARN, "events stay in the outbox for the relay, not known to be on "
                                    + "the store's replicas (${variable.unreported} time(s) since the last such line): "
                                    + "${exception.message}")
                        .end()
                    .end();
        }

        // a document whose event failed keeps its later ones (of this publication or relay round) for the relay: none
        // overtakes it (and where documents are held, they hold it too, beyond this publication or round)
        subRoute(inOrder, service + ".publish-entry-in-order")
                .choice()
                    .when(e -> !failedDocuments(e).contains(e.getMessage().getBody(OutboxEntry.class).approvalId()))
                        .to(entry)
                        .filter(variable("failed"))
                            .process(e -> failedDocuments(e).add(e.getVariable("entry", OutboxEntry.class).approvalId()))
                        .end()
                    .endChoice()
                    .when(e -> holds)
                        .setVariable("entry", body())
                        .to(hold)
                .end();

        subRoute(entry, service + ".publish-entry")
                .setVariable("entry", body())
                .doTry()
                    .removeHeaders("*")
                    // the trace of the request that stored it: the relay has none of its own, so the record continues
                    // this one (TraceParent.Tracer); a route publishing what it just stored replaces it with its own
                    .setHeader(TraceParent.HEADER, simple("${variable.entry.traceparent}"))
                    .setHeader(KafkaConstants.KEY, simple("${variable.entry.approvalId}"))
                    .setHeader(KafkaConstants.OVERRIDE_TOPIC, simple("${variable.entry.topic}"))
                    .setBody(simple("${variable.entry.payload}"))
                    // the topic of the URI is never used: every entry names its own
                    .to("kafka:{{erp.topics.submitted}}")
                    .to(removeEndpoint())
                .doCatch(Exception.class)
                    .bean(gate, "publishFailed")
                    .process(OutboxRoutes::tellThePass)
                    .choice()
                        // set aside: nothing of its document is in front of its later events any more
                        .when(e -> keeps && KafkaFailures.refusedForGood(
                                e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                            .to(keepRefused)
                        .otherwise()
                            .setVariable("failed", constant(true))
                            .log(LoggingLevel.WARN, "event ${variable.entry.eventId} of ${variable.entry.approvalId} "
                                    + "stays in the outbox for the relay: ${exception.message}")
                            .filter(e -> holds)
                                .to(hold)
                            .end()
                    .end()
                .end();

        if (keeps) {
            // not kept (the store away): it stays in the outbox, in front of its document's later events, and is tried
            // again
            subRoute(keepRefused, service + ".keep-refused")
                    .doTry()
                        .to(keepEndpoint())
                    .doCatch(Exception.class)
                        .setVariable("failed", constant(true))
                        .log(LoggingLevel.WARN, "event ${variable.entry.eventId} of ${variable.entry.approvalId}, "
                                + "refused by Kafka for good, not set aside (${exception.message}): it stays in the "
                                + "outbox")
                        .filter(e -> holds)
                            .to(hold)
                        .end()
                    .end();
        }

        if (holds) {
            // a hold that fails (the store away too) leaves the document unheld: its next change may then overtake
            subRoute(hold, service + ".hold-document")
                    .doTry()
                        .to(holdEndpoint())
                    .doCatch(Exception.class)
                        .log(LoggingLevel.WARN, "${variable.entry.approvalId} not held behind its failed event "
                                + "${variable.entry.eventId}: ${exception.message}")
                    .end();
            subRoute(publishHeld(service), service + ".publish-held")
                    .bean(gate, "storedForTheRelay");
        }

        if (publishesDetached()) {
            String queue = "seda:" + service + ".outbox-queue?size={{" + settings + "detached-queue-size}}";
            // never waits for the publication, also when the sender expects a reply (REST); a full queue makes it
            // wait a little (backpressure), not for as long as Kafka is away. Only the stored change is queued.
            LightHandover offer = new LightHandover(getContext().createProducerTemplate(), queue
                    + "&waitForTaskToComplete=Never&blockWhenFull=true"
                    + "&offerTimeout={{" + settings + "detached-offer-timeout-ms}}");
            InFlightLimit inFlight = new InFlightLimit((int) setting(settings + "detached-in-flight"));
            // with the broker slow every sender finds the queue full: a line a minute, not one per request
            WarningThrottle queueFull = new WarningThrottle(60_000);
            String offerDetached = "direct:" + service + ".offer-detached";
            // the replicas are asked here, by the senders at once (their rounds shared), not by the queue's one
            // consumer one change after another
            onceReplicated(publishDetached(service), service + ".publish-detached", offerDetached, checkReplicated,
                    holdAll);
            subRoute(offerDetached, service + ".offer-detached")
                    .doTry()
                        .process(offer)
                    .doCatch(Exception.class)
                        .bean(gate, "publishFailed")
                        .filter(e -> holds)
                            // left to the relay: the document's next change must not overtake them
                            .to(holdAll)
                        .end()
                        .setVariable("unreported", method(queueFull, "occurred"))
                        .filter(simple("${variable.unreported} > 0"))
                            .log(LoggingLevel.WARN, "the outbox queue is full (${exception.message}): the events of "
                                    + "${variable.unreported} sender(s) since the last such line stay in the outbox "
                                    + "for the relay")
                        .end()
                    .end();
            // One consumer keeps the queue's order; it does not wait for one send's acknowledgement before the next,
            // but for at most detached-in-flight unanswered ones: a slow broker then fills the queue, not the heap.
            // Stopping publishes what is queued first: the servers stop after the application.
            from(queue).routeId(service + ".outbox-queue")
                    .shutdownRunningTask(ShutdownRunningTask.CompleteAllTasks)
                    .process(inFlight)
                    .to(publishStored);
        }

        String period = "{{erp." + service + ".outbox.period-ms}}";
        from("timer:" + service + "-outbox?delay=" + period + "&period=" + period + "&synchronous=true")
                .routeId(service + ".outbox-relay")
                .filter(method(gate, "shouldScan"))
                .setVariable("more", constant(true))
                .setVariable(PASS, constant(pass))
                .process(e -> pass.start())
                // A round takes at most a batch: after a full one the next starts at once (from the front, or where
                // the last ended once something stayed behind: RelayPass), so a backlog (entries left by a slow broker
                // under load) drains as fast as Kafka acknowledges, not a batch a period; and a batch Kafka keeps
                // refusing at the front holds nothing back.
                .loopDoWhile(simple("${variable.more}"))
                    .setVariable("after", method(pass, "after"))
                    .to(dueEndpoint())
                    .setVariable("page", body())
                    .bean(gate, "scanned(${body.entries.size})")
                    // asked after the read: what the page holds was written before, so it is on the replicas once
                    // every earlier write is
                    .setVariable(REPLICATED, constant(true))
                    .filter(e -> replicated != null
                            && !e.getVariable("page", OutboxPage.class).entries().isEmpty())
                        .to(checkReplicated)
                    .end()
                    .choice()
                        .when(variable(REPLICATED).isEqualTo(true))
                            .process(e -> e.setVariable(FAILED_DOCUMENTS,
                                    pass.begin(e.getVariable("page", OutboxPage.class))))
                            .split(simple("${variable.page.entries}"))
                                .log(LoggingLevel.INFO, "relaying event ${body.eventId} of ${body.approvalId} from the "
                                        + "outbox")
                                .to(inOrder)
                            .end()
                            .setVariable("more", method(pass, "next(${variable.page}, " + batch + ")"))
                        .endChoice()
                        .otherwise()
                            .setVariable("more", constant(false))
                    .end()
                .end();
    }

    /**
     * The route {@code from}: the stored change (the body) goes on to {@code next} once the store's replicas hold it
     * (asked at {@code checkReplicated} where they are waited for), else its events are left to the relay, the
     * document held behind them ({@code holdAll}), so that its next change does not overtake them.
     */
    private void onceReplicated(String from, String routeId, String next, String checkReplicated, String holdAll) {
        boolean asks = replicatedEndpoint() != null;
        boolean holds = holdsDocuments();
        subRoute(from, routeId)
                .setVariable(REPLICATED, constant(true))
                .filter(e -> asks)
                    .to(checkReplicated)
                .end()
                .choice()
                    .when(variable(REPLICATED).isEqualTo(true))
                        .to(next)
                    .endChoice()
                    .when(e -> holds)
                        .to(holdAll)
                .end()
                .removeVariable(REPLICATED);
    }

    private static void tellThePass(Exchange exchange) {
        RelayPass relaying = exchange.getVariable(PASS, RelayPass.class);
        if (relaying != null) { // a relay round's, not a publication's
            relaying.failed(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        }
    }

    private static void noDocumentFailedYet(Exchange exchange) {
        exchange.setVariable(FAILED_DOCUMENTS, new HashSet<String>());
    }

    @SuppressWarnings("unchecked")
    private static Set<String> failedDocuments(Exchange exchange) {
        return exchange.getVariable(FAILED_DOCUMENTS, Set.class);
    }
}
