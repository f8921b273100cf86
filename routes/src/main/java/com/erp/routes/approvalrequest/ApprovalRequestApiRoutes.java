package com.erp.routes.approvalrequest;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The approval-request contract, contract-first: each operation goes to {@code direct:<operationId>}. */
@Component
public class ApprovalRequestApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().openApi()
                .specification("openapi/approval-request-api.yaml?bindingPackageScan=com.erp.approvalrequest.api")
                .missingOperation("fail")
                .routeId("approval-request.api");
    }
}
