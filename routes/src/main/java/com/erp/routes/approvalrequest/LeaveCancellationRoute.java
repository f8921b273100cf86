package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 휴가 취소: the drafter cancels an approved leave before its first day (an administrator at any time). The rules (bean
 * approvalDocuments) say who may and when; the status, its history entry and the {@code approval.leave-cancelled} event
 * (in the outbox) are one conditional update of the document ({@link DocumentChangeRoute}), so a second cancellation,
 * even at the same moment, is refused (409) and nothing happens twice. From the event employee-service gives the days
 * back and notification tells the people concerned. The answer is the document as the caller now sees it.
 */
@Component
public class LeaveCancellationRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:cancelLeave").routeId("approval-request.cancel-leave").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .setVariable("change", method("approvalDocuments",
                        "leaveCancellation(${body}, ${variable.caller}, ${variable.request})"))
                .to(DocumentChangeRoute.CHANGE);
    }
}
