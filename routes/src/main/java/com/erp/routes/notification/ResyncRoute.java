package com.erp.routes.notification;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Resync: tells every page connected to this instance to catch up from its stored inbox. Sent when the notification
 * channel is subscribed again (Redis restarted, the connection dropped, notification.deliver restarted): pub/sub keeps
 * nothing, so what was published in between reached no one here, while the inbox has all of it.
 */
@Component
public class ResyncRoute extends RouteBuilder {

    /** The message: not a notification, a request to reload the inbox and what the page shows. */
    public static final String MESSAGE = "{\"type\":\"RESYNC\"}";
    public static final String URI = "direct:notification.resync";

    @Override
    public void configure() {
        from(URI).routeId("notification.resync")
                .setBody(constant(MESSAGE))
                .to("websocket-jsr356:{{erp.notification.ws-path}}?sendToAll=true")
                .log("asked ${header.CamelWebsocketJsr356Sent} connected pages to catch up from their inbox");
    }
}
