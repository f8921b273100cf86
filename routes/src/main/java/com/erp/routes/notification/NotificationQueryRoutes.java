package com.erp.routes.notification;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/** The caller's stored notifications (catch-up after being offline) and marking them read. */
@Component
public class NotificationQueryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        String redis = "{{erp.notification.redis}}";
        from("direct:listNotifications").routeId("notification.list").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("inbox", simple(RedisKeys.NOTIFICATIONS + "${variable.caller.id}"))
                .setHeader(RedisConstants.COMMAND, constant("LRANGE"))
                .setHeader(RedisConstants.KEY, variable("inbox"))
                .setHeader(RedisConstants.START, constant(0))
                .setHeader(RedisConstants.END, simple("${header.limit}--", Integer.class))
                .to(redis)
                .setVariable("items", body())
                .setHeader(RedisConstants.COMMAND, constant("GET"))
                .setHeader(RedisConstants.KEY, simple("${variable.inbox}:unread"))
                .to(redis)
                .removeHeaders("*")
                .bean("notificationViews", "list(${variable.items}, ${body})");

        // up to the newest notification the caller was shown (upTo), so that one stored since stays unread
        from("direct:markNotificationsRead").routeId("notification.mark-read").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("notificationStore", "markRead(${variable.caller.id}, ${header.upTo})")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));
    }
}
