package com.erp.routes.approvalprocessing;

import com.erp.routes.common.events.DelegationEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * 대결: each delegation employee-service publishes is kept in Redis (bean {@code delegations}), where deciding and the
 * inbox find it: the deputy may decide the approver's active steps and sees them in their inbox. Each instance reads
 * them from memory; the refresh route brings it the changes another instance applied.
 */
@Component
public class DelegationsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.delegation-changed}}?groupId={{erp.approval-processing.group-id}}")
                .routeId("approval-processing.delegations").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, DelegationEvent.class)
                .bean("delegations", "apply")
                .bean("redisReplication", "await");

        from("timer:delegations-refresh?period={{erp.approval-processing.delegations-refresh-ms}}&delay=0")
                .routeId("approval-processing.delegations-refresh")
                // Redis away: what was read last stays in force, and the next tick tries again
                .onException(Exception.class).handled(true)
                    .log(LoggingLevel.WARN, "delegations not refreshed: ${exception.message}")
                .end()
                .bean("delegations", "refresh");
    }
}
