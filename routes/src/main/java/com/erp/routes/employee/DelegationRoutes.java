package com.erp.routes.employee;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 대결: the caller's delegation (who decides for them while they are away) and the ones that make them a deputy;
 * setting and ending their own (bean {@code delegationDesk}, which checks the rules and writes the change to the outbox).
 */
@Component
public class DelegationRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getDelegations").routeId("employee.delegations").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("delegationDesk", "view(${variable.caller})");

        from("direct:setMyDelegation").routeId("employee.set-delegation").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("delegationDesk", "set(${body}, ${variable.caller})");

        from("direct:endMyDelegation").routeId("employee.end-delegation").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("delegationDesk", "end(${variable.caller})")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));
    }
}
