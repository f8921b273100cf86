package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/** Reading documents: one (for its drafter, approvers and admins) and the caller's own, newest first. */
@Component
public class DocumentQueryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getApproval").routeId("approval-request.get").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(header("approvalId"))
                .to("{{erp.approval-request.approvals}}&operation=findById")
                .bean("approvalDocuments", "view(${body}, ${variable.caller})");

        from("direct:listMyApprovals").routeId("approval-request.list-mine").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(MongoDbConstants.CRITERIA, method("approvalDocuments", "draftedBy(${variable.caller})"))
                .setHeader(MongoDbConstants.SORT_BY, method("approvalDocuments", "newestFirst"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalDocuments", "summaryFields"))
                .setHeader(MongoDbConstants.LIMIT, simple("${header.limit}", Integer.class))
                .to("{{erp.approval-request.approvals}}&operation=findAll")
                .bean("approvalDocuments", "list");
    }
}
