package com.erp.routes.employee;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 자주 쓰는 결재선: each person's saved approval lines (bean {@code savedLines}, which checks them by the rules of every
 * submitted line and finds only the caller's). No Kafka: a saved line concerns nobody else until a document uses it.
 */
@Component
public class SavedLineRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:listMyApprovalLines").routeId("employee.saved-lines").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("savedLines", "list(${variable.caller})");

        from("direct:saveNewApprovalLine").routeId("employee.saved-line-new").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("savedLines", "create(${body}, ${variable.caller})")
                .removeHeaders("*")
                .setHeader("Location", method("savedLines", "location"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));

        from("direct:saveApprovalLine").routeId("employee.saved-line-save").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("savedLines", "save(${header.lineId}, ${body}, ${variable.caller})");

        from("direct:deleteApprovalLine").routeId("employee.saved-line-delete").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("savedLines", "delete(${header.lineId}, ${variable.caller})")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));
    }
}
