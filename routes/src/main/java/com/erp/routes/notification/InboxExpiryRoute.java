package com.erp.routes.notification;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Once a while after start: inboxes and unread counters without an expiry, kept from before every notification stored
 * set one, get it ({@code erp.notification.inbox-kept}, bean {@code notificationStore}), so those of people who left
 * long ago lapse like the rest. A SCAN of the notification keys and a TTL per inbox, once per start of an instance
 * (instances starting together do the same work, harmlessly).
 */
@Component
public class InboxExpiryRoute extends RouteBuilder {

    public static final String EXPIRE = "direct:notification.inboxes-expiry";

    @Override
    public void configure() {
        from("timer:notification-inboxes-expiry?repeatCount=1&delay={{erp.notification.inbox-expiry-delay-ms}}")
                .routeId("notification.inboxes-expiry-at-start")
                .to(EXPIRE);

        from(EXPIRE).routeId("notification.inboxes-expiry")
                .bean("notificationStore", "expireKeptForGood")
                .filter(simple("${body} > 0"))
                    .log("${body} inbox(es) and unread counter(s) kept for good lapse from now on, after "
                            + "{{erp.notification.inbox-kept}}");
    }
}
