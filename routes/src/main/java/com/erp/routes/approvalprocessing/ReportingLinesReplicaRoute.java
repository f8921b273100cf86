package com.erp.routes.approvalprocessing;

import com.erp.routes.common.events.ReportingLines;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * The org chart's reporting lines employee-service publishes are kept in Redis (bean {@code reportingLines}), where
 * reminders find whom a step waiting too long escalates to (독촉 → the superiors of whoever it waits on).
 */
@Component
public class ReportingLinesReplicaRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.reporting-lines}}?groupId={{erp.approval-processing.group-id}}")
                .routeId("approval-processing.reporting-lines").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ReportingLines.class)
                .bean("reportingLines", "apply")
                .bean("redisReplication", "await");
    }
}
