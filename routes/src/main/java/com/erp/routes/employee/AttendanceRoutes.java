package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import com.erp.routes.common.security.CallerProcessor;
import com.erp.routes.common.web.RestErrorConfiguration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/**
 * Attendance (출퇴근): the caller checks in once a day and out once after it (bean {@code attendanceBook}; every 30th day
 * of attendance earns a leave day), and reads a month of their days (a camel-jpa named query); team leads, heads and
 * administrators read the month of those they lead (팀 근태) and record a check-out one of them forgot (퇴근 기록 정정).
 */
@Component
public class AttendanceRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:checkIn").routeId("employee.check-in").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("attendanceBook", "checkIn(${variable.caller})")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));

        from("direct:checkOut").routeId("employee.check-out").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .bean("attendanceBook", "checkOut(${variable.caller})");

        from("direct:getAttendance").routeId("employee.attendance").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("month", method("attendanceViews", "month(${header.month})"))
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf(
                        "employeeId", simple("${variable.caller.id}", Long.class),
                        "from", method("attendanceViews", "from(${variable.month})"),
                        "until", method("attendanceViews", "until(${variable.month})")))
                .to("jpa:com.erp.employee.domain.Attendance?namedQuery=Attendance.inRange")
                .bean("attendanceViews", "month(${body}, ${variable.month})");

        // 퇴근 기록 정정: whoever leads the employee records the check-out they forgot
        from("direct:correctCheckOut").routeId("employee.correct-check-out").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .setVariable("request", body())
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("id", simple("${header.employeeId}", Long.class)))
                .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.withOrg")
                .setVariable("employeeId", method("attendanceViews", "corrigible(${variable.caller}, ${body})"))
                .bean("attendanceBook", "correctCheckOut(${variable.caller}, ${variable.employeeId}, ${header.date}, "
                        + "${variable.request})");

        // 팀 근태: the department's people the caller leads, then their days of the month
        from("direct:getTeamAttendance").routeId("employee.team-attendance").routeConfigurationId(RestErrorConfiguration.ID)
                .process(new CallerProcessor())
                .to(DepartmentPeopleRoute.DEPARTMENT_PEOPLE)
                .setVariable("people", method("attendanceViews",
                        "managed(${variable.caller}, ${variable.people}, ${variable.department})"))
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf(
                        "employeeIds", method("leaveViews", "employeeIds(${variable.people})"),
                        "from", method("attendanceViews", "from(${variable.month})"),
                        "until", method("attendanceViews", "until(${variable.month})")))
                .to("jpa:com.erp.employee.domain.Attendance?namedQuery=Attendance.ofPeople")
                .bean("attendanceViews", "team(${body}, ${variable.people}, ${variable.department}, ${variable.month})");
    }
}
