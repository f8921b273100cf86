package com.erp.routes.notification;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The notification contract, contract-first: each operation goes to {@code direct:<operationId>}. */
@Component
public class NotificationApiRoutes extends RouteBuilder {

    @Override
    public void configure() {
        rest().openApi()
                .specification("openapi/notification-api.yaml?bindingPackageScan=com.erp.notification.api")
                .missingOperation("fail")
                .routeId("notification.api");
    }
}
