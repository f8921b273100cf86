package com.erp.routes.approvalprocessing;

import com.erp.routes.common.kafka.OutboxRoutes;
import com.erp.routes.common.redis.RedisKeys;
import org.springframework.stereotype.Component;

/**
 * approval-processing's outbox ({@link OutboxRoutes}): entries live in the Redis hash
 * {@link RedisKeys#PROCESSING_OUTBOX}, written by the same script as the state they belong to, in the order of
 * {@link RedisKeys#PROCESSING_OUTBOX_ORDER}; bean {@code processingOutbox} reads the oldest, removes what was
 * published and holds a document whose event failed (Lua scripts, which camel-spring-redis does not run).
 */
@Component
public class ProcessingOutboxRoute extends OutboxRoutes {

    public static final String PUBLISH = OutboxRoutes.publish("approval-processing");
    public static final String PUBLISH_DETACHED = OutboxRoutes.publishDetached("approval-processing");
    public static final String PUBLISH_HELD = OutboxRoutes.publishHeld("approval-processing");

    public ProcessingOutboxRoute() {
        super("approval-processing", "approvalStore", "outbox");
    }

    @Override
    protected boolean holdsDocuments() {
        return true; // a decision must not overtake the one before it (StateChangeRoute)
    }

    @Override
    protected boolean keepsRefusedEntries() {
        return true; // bean processingOutboxDeadLetters
    }

    @Override
    protected boolean publishesDetached() {
        return true; // activate-step
    }


    /** Redis replicates asynchronously: bean {@code redisReplication} waits for the replicas (none by default). */
    @Override
    protected String replicatedEndpoint() {
        return "direct:approval-processing.outbox-replicated";
    }

    @Override
    public void configure() {
        super.configure();
        // failures are the caller's to handle (the publication holds the events; a consumer retries): subRoute
        subRoute(replicatedEndpoint(), "approval-processing.outbox-replicated")
                .bean("redisReplication", "await");
        subRoute(removeEndpoint(), "approval-processing.outbox-remove")
                .bean("processingOutbox", "published(${variable.entry})");
        subRoute(holdEndpoint(), "approval-processing.outbox-hold")
                .bean("processingOutbox", "hold(${variable.entry})");
        subRoute(keepEndpoint(), "approval-processing.outbox-keep-refused")
                .bean("processingOutboxDeadLetters", "keep(${variable.entry}, ${exception})");

        // a round reads at most a batch, however many events a Kafka outage left behind
        subRoute(dueEndpoint(), "approval-processing.outbox-due")
                .bean("processingOutbox", "due({{erp.approval-processing.outbox.batch}}, ${variable.after})");
    }
}
