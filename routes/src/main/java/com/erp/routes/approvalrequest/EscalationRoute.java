package com.erp.routes.approvalrequest;

import com.erp.routes.common.events.ReminderEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Escalation: a reminder approval-processing escalated (the step waited {@code reminders.escalate-after}) names the
 * superiors of whoever it waits on; they are kept on the document (bean {@code approvalDocuments}), so the one told
 * may open it and comment. Other reminders change nothing here.
 */
@Component
public class EscalationRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.reminded}}?groupId={{erp.approval-request.group-id}}")
                .routeId("approval-request.escalations").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ReminderEvent.class)
                .filter(simple("${body.escalatedTo} != null"))
                    .removeHeaders("*")
                    .bean("approvalDocuments", "escalationUpdates")
                    .to("{{erp.approval-request.approvals}}&operation=bulkWrite")
                .end();
    }
}
