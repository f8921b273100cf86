package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Reading and switching the dispatch mode (switching: administrators only), and the no-op submission the
 * load suite measures the HTTP stack's own limit with.
 */
@Component
public class DispatchModeRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getDispatchMode").routeId("approval-request.dispatch-mode").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .removeHeaders("*")
                .bean("dispatchMode", "currentFor(${variable.caller})");

        from("direct:setDispatchMode").routeId("approval-request.switch-dispatch-mode")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .removeHeaders("*")
                .bean("syncDispatch", "switchTo(${body.mode}, ${variable.caller})")
                .log("dispatch mode switched to ${body.mode} by ${variable.caller.username}");

        // the mode is the service's, kept in MongoDB: each instance takes the one in force, which another instance
        // may have switched (DispatchMode.refresh)
        from("timer:dispatch-mode-refresh?delay={{erp.approval-request.sync.mode-refresh-ms}}"
                + "&period={{erp.approval-request.sync.mode-refresh-ms}}")
                .routeId("approval-request.dispatch-mode-refresh")
                .bean("dispatchMode", "refresh");

        from("direct:noopSubmit").routeId("approval-request.noop").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .bean("submissions", "accepted('noop')");
    }
}
