package com.erp.routes.approvalprocessing;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * Withdraw (회수): the drafter takes back a document still in progress. The rules (bean workflow) check that the
 * caller is its drafter; like a decision, the change is stored only if nobody changed the document meanwhile, so
 * a withdrawal and a decision arriving together cannot both win (the loser gets 409). Its event
 * ({@code approval.withdrawn}) is published.
 */
@Component
public class WithdrawRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:withdrawApproval").routeId("approval-processing.withdraw").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${header.approvalId}"))
                .to("{{erp.approval-processing.redis}}")
                .bean("approvalStore", "state")
                .bean("workflow", "withdraw(${body}, ${header.approvalId}, ${variable.request}, ${variable.caller})")
                .bean("approvalStore", "commit")
                .setVariable("transition", body())
                .to(ProcessingOutboxRoute.PUBLISH)
                .removeHeaders("*")
                .bean("workflow", "withdrawal(${variable.transition})");
    }
}
