package com.erp.routes.approvalrequest;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mongodb.MongoDbConstants;
import org.springframework.stereotype.Component;

/**
 * 결재 통계: the report of the documents submitted in a period (bean {@code approvalReports}: who may see which
 * department's, and the figures), read from MongoDB as a cursor, so a long period is not held in memory whole. A
 * department that has no document in the period and that the org chart does not know is 422, not a report of zeros.
 */
@Component
public class ReportRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:getApprovalReport").routeId("approval-request.report").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("scope", method("approvalReports",
                        "scope(${variable.caller}, ${header.from}, ${header.to}, ${header.department})"))
                .removeHeaders("*")
                .setHeader(MongoDbConstants.CRITERIA, method("approvalReports", "criteria(${variable.scope})"))
                .setHeader(MongoDbConstants.FIELDS_PROJECTION, method("approvalReports", "fields"))
                .to("{{erp.approval-request.approvals}}&operation=findAll&outputType=MongoIterable")
                .bean("approvalReports", "report(${body}, ${variable.scope})")
                .removeHeaders("CamelMongoDb*")
                // nothing for a department the org chart does not know: a misspelt name, said so rather than zeros
                // (a department renamed or gone still has its documents' report)
                .filter(method("approvalReports", "emptyForADepartment(${body})"))
                    .setVariable("known", method("employeeDirectory",
                            "hasDepartmentNamed(${variable.scope.department}, ${variable.callerToken})"))
                    .bean("approvalReports", "ofAKnownDepartment(${body}, ${variable.known})")
                .end();
    }
}
