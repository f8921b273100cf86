package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Resubmit (재기안): the drafter submits a rejected or withdrawn document again, as a new document with the old one's
 * content and what the request changes. The new document is drafted like any submission (same rules) and stored
 * with {@code resubmissionOf}, which a unique index allows once per old document: a second resubmission, racing or
 * retried, fails there (409). Then the old document is linked to it ({@code resubmittedAs}, a repeatable write; a
 * retry that finds the new document already stored, e.g. after a lost reply, links that one). It always goes the
 * asynchronous way.
 */
@Component
public class ResubmitRoute extends RouteBuilder {

    /** Resubmitted already: the old document is made to show by which one (if it does not yet), then 409. */
    static final String ALREADY = "direct:approval-request.resubmitted-already";

    @Override
    public void configure() {
        from("direct:resubmitApproval").routeId("approval-request.resubmit").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("changes", body())
                .setVariable("resubmissionOf", header("approvalId"))
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .removeHeaders("CamelMongoDb*")
                .bean("approvalDocuments", "resubmission(${body}, ${variable.caller}, ${variable.changes})")
                .setVariable("request", body())
                .to(SubmitRoute.DRAFT)
                .bean("approvalDocuments", "newDocument(${body}, ${variable.attachments})")
                .setVariable("document", body())
                .doTry()
                    .to("{{erp.approval-request.approvals}}&operation=insert").id("store-resubmission")
                .doCatch(Exception.class).onWhen(MongoFailures::duplicateKey)
                    .to(ALREADY)
                .end()
                .removeHeaders("CamelMongoDb*")
                .bean("approvalDocuments", "link(${variable.resubmissionOf}, ${variable.approval.id})")
                .to("{{erp.approval-request.approvals}}&operation=update")
                .removeHeaders("CamelMongoDb*")
                .to(SubmitRoute.DISPATCH_ASYNC);

        from(ALREADY).routeId("approval-request.resubmitted-already").errorHandler(noErrorHandler())
                .removeHeaders("CamelMongoDb*")
                .setBody(method("approvalDocuments", "resubmissionsOf(${variable.resubmissionOf})"))
                .to("{{erp.approval-request.approvals}}&operation=findOneByQuery")
                .removeHeaders("CamelMongoDb*")
                .setVariable("existing", body())
                .filter(body().isNotNull())
                    .bean("approvalDocuments", "link(${variable.resubmissionOf}, ${body[_id]})")
                    .to("{{erp.approval-request.approvals}}&operation=update")
                .end()
                .bean("approvalDocuments", "alreadyResubmitted(${variable.existing})");
    }

}
