package com.erp.routes.notification;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Notify: each approval event becomes notifications for the people concerned (bean recipients). Each is stored
 * in its recipient's inbox in Redis (newest first, the last {@code keep}, with an unread count) and published
 * on the pub/sub channel, from which every instance delivers it to its own WebSocket sessions of that user.
 */
@Component
public class NotifyRoute extends RouteBuilder {

    @Override
    public void configure() {
        String redis = "{{erp.notification.redis}}";
        int lastKept = Integer.parseInt(getCamelContext().resolvePropertyPlaceholders("{{erp.notification.keep}}")) - 1;
        from("kafka:{{erp.topics.step-activated}},{{erp.topics.decided}},{{erp.topics.completed}},{{erp.topics.rejected}}"
                + "?groupId={{erp.notification.group-id}}")
                .routeId("notification.notify").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .split(method("recipients", "notificationsFor"))
                    .idempotentConsumer(simple("${body.notification.id}")).idempotentRepository("notifiedRepository")
                        .setVariable("delivery", body())
                        .setVariable("inbox", simple("erp:notifications:${body.userId}"))
                        .setHeader(RedisConstants.COMMAND, constant("LPUSH"))
                        .setHeader(RedisConstants.KEY, variable("inbox"))
                        .setHeader(RedisConstants.VALUE, method("notificationViews", "toJson(${variable.delivery.notification})"))
                        .to(redis)
                        .setHeader(RedisConstants.COMMAND, constant("LTRIM"))
                        .setHeader(RedisConstants.START, constant(0))
                        .setHeader(RedisConstants.END, constant(lastKept))
                        .to(redis)
                        .setHeader(RedisConstants.COMMAND, constant("INCR"))
                        .setHeader(RedisConstants.KEY, simple("${variable.inbox}:unread"))
                        .to(redis)
                        .setHeader(RedisConstants.COMMAND, constant("PUBLISH"))
                        .setHeader(RedisConstants.CHANNEL, simple("{{erp.notification.channel}}"))
                        .setHeader(RedisConstants.MESSAGE, method("notificationViews", "toJson(${variable.delivery})"))
                        .to(redis)
                    .end()
                .end();
    }
}
