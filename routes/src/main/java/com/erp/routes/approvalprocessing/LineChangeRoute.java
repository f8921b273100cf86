package com.erp.routes.approvalprocessing;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * 결재선 변경: the drafter puts other people on steps of a document in progress that nobody has decided yet. Once the
 * caller is known to be its drafter, the new people are looked up in the org chart (bean lineChanges, with the
 * drafter's token: only active employees); then the change is made like a decision: the rules (bean workflow) judge it against the document as it is, and it
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
                .setVariable("request", body())
                // who may not change it (or a document not in processing) learns that before anyone is looked up
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${header.approvalId}"))
                .to("{{erp.approval-processing.redis}}")
                .bean("approvalStore", "state")
                .bean("workflow", "mayChangeLine(${body}, ${header.approvalId}, ${variable.caller})")
                .setBody(method("lineChanges", "resolve(${variable.request}, ${variable.caller.id}, ${variable.callerToken})"))
                .to(changeOf(ROUTE_ID));
        change(ROUTE_ID, "changeLine", "lineChange(${variable.transition})");
    }
}
