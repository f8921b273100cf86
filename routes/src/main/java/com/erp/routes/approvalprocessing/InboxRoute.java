package com.erp.routes.approvalprocessing;

import com.erp.routes.common.redis.RedisKeys;
import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.redis.RedisConstants;
import org.springframework.stereotype.Component;

/**
 * The caller's inbox: what waits for their decision, read from their inbox hash in Redis, and what waits for the
 * approvers they decide for today as their deputy (대결); a page of it, of one drafter's documents or of one document
 * if asked.
 */
@Component
public class InboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getInbox").routeId("approval-processing.inbox").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("drafterId", header("drafterId"))
                .setVariable("approvalId", header("approvalId"))
                .setVariable("cursor", header("cursor"))
                .setVariable("limit", header("limit"))
                // the producer leaves the body as it was when HGET finds nothing: nothing, then
                .setBody(constant(null))
                .setHeader(RedisConstants.KEY, simple(RedisKeys.INBOX + "${variable.caller.id}"))
                // one document's item is one field of the hash (its id): the rest is not read for it
                .choice().when(variable("approvalId").isNotNull())
                    .setHeader(RedisConstants.COMMAND, constant("HGET"))
                    .setHeader(RedisConstants.FIELD, variable("approvalId"))
                .otherwise()
                    .setHeader(RedisConstants.COMMAND, constant("HGETALL"))
                .end()
                .to("{{erp.approval-processing.redis}}")
                .removeHeaders("*")
                // the page asked for, bound from the variables by the method's annotations
                .bean("approvalStore", "inbox");
    }
}
