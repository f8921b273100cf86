package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 결재선 미리보기: the line a document of a form and size would go if the caller submitted it now without naming
 * approvers: the org chart's default line from employee-service, cut by the 위임전결 rules (bean {@code submissions}),
 * as submitting does. The drafting page shows it while the form is filled in.
 */
@Component
public class ApprovalLineRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getApprovalLine").routeId("approval-request.line-preview").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("employeeDirectory", "defaultLine(${variable.caller.id}, ${variable.callerToken})")
                .bean("submissions", "preview(${header.type}, ${header.amount}, ${header.leaveKind}, ${header.startDate}, "
                        + "${header.endDate}, ${body})")
                .removeHeaders("*");
    }
}
