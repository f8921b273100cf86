package com.erp.routes.approvalprocessing;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.springframework.stereotype.Component;

/**
 * 결재선 변경: the drafter puts other people on steps of a document in progress that nobody has decided yet. The new
 * people are looked up in the org chart first (bean lineChanges, with the drafter's token: only active employees);
 * then the change is made like a decision: the rules (bean workflow) judge it against the document as it is, and it
 * is stored only if nobody changed the document meanwhile. {@code approval.line-changed} is published, and when the
 * active step changed, {@code approval.step-activated} for its new people.
 */
@Component
public class LineChangeRoute extends StateChangeRoute {

    public static final String ROUTE_ID = "approval-processing.change-line";

    @Override
    public void configure() {
        from("direct:changeApprovalLine").routeId(ROUTE_ID).routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("lineChanges", "resolve(${body}, ${variable.callerToken})")
                .to(changeOf(ROUTE_ID));
        change(ROUTE_ID, "changeLine", "lineChange(${variable.transition})");
    }
}
