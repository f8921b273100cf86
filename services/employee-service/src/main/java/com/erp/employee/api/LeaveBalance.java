package com.erp.employee.api;

/** Schema LeaveBalance: one employee's annual leave for one year, in days. */
public record LeaveBalance(long employeeId, int year, double granted, double used, double reserved, double available) {
}
