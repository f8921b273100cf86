package com.erp.routes.approvalprocessing;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The approval-processing contract, contract-first: each operation goes to {@code direct:<operationId>}. */
@Component
public class ProcessingApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().openApi()
                .specification("openapi/approval-processing-api.yaml?bindingPackageScan=com.erp.approvalprocessing.api")
                .missingOperation("fail")
                .routeId("approval-processing.api");
    }
}
