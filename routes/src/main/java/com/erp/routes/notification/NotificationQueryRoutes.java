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

        from("direct:markNotificationsRead").routeId("notification.mark-read").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(RedisConstants.COMMAND, constant("SET"))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.NOTIFICATIONS + "${variable.caller.id}" + RedisKeys.UNREAD))
                .setHeader(RedisConstants.VALUE, constant("0"))
                .to(redis)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));
    }
}
