package com.erp.routes.approvalrequest;

import com.erp.routes.common.kafka.OutboxRoutes;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * approval-request's outbox ({@link OutboxRoutes}): entries live in their document in MongoDB; those Kafka refuses for
 * good are set aside (bean {@code requestOutboxDeadLetters}).
 */
@Component
public class OutboxRelayRoute extends OutboxRoutes {

    public static final String PUBLISH = OutboxRoutes.publish("approval-request");
    public static final String PUBLISH_DETACHED = OutboxRoutes.publishDetached("approval-request");

    public OutboxRelayRoute() {
        super("approval-request", "approvalDocuments", "outbox");
    }

    @Override
    protected boolean publishesDetached() {
        return true; // submit (async)
    }

    @Override
    protected boolean keepsRefusedEntries() {
        return true; // bean requestOutboxDeadLetters
    }

    @Override
    public void configure() {
        super.configure();
        subRoute(removeEndpoint(), "approval-request.outbox-remove")
                .bean("approvalDocuments", "markPublished(${variable.entry})")
                .to("{{erp.approval-request.approvals}}&operation=bulkWrite");

        subRoute(keepEndpoint(), "approval-request.outbox-keep-refused")
                .bean("requestOutboxDeadLetters", "keep(${variable.entry}, ${exception})");

        subRoute(dueEndpoint(), "approval-request.outbox-due")
                .setHeader(MongoDbConstants.CRITERIA, method("approvalDocuments", "pendingOutbox(${variable.after})"))
                .setHeader(MongoDbConstants.SORT_BY, method("approvalDocuments", "pendingOutboxOrder"))
                .setHeader(MongoDbConstants.LIMIT, simple("{{erp.approval-request.outbox.batch}}", Integer.class))
                .to("{{erp.approval-request.approvals}}&operation=findAll")
                .bean("approvalDocuments", "dueOutbox");
    }
}
