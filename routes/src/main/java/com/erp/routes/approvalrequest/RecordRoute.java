package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Record: every event of approval-processing updates the document in MongoDB, in one bulk write. The history
 * gets the event (once, however often it is delivered), the line and status take the event's progress snapshot
 * (only if newer than the stored one), and a finally approved document gets its number.
 */
@Component
public class RecordRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.step-activated}},{{erp.topics.decided}},{{erp.topics.completed}},{{erp.topics.rejected}}"
                + "?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.record").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .setVariable("event", body())
                .bean("approvalDocuments", "recordUpdates")
                .to("{{erp.approval-request.approvals}}&operation=bulkWrite")
                .filter(simple("${variable.event.type} == '" + EventType.COMPLETED.id() + "'"))
                    .setBody(simple("${variable.event.approvalId}"))
                    .to("{{erp.approval-request.approvals}}&operation=findById")
                    .filter(simple("${body[number]} == null"))
                        .bean("approvalDocuments", "nextNumber(${variable.event}, ${body[type]})")
                        .setHeader(MongoDbConstants.UPSERT, constant(true))
                        .setHeader(MongoDbConstants.RETURN_DOCUMENT, constant(com.mongodb.client.model.ReturnDocument.AFTER))
                        .to("{{erp.approval-request.counters}}&operation=findOneAndUpdate")
                        .bean("approvalDocuments", "numberUpdate(${variable.event}, ${body})")
                        .to("{{erp.approval-request.approvals}}&operation=update")
                    .end()
                .end();
    }
}
