package com.erp.routes.approvalprocessing;

import com.erp.routes.common.TraceParent;
import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.kafka.DeadLetters;
import com.erp.routes.common.kafka.InvalidEventException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.springframework.stereotype.Component;

/**
 * Activate the first step: a submitted document (a leave document once employee-service has reserved its days:
 * {@code approval.leave-reserved}) gets its processing state in Redis, its first approver gets
 * it in their inbox, and {@code approval.step-activated} is published. A redelivered submission finds the
 * state already there and changes nothing; a refused one (below) is answered again the same way, unless a version
 * of the rules that let it through started it meanwhile. The event is published from the outbox's queue: the consumer does not
 * wait for Kafka's acknowledgement, which took more than half of each submission's time; it is stored with the
 * state, so a crash before it is published leaves it to the outbox relay. It is the document's first event: only
 * a decision taken while it still waits in the queue (by an approver who read their inbox in that moment) could
 * reach Kafka before it, and approval-request keeps the newest state by the events' sequence numbers.
 */
@Component
public class ActivateStepRoute extends RouteBuilder {

    /**
     * Activates the submission in the body (an {@link ApprovalEvent}), the same for both dispatch paths: leaves
     * the transition in variable {@code transition} and whether it was stored now in {@code created} (false: the
     * document was active already). Failures go back to the caller, whose error handling applies.
     */
    public static final String ACTIVATE = "direct:approval-processing.activate";
    /**
     * {@link #ACTIVATE}, or the submission refused: a submission against the line's rules (as this version of them
     * reads it, which another service's version let through) is answered with {@code approval.refused} on the
     * rejected topic, so the document does not wait SUBMITTED for good with a leave's days held; what is no
     * submission at all goes on to the dead-letter topic.
     */
    private static final String ACTIVATE_OR_REFUSE = "direct:approval-processing.activate-or-refuse";

    @Override
    public void configure() {
        from("kafka:{{erp.topics.submitted}}?groupId={{erp.approval-processing.group-id}}")
                .routeId("approval-processing.activate-step").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                // a leave document starts once its days are reserved (below)
                .filter(method("workflow", "startsOnSubmission"))
                    .to(ACTIVATE_OR_REFUSE)
                .end()
                // consumed (its offset committed) once Redis's replicas hold the activation
                .bean("redisReplication", "await");

        from("kafka:{{erp.topics.leave-reserved}}?groupId={{erp.approval-processing.group-id}}")
                .routeId("approval-processing.activate-leave").routeConfigurationId(DeadLetters.ID)
                .unmarshal().json(JsonLibrary.Jackson, ApprovalEvent.class)
                .to(ACTIVATE_OR_REFUSE)
                .bean("redisReplication", "await");

        from(ACTIVATE_OR_REFUSE).routeId("approval-processing.activate-or-refuse").errorHandler(noErrorHandler())
                .setVariable("submission", body())
                .doTry()
                    .to(ACTIVATE)
                .doCatch(InvalidEventException.class)
                    .setBody(method("workflow", "refusal(${variable.submission}, ${exception})"))
                    .setVariable("refusal", body())
                    // started already by a version of the rules that let it through (a rollout): it stays started
                    .filter(method("approvalStore", "refuse(${variable.submission})"))
                        .log(LoggingLevel.WARN, "submission ${variable.refusal.approvalId} refused: "
                                + "${variable.refusal.payload.reason}")
                        // the refusal told only once Redis's replicas hold it: after a failover that lost it, a
                        // version of the rules that lets the submission through could start what was answered
                        // refused (not replicated: the consumer retries, and the refusal is answered again)
                        .bean("redisReplication", "await")
                        // the submission's trace goes on with its answer
                        .removeHeaders("*", TraceParent.HEADER)
                        .setHeader(KafkaConstants.KEY, simple("${variable.refusal.approvalId}"))
                        .marshal().json(JsonLibrary.Jackson)
                        .to("kafka:{{erp.topics.rejected}}")
                    .end()
                .end();

        from(ACTIVATE).routeId("approval-processing.activate").errorHandler(noErrorHandler())
                .bean("workflow", "start")
                .setVariable("transition", body())
                .choice()
                    .when(method("approvalStore", "create"))
                        .setVariable("created", constant(true))
                        .setBody(variable("transition"))
                        .to(ProcessingOutboxRoute.PUBLISH_DETACHED)
                    .otherwise()
                        .setVariable("created", constant(false))
                        .log(LoggingLevel.DEBUG, "approval ${variable.transition.state.approvalId} is already active")
                .end();
    }
}
