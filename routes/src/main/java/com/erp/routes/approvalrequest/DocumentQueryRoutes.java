package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * Reading documents: one (for its drafter, approvers, people in cc, admins, and the deputy of the approver whose
 * step is active: its approver, or an agreer still to decide; who besides its drafter read it first when is kept,
 * 열람), and a page of the documents the
 * caller drafted, is an approver of or is in cc of, newest first.
 */
@Component
public class DocumentQueryRoutes extends RouteBuilder {

    /**
     * The document of header {@code approvalId} into variable {@code document} (null if there is none), and whether
     * the caller reads it as the deputy of someone who must decide it now into {@code deputy}; also for routes that
     * change a document its readers may change (의견).
     */
    public static final String READ = "direct:approval-request.read";
    private static final String PENDING_DELEGATIONS = "direct:approval-request.pending-delegations";

    @Override
    public void configure() {
        from("direct:getApproval").routeId("approval-request.get").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(READ)
                // who may decide the active step today for whom (대결, 인수), for the page to say so: the pending
                // people's delegations, read already when the caller's right to read depended on them
                .filter(simple("${variable.delegations} == null"))
                    .setVariable("pending", method("delegationReplica", "pendingAt(${variable.document})"))
                    .filter(variable("pending").isNotNull())
                        .to(PENDING_DELEGATIONS)
                    .end()
                .end()
                .setVariable("standIns", method("delegationReplica", "standIns(${variable.delegations})"))
                .bean("approvalDocuments",
                        "view(${variable.document}, ${variable.caller}, ${variable.deputy}, ${variable.standIns})")
                // 열람: who read it (the view is made, so they may), the first time only
                .setVariable("view", body())
                .setBody(method("approvalDocuments", "firstReading(${variable.document}, ${variable.caller})"))
                .filter(body().isNotNull())
                    .to("{{erp.approval-request.approvals}}&operation=update")
                    .removeHeaders("CamelMongoDb*")
                .end()
                .setBody(variable("view"));

        from(READ).routeId("approval-request.read").errorHandler(noErrorHandler())
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .setVariable("document", body())
                .setVariable("deputy", constant(false))
                .removeVariable("delegations")
                // someone not on the document may be the deputy (대결) of the approver whose step is active
                .setVariable("pending", method("delegationReplica", "waitingAt(${variable.document}, ${variable.caller})"))
                .filter(variable("pending").isNotNull())
                    .to(PENDING_DELEGATIONS)
                    .setVariable("deputy", method("delegationReplica",
                            "delegatesTo(${variable.delegations}, ${variable.caller})"))
                .end();

        // the delegations of the people a document waits for (criteria: variable pending), as variable delegations
        from(PENDING_DELEGATIONS).routeId("approval-request.pending-delegations").errorHandler(noErrorHandler())
                .setHeader(MongoDbConstants.CRITERIA, variable("pending"))
                .to("{{erp.approval-request.delegations}}&operation=findAll")
                .removeHeaders("CamelMongoDb*")
                .setVariable("delegations", body());

        // a page of the caller's box: one document more than the page is fetched, to know whether a next one follows
        from("direct:listMyApprovals").routeId("approval-request.list-mine").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("limit", header("limit"))
                .setHeader(MongoDbConstants.CRITERIA, method("approvalDocuments",
                        "pageCriteria(${variable.caller}, ${header.box}, ${header.status}, ${header.q}, ${header.type}, "
                                + "${header.from}, ${header.to}, ${header.held}, ${header.cursor})"))
                .setHeader(MongoDbConstants.SORT_BY, method("approvalDocuments", "newestFirst"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalDocuments", "summaryFields"))
                .setHeader(MongoDbConstants.LIMIT, method("approvalDocuments", "pageFetch(${variable.limit})"))
                .to("{{erp.approval-request.approvals}}&operation=findAll")
                .bean("approvalDocuments", "page(${body}, ${variable.limit})");
    }
}
