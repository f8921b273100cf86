package com.erp.routes.employee;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventType;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Reserve leave (the first step of a leave document's saga): a submitted leave document holds its days in the
 * drafter's leave account (bean {@code leaveLedger}), or is refused when fewer are left. The answer is published,
 * keyed by the document: {@code approval.leave-reserved} lets approval-processing start it along its line,
 * {@code approval.leave-refused} rejects it before anyone on the line is asked. The ledger gives the same answer to a
 * redelivered submission, so a crash between its commit and the publication only publishes it again.
 */
@Component
public class LeaveReserveRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.submitted}}?groupId={{erp.employee.group-id}}")
                .routeId("employee.reserve-leave").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .filter(method("leaveLedger", "isLeave"))
                    .bean("leaveLedger", "reserve")
                    // nothing to answer: the document ended and was settled before this delivery (a replay)
                    .filter(body().isNotNull())
                    .setVariable("answer", body())
                    .removeHeaders("*")
                    .setHeader(KafkaConstants.KEY, simple("${variable.answer.approvalId}"))
                    .marshal().json(JsonLibrary.Jackson)
                    .choice()
                        .when(e -> e.getVariable("answer", ApprovalEvent.class).eventType() == EventType.LEAVE_RESERVED)
                            .to("kafka:{{erp.topics.leave-reserved}}")
                        .otherwise()
                            .to("kafka:{{erp.topics.leave-refused}}")
                    .end()
                    .end()
                .end();
    }
}
