package com.erp.routes.notification;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Notify: each approval event becomes notifications for the people concerned (bean {@code recipients}), which
 * are stored in their inboxes in Redis (newest first, the last {@code keep}, with an unread count) and published
 * on the pub/sub channel, from which every instance delivers them to its own WebSocket sessions of that user
 * (notification.deliver). Bean {@code notificationStore} does it in one Lua script per event: all or nothing,
 * each notification only once however often the event is redelivered.
 */
@Component
public class NotifyRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.step-activated}},{{erp.topics.decided}},{{erp.topics.completed}},{{erp.topics.rejected}},"
                + "{{erp.topics.withdrawn}},{{erp.topics.leave-refused}},{{erp.topics.commented}},"
                + "{{erp.topics.line-changed}},{{erp.topics.received}},{{erp.topics.leave-cancelled}}"
                + "?groupId={{erp.notification.group-id}}")
                .routeId("notification.notify").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .bean("recipients", "notificationsFor")
                .bean("notificationStore", "store")
                // consumed (its offset committed) once Redis's replicas hold the notifications (redelivered, the store
                // skips what it has: nobody is told twice)
                .bean("redisReplication", "await");
    }
}
