package com.erp.employee.api;

/** Body of POST /api/departments (schema NewDepartment): a department to open. */
public record NewDepartment(String code, String name) {
}
