package com.erp.employee.api;

/** Body of PUT /api/employees/{employeeId}/successor (schema SuccessorRequest). */
public record SuccessorRequest(Long successorId) {
}
