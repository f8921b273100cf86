package com.erp.employee.api;

/** Body of POST /api/employees/{employeeId}/departure (schema DepartureRequest); {@code successorId}: the 인수자, or null. */
public record DepartureRequest(String reason, Long successorId) {
}
