package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/** The quest board read (camel-jpa named queries, shaped by bean {@code questViews}): the list and one quest. */
@Component
public class QuestQueryRoutes extends RouteBuilder {

    /** Header questId -> body: the quest as the contract shows it (also the answer of every change). */
    static final String VIEW = "direct:employee.quest-view";

    @Override
    public void configure() {
        from("direct:listQuests").routeId("employee.quests").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf(
                        "status", method("questViews", "status(${header.status})"),
                        "mine", method("questViews", "mine(${header.mine})"),
                        "me", simple("${variable.caller.id}", Long.class)))
                .to("jpa:com.erp.employee.domain.Quest?namedQuery=Quest.list&maximumResults=200")
                .bean("questViews", "list(${body}, ${variable.caller})");

        from("direct:getQuest").routeId("employee.quest").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(VIEW);

        from(VIEW).routeId("employee.quest-view").errorHandler(noErrorHandler())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${header.questId}", Long.class)))
                .to("jpa:com.erp.employee.domain.Quest?namedQuery=Quest.byId")
                .bean("questViews", "one(${body}, ${variable.caller})");
    }
}
