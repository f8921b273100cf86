package com.erp.routes.approvalprocessing;

import com.erp.routes.common.kafka.OutboxRoutes;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * approval-processing's outbox ({@link OutboxRoutes}): entries live in the Redis hash
 * {@link RedisKeys#PROCESSING_OUTBOX}, written by the same script as the state they belong to.
 */
@Component
public class ProcessingOutboxRoute extends OutboxRoutes {

    public static final String PUBLISH = OutboxRoutes.publish("approval-processing");
    public static final String PUBLISH_DETACHED = OutboxRoutes.publishDetached("approval-processing");

    public ProcessingOutboxRoute() {
        super("approval-processing", "approvalStore", "outbox");
    }

    @Override
    protected boolean publishesDetached() {
        return true; // activate-step
    }

    @Override
    public void configure() {
        super.configure();
        from(removeEndpoint()).routeId("approval-processing.outbox-remove")
                .setHeader(RedisConstants.COMMAND, constant("HDEL"))
                .setHeader(RedisConstants.KEY, constant(RedisKeys.PROCESSING_OUTBOX))
                .setHeader(RedisConstants.FIELD, simple("${variable.entry.eventId}"))
                .to("{{erp.approval-processing.redis}}");

        from(dueEndpoint()).routeId("approval-processing.outbox-due")
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, constant(RedisKeys.PROCESSING_OUTBOX))
                .to("{{erp.approval-processing.redis}}")
                .bean("approvalStore", "dueOutbox");
    }
}
