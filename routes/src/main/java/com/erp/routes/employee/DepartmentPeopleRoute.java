package com.erp.routes.employee;

import static com.erp.routes.common.Expressions.mapOf;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jpa.JpaConstants;
import org.springframework.stereotype.Component;

/**
 * The month and the department a caller asks about, with its active people: the caller's own department, or any an
 * administrator names (403 otherwise; 404 for one that does not exist). Sets the variables {@code month},
 * {@code departmentId}, {@code department} and {@code people}, for 부서 휴가 현황 and 팀 근태.
 */
@Component
public class DepartmentPeopleRoute extends RouteBuilder {

    static final String DEPARTMENT_PEOPLE = "direct:employee.department-people";

    @Override
    public void configure() {
        from(DEPARTMENT_PEOPLE).routeId("employee.department-people").errorHandler(noErrorHandler())
                .setVariable("month", method("attendanceViews", "month(${header.month})"))
                .setVariable("departmentId", method("leaveViews",
                        "askedDepartment(${variable.caller}, ${header.departmentId})"))
                .to("jpa:com.erp.employee.domain.Department?namedQuery=Department.all")
                .setVariable("department", method("leaveViews", "department(${body}, ${variable.departmentId})"))
                .setHeader(JpaConstants.JPA_PARAMETERS_HEADER, mapOf("departmentId", variable("departmentId")))
                .to("jpa:com.erp.employee.domain.Employee?namedQuery=Employee.active")
                .setVariable("people", body());
    }
}
