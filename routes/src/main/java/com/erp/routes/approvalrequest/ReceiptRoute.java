package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 접수: a receiver (수신) acknowledges an approved document sent to them. The rules (bean approvalDocuments) say who
 * may and when; the receipt and its history entry are one conditional update of the document, so a second receipt,
 * even at the same moment, is refused (409). The answer is the document as the receiver now sees it.
 */
@Component
public class ReceiptRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:receiveApproval").routeId("approval-request.receive").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .bean("approvalDocuments", "receipt(${body}, ${variable.caller})")
                .to("{{erp.approval-request.approvals}}&operation=update")
                .setVariable("modified", simple("${body.modifiedCount}"))
                .removeHeaders("CamelMongoDb*")
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .bean("approvalDocuments", "received(${body}, ${variable.caller}, ${variable.modified})");
    }
}
