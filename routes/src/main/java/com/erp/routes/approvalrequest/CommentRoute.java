package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 의견: whoever may read a document comments on it. The comment and its {@code approval.commented} event are one
 * update of the document (the event in its outbox), so the people concerned are told exactly when the comment is
 * kept; the event is published from the outbox's queue, the relay publishes it if Kafka is away. A comment sent again
 * with its {@code Idempotency-Key} is answered with the one kept the first time, and nobody is told twice.
 */
@Component
public class CommentRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:commentOnApproval").routeId("approval-request.comment").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .to(DocumentQueryRoutes.READ)
                .setVariable("comment", method("approvalDocuments", "comment(${variable.document}, ${variable.caller}, "
                        + "${variable.deputy}, ${variable.request}, ${header[Idempotency-Key]})"))
                .filter(simple("${variable.comment.replayed} == false"))
                    .setBody(method("approvalDocuments", "commentUpdate(${variable.comment})"))
                    .to("{{erp.approval-request.approvals}}&operation=update")
                    .setVariable("modified", simple("${body.modifiedCount}"))
                    // not kept: the document as it is now says why (the same key kept at once, 500 comments, or
                    // the author's limit reached by comments sent at the same moment)
                    .filter(simple("${variable.modified} == 0"))
                        .removeHeaders("CamelMongoDb*")
                        .setBody(header("approvalId"))
                        .to("{{erp.approval-request.approvals}}&operation=findById")
                        .setVariable("document", body())
                    .end()
                    .filter(method("approvalDocuments", "commentKept(${variable.modified}, ${variable.comment}, "
                            + "${variable.document})"))
                        .setBody(method("approvalDocuments", "commentOutbox(${variable.comment})"))
                        .to(OutboxRelayRoute.PUBLISH_DETACHED)
                    .end()
                .end()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .bean("approvalDocuments", "commentView(${variable.comment})");
    }
}
