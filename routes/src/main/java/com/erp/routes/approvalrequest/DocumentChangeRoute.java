package com.erp.routes.approvalrequest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * A change approval-request makes to a stored document itself (접수, 휴가 취소), given as variable {@code change} (bean
 * approvalDocuments' PendingChange): one conditional update that also puts its event in the document's outbox, 409 when
 * the condition no longer holds (another change came first: nobody is told twice), the event published from the
 * outbox's queue, and the answer the document as the caller (variable {@code caller}) now sees it. Each MongoDB call's
 * headers are removed after it, so none steers the next one.
 */
@Component
public class DocumentChangeRoute extends RouteBuilder {

    static final String CHANGE = "direct:approval-request.change";

    @Override
    public void configure() {
        from(CHANGE).routeId("approval-request.change").errorHandler(noErrorHandler())
                .setBody(method("approvalDocuments", "changeUpdate(${variable.change})"))
                .to("{{erp.approval-request.approvals}}&operation=update")
                .bean("approvalDocuments", "changeKept(${variable.change}, ${body.modifiedCount})")
                .removeHeaders("CamelMongoDb*")
                .setBody(method("approvalDocuments", "changeOutbox(${variable.change})"))
                .to(OutboxRelayRoute.PUBLISH_DETACHED)
                .removeHeaders("CamelMongoDb*")
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .bean("approvalDocuments", "changed(${body}, ${variable.caller})");
    }
}
