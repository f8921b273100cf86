package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/**
 * The leave ledger read (camel-jpa named queries, shaped by bean {@code leaveViews}): an employee's balance for a
 * year and its entries. Whose: the caller's own, or, with {@code employeeId}, someone the caller leads (team lead,
 * department head) or anyone for an administrator. And 부서 휴가 현황: who of the caller's department is away in a
 * month.
 */
@Component
public class LeaveQueryRoutes extends RouteBuilder {

    /** Sets variables employeeId (whose ledger, checked) and year. */
    static final String WHOSE = "direct:employee.leave-whose";

    @Override
    public void configure() {
        from("direct:getLeaveBalance").routeId("employee.leave-balance").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(WHOSE)
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("employeeId", variable("employeeId"), "year", variable("year")))
                .to("jpa:com.erp.employee.domain.LeaveAccount?namedQuery=LeaveAccount.of")
                .bean("leaveViews", "balance(${body}, ${variable.employeeId}, ${variable.year})");

        from("direct:getLeaveEntries").routeId("employee.leave-entries").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(WHOSE)
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("employeeId", variable("employeeId"), "year", variable("year")))
                .to("jpa:com.erp.employee.domain.LeaveEntry?namedQuery=LeaveEntry.ofEmployee")
                .bean("leaveViews", "entries(${body}, ${variable.employeeId}, ${variable.year})");

        // 부서 휴가 현황: the department's people, then their leave documents' entries that meet the month
        from("direct:getLeaveCalendar").routeId("employee.leave-calendar").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(DepartmentPeopleRoute.DEPARTMENT_PEOPLE)
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf(
                        "employeeIds", method("leaveViews", "employeeIds(${variable.people})"),
                        "first", method("attendanceViews", "from(${variable.month})"),
                        "last", method("leaveViews", "lastDay(${variable.month})")))
                .to("jpa:com.erp.employee.domain.LeaveEntry?namedQuery=LeaveEntry.calendar")
                .bean("leaveViews", "calendar(${body}, ${variable.people}, ${variable.department}, ${variable.month})");

        // the days leave is not taken on (the leave form counts a leave's days as the ledger will)
        from("direct:getDaysOff").routeId("employee.days-off").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setBody(method("companyDays", "view"));

        from(WHOSE).routeId("employee.leave-whose").errorHandler(noErrorHandler())
                .setVariable("year", method("leaveViews", "year(${header.year})"))
                .choice()
                    .when(method("leaveViews", "isOwn(${variable.caller}, ${header.employeeId})"))
                        .setVariable("employeeId", simple("${variable.caller.id}", Long.class))
                    .otherwise()
                        .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${header.employeeId}", Long.class)))
                        .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.withOrg")
                        .setVariable("employeeId", method("leaveViews", "mayRead(${variable.caller}, ${body})"))
                .end();
    }
}
