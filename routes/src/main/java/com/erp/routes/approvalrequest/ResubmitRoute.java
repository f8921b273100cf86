package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * Resubmit (재기안): the drafter submits a rejected or withdrawn document again, as a new document with the old one's
 * content and what the request changes. The new document is drafted like any submission (same rules), then the old
 * one is claimed for it (once: a racing resubmission finds it claimed, 409), then the new one is stored; if storing
 * fails, the claim is undone. It always goes the asynchronous way.
 */
@Component
public class ResubmitRoute extends RouteBuilder {

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
                .bean("approvalDocuments", "claimResubmission")
                .to("{{erp.approval-request.approvals}}&operation=update")
                .bean("approvalDocuments", "claimed(${header." + MongoDbConstants.RECORDS_MATCHED + "})")
                .removeHeaders("CamelMongoDb*")
                .doTry()
                    .setBody(variable("approval"))
                    .bean("approvalDocuments", "newDocument")
                    .setVariable("document", body())
                    .to("{{erp.approval-request.approvals}}&operation=insert").id("store-resubmission")
                .doCatch(Exception.class)
                    .setVariable("failure", exchangeProperty(Exchange.EXCEPTION_CAUGHT))
                    .setBody(variable("approval"))
                    .bean("approvalDocuments", "releaseResubmission")
                    .removeHeaders("CamelMongoDb*")
                    .to("{{erp.approval-request.approvals}}&operation=update")
                    .process(e -> {
                        throw e.getVariable("failure", Exception.class);
                    })
                .end()
                .removeHeaders("CamelMongoDb*")
                .to(SubmitRoute.DISPATCH_ASYNC);
    }
}
