package com.erp.routes.approvalprocessing;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * Decide: the caller approves or rejects the active step. The rules (bean workflow) check that the caller is
 * that step's approver; the change is stored only if nobody changed the document meanwhile (else 409), and
 * its events ({@code approval.decided}, then {@code approval.step-activated}, {@code approval.completed} or
 * {@code approval.rejected}) are published.
 */
@Component
public class DecideRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:decideApproval").routeId("approval-processing.decide").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${header.approvalId}"))
                .to("{{erp.approval-processing.redis}}")
                .bean("approvalStore", "state")
                .bean("workflow", "decide(${body}, ${header.approvalId}, ${variable.request}, ${variable.caller})")
                .bean("approvalStore", "commit")
                .setVariable("transition", body())
                .to(ProcessingOutboxRoute.PUBLISH)
                .removeHeaders("*")
                .bean("workflow", "result(${variable.transition}, ${variable.request})");
    }
}
