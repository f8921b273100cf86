package com.erp.employee.api;

/** Body of POST /api/leave/grants (schema LeaveGrantRequest). */
public record LeaveGrantRequest(long employeeId, int year, double days, String reason) {
}
