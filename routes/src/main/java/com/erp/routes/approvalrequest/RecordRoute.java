package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Record: every event of approval-processing updates the document in MongoDB. The history gets the event
 * (once, however often it is delivered), the line and status take the event's progress snapshot (only if newer
 * than the stored one), and a finally approved document gets its number in the same write. The route reads the
 * document, decides ({@code approvalDocuments.recordPlan}) and writes under the version it read, by index; a
 * write that finds the version changed (another consumer of the same document, during a rebalance) reads again.
 */
@Component
public class RecordRoute extends RouteBuilder {

    private static final String APPROVALS = "{{erp.approval-request.approvals}}";

    @Override
    public void configure() {
        from("kafka:{{erp.topics.step-activated}},{{erp.topics.decided}},{{erp.topics.completed}},{{erp.topics.rejected}}"
                + "?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.record").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .setVariable("event", body())
                .setVariable("recorded", constant(false))
                .loopDoWhile(simple("${variable.recorded} == false"))
                    .setBody(simple("${variable.event.approvalId}"))
                    .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalDocuments", "recordFields"))
                    .to(APPROVALS + "&operation=findById")
                    .removeHeader(MongoDbConstants.FIELDS_PROJECTION)
                    .setVariable("plan", method("approvalDocuments",
                            "recordPlan(${variable.event}, ${body}, ${exchangeProperty.CamelLoopIndex})"))
                    .choice()
                        .when(method("approvalDocuments", "nothingToDo(${variable.plan})"))
                            .setVariable("recorded", constant(true))
                        .otherwise()
                            .removeVariable("counter")
                            .filter(method("approvalDocuments", "takesNumber(${variable.plan})"))
                                .bean("approvalDocuments", "nextNumber(${variable.event}, ${variable.plan})")
                                .setHeader(MongoDbConstants.UPSERT, constant(true))
                                .setHeader(MongoDbConstants.RETURN_DOCUMENT,
                                        constant(com.mongodb.client.model.ReturnDocument.AFTER))
                                .to("{{erp.approval-request.counters}}&operation=findOneAndUpdate")
                                .removeHeaders("CamelMongoDb*")
                                .setVariable("counter", body())
                            .end()
                            .bean("approvalDocuments", "recordUpdate(${variable.event}, ${variable.plan}, ${variable.counter})")
                            .to(APPROVALS + "&operation=update")
                            .setVariable("recorded", simple("${header." + MongoDbConstants.RECORDS_MATCHED + "} > 0"))
                    .end()
                .end();
    }
}
