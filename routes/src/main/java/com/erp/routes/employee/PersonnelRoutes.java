package com.erp.routes.employee;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * 인사: an administrator hires someone, changes someone's record, opens and closes departments and teams (조직 신설,
 * 조직 폐지), names department heads
 * and team leads, records that someone left and who takes over their decisions (인수자); everyone changes their own
 * password (bean {@code personnel},
 * which checks who may).
 */
@Component
public class PersonnelRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:hireEmployee").routeId("employee.hire").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "hire(${variable.caller}, ${body})")
                .process(created("/api/employees/${body.employee.id}"));

        from("direct:changeEmployee").routeId("employee.change").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "change(${variable.caller}, ${header.employeeId}, ${body})");

        from("direct:createDepartment").routeId("employee.open-department").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "openDepartment(${variable.caller}, ${body})")
                .process(created("/api/departments"));

        from("direct:createTeam").routeId("employee.open-team").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "openTeam(${variable.caller}, ${header.departmentId}, ${body})")
                .process(created("/api/departments"));

        from("direct:closeTeam").routeId("employee.close-team").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "closeTeam(${variable.caller}, ${header.departmentId}, ${header.teamId})");

        from("direct:closeDepartment").routeId("employee.close-department").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "closeDepartment(${variable.caller}, ${header.departmentId})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));

        from("direct:nameDepartmentHead").routeId("employee.name-head").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "nameHead(${variable.caller}, ${header.departmentId}, ${body})");

        from("direct:nameTeamLead").routeId("employee.name-lead").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "nameLead(${variable.caller}, ${header.departmentId}, ${header.teamId}, ${body})");

        from("direct:recordDeparture").routeId("employee.depart").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "depart(${variable.caller}, ${header.employeeId}, ${body})");

        from("direct:reinstateEmployee").routeId("employee.reinstate").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "reinstate(${variable.caller}, ${header.employeeId})");

        from("direct:resetPassword").routeId("employee.reset-password").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "resetPassword(${variable.caller}, ${header.employeeId})");

        from("direct:listDepartures").routeId("employee.departures").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "departures(${variable.caller})");

        from("direct:nameSuccessor").routeId("employee.name-successor").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "nameSuccessor(${variable.caller}, ${header.employeeId}, ${body})");

        from("direct:changeMyPassword").routeId("employee.change-password").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("personnel", "changePassword(${variable.caller}, ${body})")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(204))
                .setBody(constant(""));
    }

    /** 201 Created at {@code location} (a simple expression, of the body the bean answered), nothing else kept. */
    private org.apache.camel.Processor created(String location) {
        org.apache.camel.Expression where = simple(location);
        return exchange -> {
            org.apache.camel.Message m = exchange.getMessage();
            String at = where.evaluate(exchange, String.class);
            m.removeHeaders("*");
            m.setHeader("Location", at);
            m.setHeader(Exchange.HTTP_RESPONSE_CODE, 201);
        };
    }
}
