package com.erp.routes.notification;

import com.erp.routes.websocket.WebsocketJsr356Constants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Deliver: every instance subscribes to the notification channel and writes each notification to the
 * WebSocket sessions it holds for that user (through the project's websocket-jsr356 component). A user with no
 * session here is not an error: another instance holds it, or the stored inbox catches them up later.
 */
@Component
public class DeliverRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("{{erp.notification.subscribe}}").routeId("notification.deliver")
                .bean("notificationViews", "delivery")
                .setHeader(WebsocketJsr356Constants.USER, simple("${body.userId}"))
                .setBody(method("notificationViews", "toJson(${body.notification})"))
                .to("websocket-jsr356:{{erp.notification.ws-path}}");
    }
}
