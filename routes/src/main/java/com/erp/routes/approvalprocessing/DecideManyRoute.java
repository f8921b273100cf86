package com.erp.routes.approvalprocessing;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.AggregationStrategies;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 일괄결재: the caller approves (or rejects, with one reason) several documents of their inbox at once. Each item is the decision the decide
 * route makes ({@link DecideRoute#DECIDE}), one after the other, so the rules and the handling of concurrent changes
 * are the same as for a single decision; an item's refusal is that item's outcome, not the request's failure.
 */
@Component
public class DecideManyRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:decideApprovals").routeId("approval-processing.decide-many")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("bulkDecisions", "check")
                .setVariable("bulk", body())
                .setVariable("deadline", method("bulkDecisions", "deadline"))
                .split(simple("${body.items}"), AggregationStrategies.groupedBody())
                    .setVariable("item", body())
                    .setHeader("approvalId", simple("${body.approvalId}"))
                    .doTry()
                        // past the request's budget an item is not started (503): each waits for Kafka, and the
                        // caller should get an answer before the HTTP request's own timeout rather than none
                        .setBody(method("bulkDecisions", "request(${variable.bulk}, ${variable.item}, ${variable.deadline})"))
                        .to(DecideRoute.DECIDE)
                        .setBody(method("bulkDecisions", "decided(${variable.item}, ${body})"))
                    .doCatch(Exception.class)
                        .setBody(method("bulkDecisions", "refused(${variable.item}, ${exception})"))
                    .end()
                .end()
                .removeHeaders("*")
                .bean("bulkDecisions", "result(${body})");
    }
}
