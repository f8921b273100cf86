package com.erp.routes.approvalprocessing;

import com.erp.routes.common.grpc.DispatchMessages;
import com.erp.routes.common.grpc.GrpcAnswers;
import com.erp.routes.common.redis.RedisKeys;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * The synchronous dispatch path: approval-request calls {@code ApprovalDispatch/Dispatch} over gRPC and waits.
 * The submission is activated by the same route as one that comes through Kafka ({@link ActivateStepRoute#ACTIVATE}:
 * the same rules, the same atomic store, the same events), and the answer is the resulting state. A dispatch of
 * a document that is already active answers its current state. Only approval-request's sealed description of a
 * stored document ({@link com.erp.routes.common.grpc.DispatchSeal}), with the drafter's own token
 * ({@link com.erp.routes.common.grpc.DispatchAuthorization}), dispatches; a line that breaks the approval-line rules is
 * INVALID_ARGUMENT. The route answers itself ({@link GrpcAnswers}) so that a refusal
 * reaches the caller as what it is.
 */
@Component
public class GrpcDispatchRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("grpc://{{erp.approval-processing.grpc.host}}:{{erp.approval-processing.grpc.port}}"
                + "/com.erp.routes.grpc.ApprovalDispatch?synchronous=true&routeControlledStreamObserver=true")
                .routeId("approval-processing.grpc-dispatch")
                .doTry()
                    .bean("dispatchSeal", "verify")
                    .bean("dispatchAuthorization", "check")
                    .bean(DispatchMessages.class, "event")
                    .to(ActivateStepRoute.ACTIVATE)
                    .choice()
                        .when(variable("created"))
                            .setVariable("state", simple("${variable.transition.state}"))
                        .otherwise()
                            .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                            .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${variable.transition.state.approvalId}"))
                            .to("{{erp.approval-processing.redis}}")
                            .setVariable("state", method("approvalStore", "state"))
                    .end()
                    .removeHeaders("*")
                    .bean(DispatchMessages.class, "reply(${variable.state.approvalId}, ${variable.state.progress}, "
                            + "${variable.state.line}, ${variable.state.version}, ${variable.created})")
                    .process(GrpcAnswers::reply)
                .endDoTry()
                .doCatch(Exception.class)
                    .log(LoggingLevel.WARN, "dispatch refused or failed: ${exception.message}")
                    .process(GrpcAnswers::fail)
                .end();
    }
}
