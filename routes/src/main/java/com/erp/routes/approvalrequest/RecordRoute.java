package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import com.mongodb.client.model.ReturnDocument;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Record: every event of approval-processing (and the leave ledger's answer to a leave document) updates the document
 * in MongoDB, in one bulk write. The history
 * gets the event (once, however often it is delivered), the line and status take the event's progress snapshot
 * (only if newer than the stored one), and a line change (결재선 변경) also the line's people. A snapshot that approves the document first gets the document's number
 * (route {@value #NUMBER}), and the same write that shows the status shows the number.
 */
@Component
public class RecordRoute extends RouteBuilder {

    static final String NUMBER = "direct:approval-request.number";

    @Override
    public void configure() {
        from("kafka:{{erp.topics.step-activated}},{{erp.topics.decided}},{{erp.topics.completed}},{{erp.topics.rejected}},"
                + "{{erp.topics.withdrawn}},{{erp.topics.leave-reserved}},{{erp.topics.leave-refused}},"
                + "{{erp.topics.line-changed}}?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.record").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .setVariable("event", body())
                .filter(method("approvalDocuments", "approves(${variable.event})"))
                    .to(NUMBER)
                .end()
                .bean("approvalDocuments", "recordUpdates(${variable.event}, ${variable.number})")
                .to("{{erp.approval-request.approvals}}&operation=bulkWrite");

        // Sets variable number: the one the document has or has claimed. If it has none, a new one from the form's
        // counter is claimed on the document (first claim wins: two deliveries recorded at once agree on it, the
        // loser's number is skipped) and the document read again, which then has a claim, ours or the other's.
        // Each MongoDB call's headers are removed after it, so none steers the next one. Its failures are the
        // consumer's (retried in place, or dead-lettered): no error handler of its own, whose default one would mark
        // them handled, so that the consumer's would not see them.
        from(NUMBER).routeId("approval-request.number").errorHandler(noErrorHandler())
                .setBody(simple("${variable.event.approvalId}"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalDocuments", "numberFields"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .removeHeaders("CamelMongoDb*")
                .setVariable("number", method("approvalDocuments", "numberOf"))
                .filter(simple("${variable.number} == null && ${body} != null"))
                    .bean("approvalDocuments", "nextNumber(${variable.event}, ${body[type]})")
                    .setHeader(MongoDbConstants.UPSERT, constant(true))
                    .setHeader(MongoDbConstants.RETURN_DOCUMENT, constant(ReturnDocument.AFTER))
                    .to("{{erp.approval-request.counters}}&operation=findOneAndUpdate").id("take-number")
                    .removeHeaders("CamelMongoDb*")
                    .bean("approvalDocuments", "claimNumber(${variable.event}, ${body})")
                    .to("{{erp.approval-request.approvals}}&operation=update")
                    .removeHeaders("CamelMongoDb*")
                    .to(NUMBER)
                .end();
    }
}
