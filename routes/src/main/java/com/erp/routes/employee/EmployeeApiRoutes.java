package com.erp.routes.employee;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The employee contract, served contract-first: each operation of {@code openapi/employee-api.yaml} goes to
 * {@code direct:<operationId>}; requests are validated against the contract first, and bodies are bound to
 * the records in {@code com.erp.employee.api}.
 */
@Component
public class EmployeeApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().openApi()
                .specification("openapi/employee-api.yaml?bindingPackageScan=com.erp.employee.api")
                .missingOperation("fail")
                .routeId("employee.api");
    }
}
