package com.erp.routes.notification;

import com.erp.routes.common.events.QuestEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Notify about quests: each change employee-service publishes becomes notifications for the people concerned
 * (bean {@code recipients}), stored and delivered like those about documents (bean {@code notificationStore}).
 */
@Component
public class QuestNotifyRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.quest-changed}}?groupId={{erp.notification.group-id}}")
                .routeId("notification.notify-quest").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, QuestEvent.class)
                .bean("recipients", "questNotificationsFor")
                .bean("notificationStore", "store")
                .bean("redisReplication", "await");
    }
}
