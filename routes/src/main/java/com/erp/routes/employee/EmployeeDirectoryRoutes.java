package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/**
 * Read-only views of people and the org chart, each a camel-jpa named query shaped into the contract by
 * bean employeeViews. The queries fetch what the views need, so nothing loads lazily afterwards.
 */
@Component
public class EmployeeDirectoryRoutes extends RouteBuilder {

    private static final String EMPLOYEE = "jpa:com.erp.employee.domain.Employee";

    @Override
    public void configure() {
        from("direct:getMe").routeId("employee.me").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${variable.caller.id}")))
                .to(EMPLOYEE + "?namedQuery=Employee.withOrg")
                .bean("employeeViews", "first");

        from("direct:getMyApprovalLine").routeId("employee.approval-line").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${variable.caller.id}")))
                .to(EMPLOYEE + "?namedQuery=Employee.withOrg")
                .bean("employeeViews", "approvalLine");

        from("direct:getEmployee").routeId("employee.get").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${header.employeeId}", Long.class)))
                .to(EMPLOYEE + "?namedQuery=Employee.withOrg")
                .bean("employeeViews", "first")
                .bean("employeeViews", "shownTo(${body}, ${variable.caller})");

        from("direct:listEmployees").routeId("employee.list").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .choice()
                    .when(header("ids").isNotNull())
                        .setHeader(JpaConstants.JPA_PARAMETERS_HEADER,
                                mapOf("ids", method("employeeViews", "ids(${header.ids})")))
                        .to(EMPLOYEE + "?namedQuery=Employee.byIds")
                        .bean("employeeViews", "employeesInOrder(${body}, ${header.ids})")
                    .otherwise()
                        .setHeader(JpaConstants.JPA_PARAMETERS_HEADER,
                                mapOf("departmentId", simple("${header.departmentId}", Long.class)))
                        .to(EMPLOYEE + "?namedQuery=Employee.active")
                        .bean("employeeViews", "employees")
                .end()
                .bean("employeeViews", "shownTo(${body}, ${variable.caller})");

        from("direct:listDepartments").routeId("employee.departments").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to("jpa:com.erp.employee.domain.Department?namedQuery=Department.all")
                .bean("employeeViews", "departments");
    }
}
