package com.erp.employee.api;

/** Body of POST /api/employees/{employeeId}/departure (schema DepartureRequest). */
public record DepartureRequest(String reason) {
}
