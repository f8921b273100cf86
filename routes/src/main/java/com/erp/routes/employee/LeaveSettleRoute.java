package com.erp.routes.employee;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Settle leave (the saga's last step): when a leave document is approved its reserved days are used; when it is
 * rejected or withdrawn they are free again, and so are the days of an approved leave cancelled (휴가 취소), whose
 * check-ins, if any, then count toward earned leave, as those made on an approved leave's days before its approval no
 * longer do (bean {@code leaveLedger}, then {@code attendanceBook}; other documents hold nothing and are passed over).
 */
@Component
public class LeaveSettleRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("kafka:{{erp.topics.completed}},{{erp.topics.rejected}},{{erp.topics.withdrawn}},{{erp.topics.leave-cancelled}}"
                + "?groupId={{erp.employee.group-id}}")
                .routeId("employee.settle-leave").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .bean("leaveLedger", "settle")
                // the days checked in on it: a leave approved, they count toward earned leave no more; cancelled after
                // it began, they count after all
                .bean("attendanceBook", "leaveSettled");
    }
}
