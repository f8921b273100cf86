package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Dead letters for operators (administrators only): what waits in the dead-letter topics, and replaying it once
 * the cause is mended (bean {@code deadLetterReplay}, shared by every Kafka service; served here, in the service
 * that also holds the dispatch switch).
 */
@Component
public class DeadLetterRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getDeadLetters").routeId("approval-request.dead-letters").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("topic", header("topic"))
                .setVariable("limit", header("limit"))
                .removeHeaders("*")
                .bean("deadLetterReplay", "overview(${variable.caller}, ${variable.topic}, ${variable.limit})");

        from("direct:replayDeadLetters").routeId("approval-request.replay-dead-letters")
                .routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("topic", header("topic"))
                .removeHeaders("*")
                .bean("deadLetterReplay", "replay(${variable.caller}, ${variable.topic})");
    }
}
