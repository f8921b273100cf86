package com.erp.routes.notification;

import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * The org chart employee-service publishes is kept in Redis (bean {@code departmentHeads}), where notification finds
 * who heads a receiving department (수신처) now: the head told of a document sent to it, of a comment on it, and of
 * who acknowledged it.
 */
@Component
public class ReportingLinesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.reporting-lines}}?groupId={{erp.notification.group-id}}")
                .routeId("notification.reporting-lines").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ReportingLines.class)
                .bean("departmentHeads", "apply")
                .bean("redisReplication", "await");
    }
}
