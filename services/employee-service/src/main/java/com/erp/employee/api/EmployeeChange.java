package com.erp.employee.api;

import java.util.List;

/**
 * Body of PUT /api/employees/{employeeId} (schema EmployeeChange): an employee's record as it is to be (인사 이동: another
 * department or team, another position, other roles).
 */
public record EmployeeChange(String name, String email, long departmentId, Long teamId, String position,
                             List<String> roles, String hiredOn) {
}
