package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/** Grant leave: an administrator adds days to an employee's year, as an entry of the ledger; answers the balance after. */
@Component
public class LeaveGrantRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:grantLeave").routeId("employee.grant-leave").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("grant", method("leaveViews", "checkGrant(${variable.caller}, ${body})"))
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${variable.grant.employeeId}")))
                .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.withOrg")
                .bean("leaveViews", "grantee")
                .setVariable("halfDays", method("leaveViews", "halfDays(${variable.grant.days})"))
                .bean("leaveLedger", "grant(${body}, ${variable.grant.year}, ${variable.halfDays}, ${variable.grant.reason}, "
                        + "${variable.caller.id})")
                .bean("leaveViews", "balance(${body})");
    }
}
