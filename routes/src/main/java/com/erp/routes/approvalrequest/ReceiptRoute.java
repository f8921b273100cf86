package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 접수: a receiver (수신) acknowledges an approved document sent to them. The rules (bean approvalDocuments) say who
 * may and when; the receipt, its history entry and its {@code approval.received} event (in the outbox: the drafter is
 * told) are one conditional update of the document ({@link DocumentChangeRoute}), so a second receipt, even at the
 * same moment, is refused (409) and tells nobody. The answer is the document as the receiver now sees it.
 */
@Component
public class ReceiptRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:receiveApproval").routeId("approval-request.receive").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .setVariable("change", method("approvalDocuments", "receipt(${body}, ${variable.caller})"))
                .to(DocumentChangeRoute.CHANGE);
    }
}
