package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * 대결: each delegation employee-service publishes is copied to MongoDB (bean {@code delegationReplica}), so that the
 * deputy of the approver whose step is active may read the document they are to decide. Only an event newer than the
 * copy (by its revision) changes it, decided by the store in the one conditional upsert: a read first and a write
 * after let an old event, redelivered to a second consumer during a rebalance, overwrite a newer one written between.
 */
@Component
public class DelegationReplicaRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.delegation-changed}}?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.delegations").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, DelegationEvent.class)
                .removeHeaders("*")
                .setBody(method("delegationReplica", "update(${body})"))
                .setHeader(MongoDbConstants.UPSERT, constant(true))
                .doTry()
                    .to("{{erp.approval-request.delegations}}&operation=update")
                // the copy is as new or newer: the upsert's filter missed it and the insert met its id
                .doCatch(Exception.class).onWhen(MongoFailures::duplicateKey)
                    .log(LoggingLevel.DEBUG, "an older delegation event than the copy: nothing changed")
                .end();
    }
}
