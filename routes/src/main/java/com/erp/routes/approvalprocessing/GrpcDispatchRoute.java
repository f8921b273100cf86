package com.erp.routes.approvalprocessing;

import com.erp.routes.common.grpc.DispatchMessages;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * The synchronous dispatch path: approval-request calls {@code ApprovalDispatch/Dispatch} over gRPC and waits.
 * The submission is activated exactly as {@code approval-processing.activate-step} does for one that comes
 * through Kafka (the same rules, the same atomic store, the same events), and the answer is the resulting
 * state. A dispatch of a document that is already active answers its current state.
 */
@Component
public class GrpcDispatchRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("grpc://{{erp.approval-processing.grpc.host}}:{{erp.approval-processing.grpc.port}}"
                + "/com.erp.routes.grpc.ApprovalDispatch?synchronous=true")
                .routeId("approval-processing.grpc-dispatch")
                .bean(DispatchMessages.class, "event")
                .bean("workflow", "start")
                .setVariable("transition", body())
                .choice()
                    .when(method("approvalStore", "create"))
                        .setBody(variable("transition"))
                        .to(ProcessingOutboxRoute.PUBLISH)
                        .setVariable("state", simple("${variable.transition.state}"))
                        .setVariable("created", constant(true))
                    .otherwise()
                        .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                        .setHeader(RedisConstants.KEY, simple("erp:approval:${variable.transition.state.approvalId}"))
                        .to("{{erp.approval-processing.redis}}")
                        .setVariable("state", method("approvalStore", "state"))
                        .setVariable("created", constant(false))
                .end()
                .removeHeaders("*")
                .bean(DispatchMessages.class, "reply(${variable.state.approvalId}, ${variable.state.progress}, "
                        + "${variable.state.line}, ${variable.state.version}, ${variable.created})");
    }
}
