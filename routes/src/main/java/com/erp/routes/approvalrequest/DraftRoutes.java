package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * 임시저장: each person's drafts of documents not yet submitted, kept in MongoDB (bean {@code drafts}). Every query
 * names the caller as the owner, so nobody reaches another's draft. The files kept with a draft are marked as kept by
 * it ({@link AttachmentRoutes#ATTACHED}), so the cleanup of files never submitted spares them while it keeps them.
 * No Kafka: a draft concerns nobody else until it is submitted, which is the submit route's work.
 */
@Component
public class DraftRoutes extends RouteBuilder {

    private static final String DRAFTS = "{{erp.approval-request.drafts}}";
    private static final String ATTACHMENTS = "{{erp.approval-request.attachments}}";

    @Override
    public void configure() {
        from("direct:listMyDrafts").routeId("approval-request.drafts-list").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(MongoDbConstants.CRITERIA, method("drafts", "mine(${variable.caller})"))
                .setHeader(MongoDbConstants.SORT_BY, method("drafts", "lastSavedFirst"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("drafts", "summaryFields"))
                .to(DRAFTS + "&operation=findAll")
                .bean("drafts", "list");

        from("direct:saveNewDraft").routeId("approval-request.draft-new").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setBody(method("drafts", "mine(${variable.caller})"))
                .to(DRAFTS + "&operation=count")
                .bean("drafts", "roomFor")
                .setVariable("keepInDraft", method("drafts", "newId"))
                .to(AttachmentRoutes.ATTACHED)
                .setBody(method("drafts", "newDraft(${variable.caller}, ${variable.request}, ${variable.keepInDraft}, "
                        + "${variable.attachments})"))
                .setVariable("draft", body())
                .to(DRAFTS + "&operation=insert")
                .removeHeaders("*")
                .setHeader("Location", method("drafts", "location(${variable.draft})"))
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .bean("drafts", "view(${variable.draft})");

        from("direct:getDraft").routeId("approval-request.draft-get").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(method("drafts", "theirs(${variable.caller}, ${header.draftId})"))
                .to(DRAFTS + "&operation=findOneByQuery")
                .bean("drafts", "view");

        // the draft's files marked before it is saved, those it no longer keeps let go after
        from("direct:saveDraft").routeId("approval-request.draft-save").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setBody(method("drafts", "theirs(${variable.caller}, ${header.draftId})"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("drafts", "summaryFields"))
                .to(DRAFTS + "&operation=findOneByQuery")
                .removeHeaders("CamelMongoDb*")
                .bean("drafts", "view") // 404 before any file is marked
                .setVariable("keepInDraft", header("draftId"))
                .to(AttachmentRoutes.ATTACHED)
                .setBody(method("drafts", "replacement(${variable.caller}, ${header.draftId}, ${variable.request}, "
                        + "${variable.attachments})"))
                .to(DRAFTS + "&operation=update")
                .bean("drafts", "found(${body.matchedCount})")
                .removeHeaders("CamelMongoDb*")
                .setBody(method("drafts", "theirs(${variable.caller}, ${header.draftId})"))
                .to(DRAFTS + "&operation=findOneByQuery")
                .removeHeaders("CamelMongoDb*")
                .setVariable("saved", body())
                // let go what the draft as stored keeps no more (another save at the same moment may have been last)
                .setVariable("kept", method("drafts", "fileIds(${variable.saved})"))
                .setBody(method("attachments", "releasedFrom(${header.draftId}, ${variable.kept})"))
                .setHeader(MongoDbConstants.MULTIUPDATE, constant(true))
                .to(ATTACHMENTS + "&operation=update")
                .removeHeaders("CamelMongoDb*")
                .setBody(variable("saved"))
                .bean("drafts", "view");

        from("direct:deleteDraft").routeId("approval-request.draft-delete").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(method("drafts", "theirs(${variable.caller}, ${header.draftId})"))
                .to(DRAFTS + "&operation=remove")
                .bean("drafts", "found(${body.deletedCount})")
                .removeHeaders("CamelMongoDb*")
                // its files go like any not submitted, unless another draft keeps them
                .setBody(method("attachments", "releasedFrom(${header.draftId}, null)"))
                .setHeader(MongoDbConstants.MULTIUPDATE, constant(true))
                .to(ATTACHMENTS + "&operation=update")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));

        // a draft not saved for erp.approval-request.drafts-kept is removed; its files' marks are then due for the
        // attachments cleanup's look, which takes off those naming no stored draft (one saved meanwhile stays, marks
        // and all), so they go like any file not submitted
        from("timer:drafts-expiry?delay={{erp.approval-request.drafts-expiry-ms}}"
                + "&period={{erp.approval-request.drafts-expiry-ms}}")
                .routeId("approval-request.draft-expiry")
                .setBody(method("drafts", "expired"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("attachments", "idField"))
                .setHeader(MongoDbConstants.LIMIT, constant(500)) // the next run takes the rest
                .to(DRAFTS + "&operation=findAll")
                .removeHeaders("CamelMongoDb*")
                .filter(simple("${body.size} > 0"))
                    .setVariable("expired", method("drafts", "ids"))
                    .setBody(method("drafts", "expiredAmong(${variable.expired})"))
                    .to(DRAFTS + "&operation=remove")
                    .removeHeaders("CamelMongoDb*")
                    .log("removed ${body.deletedCount} draft(s) not saved for long")
                    .setBody(method("attachments", "dueForCheck(${variable.expired})"))
                    .setHeader(MongoDbConstants.MULTIUPDATE, constant(true))
                    .to(ATTACHMENTS + "&operation=update")
                    .removeHeaders("CamelMongoDb*")
                .end();
    }
}
