package com.erp.routes.approvalprocessing;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;

/**
 * The shape of every change a person makes to a document in processing (a decision, a withdrawal, a line change):
 * read the state, let the rules (bean workflow) make the transition from it and the request, store it only if nobody
 * changed the document meanwhile (else read it again and retry, up to twelve times, then 409), publish its events (or,
 * when an earlier event of the document failed and waits in the outbox, leave them to the relay behind it), answer.
 */
abstract class StateChangeRoute extends RouteBuilder {

    /**
     * @param rule   the workflow method making the transition, called with the state, the document id, the request
     *               and the caller
     * @param answer the workflow method making the answer from {@code ${variable.transition}} (and the request)
     */
    void stateChange(String from, String routeId, String rule, String answer) {
        from(from).routeId(routeId).routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(changeOf(routeId));
        change(routeId, rule, answer);
    }

    /**
     * The change itself ({@link #changeOf}), for the REST route and for others that make it on the caller's behalf
     * (일괄결재): a refusal is thrown to whoever called, who answers it.
     */
    void change(String routeId, String rule, String answer) {
        from(changeOf(routeId)).routeId(routeId + "-change").errorHandler(noErrorHandler())
                .setVariable("request", body())
                .setVariable("attempt", constant(0))
                // another change stored first (agreers of one 합의 step deciding at once): read it and decide again,
                // so the rules judge the document as it now is; after RedisApprovalStore.ATTEMPTS the caller gets 409
                .loopDoWhile(simple("${variable.transition} == null"))
                    .setVariable("attempt", simple("${variable.attempt}++"))
                    .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                    .setHeader(RedisConstants.KEY, simple(RedisKeys.APPROVAL + "${header.approvalId}"))
                    .to("{{erp.approval-processing.redis}}")
                    .bean("approvalStore", "state")
                    .bean("workflow", rule + "(${body}, ${header.approvalId}, ${variable.request}, ${variable.caller})")
                    .setVariable("transition", method("approvalStore", "commit(${body}, ${variable.attempt})"))
                .end()
                .setBody(variable("transition"))
                .choice()
                    .when(simple("${body.held}"))
                        .log(LoggingLevel.INFO, "the events of this change of ${header.approvalId} wait in the outbox "
                                + "for the relay, behind its earlier event that failed")
                        .to(ProcessingOutboxRoute.PUBLISH_HELD)
                    .otherwise()
                        .to(ProcessingOutboxRoute.PUBLISH)
                .end()
                .removeHeaders("*")
                .bean("workflow", answer);
    }

    /** The endpoint of the change a REST route makes ({@code variable.caller} set, the request in the body). */
    static String changeOf(String routeId) {
        return "direct:" + routeId + "-change";
    }
}
