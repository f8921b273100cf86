package com.erp.routes.notification;

import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Notify about reminders (독촉): each {@code approval.reminded} becomes a notification for whoever must still decide
 * the step and their deputies (bean {@code recipients}), stored and delivered like the others.
 */
@Component
public class ReminderNotifyRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.reminded}}?groupId={{erp.notification.group-id}}")
                .routeId("notification.notify-reminder").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ReminderEvent.class)
                .bean("recipients", "reminderNotificationsFor")
                .bean("notificationStore", "store")
                .bean("redisReplication", "await");
    }
}
