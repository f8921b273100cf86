package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * 대결: each delegation employee-service publishes is copied to MongoDB (bean {@code delegationReplica}), so that the
 * deputy of the approver whose step is active may read the document they are to decide. Only an event newer than the
 * copy (by its revision) changes it.
 */
@Component
public class DelegationReplicaRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.delegation-changed}}?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.delegations").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, DelegationEvent.class)
                .setVariable("event", body())
                .removeHeaders("*")
                .setBody(simple("${variable.event.approver.id}"))
                .to("{{erp.approval-request.delegations}}&operation=findById")
                .setBody(method("delegationReplica", "update(${variable.event}, ${body})"))
                // an older event than the one kept changes nothing
                .filter(body().isNotNull())
                    .setHeader(MongoDbConstants.UPSERT, constant(true))
                    .to("{{erp.approval-request.delegations}}&operation=update")
                .end();
    }
}
