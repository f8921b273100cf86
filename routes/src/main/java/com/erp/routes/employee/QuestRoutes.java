package com.erp.routes.employee;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Quests (퀘스트): a manager posts one, an employee takes it and reports it done, the manager who posted it approves it
 * (the reward is earned in the leave ledger, in the same transaction) or sends it back; the assignee may give it up,
 * the poster call it off until it is reported done. Each change is a rule of bean {@code questBoard} on the locked quest; the answer is the quest after it.
 */
@Component
public class QuestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:postQuest").routeId("employee.post-quest").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader("questId", method("questBoard", "post(${body}, ${variable.caller})"))
                .to(QuestQueryRoutes.VIEW)
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .setHeader("Location", simple("/api/quests/${header.questId}"));

        change("takeQuest", "employee.take-quest", "take(${header.questId}, ${variable.caller})");
        change("reportQuest", "employee.report-quest", "report(${header.questId}, ${body}, ${variable.caller})");
        change("approveQuest", "employee.approve-quest", "approve(${header.questId}, ${body}, ${variable.caller})");
        change("sendBackQuest", "employee.send-back-quest", "sendBack(${header.questId}, ${body}, ${variable.caller})");
        change("giveUpQuest", "employee.give-up-quest", "giveUp(${header.questId}, ${variable.caller})");
        change("cancelQuest", "employee.cancel-quest", "cancel(${header.questId}, ${variable.caller})");
    }

    private void change(String operationId, String routeId, String rule) {
        from("direct:" + operationId).routeId(routeId).routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("questBoard", rule)
                .to(QuestQueryRoutes.VIEW);
    }
}
