package com.erp.employee.api;

/** Body of POST /api/departments/{id}/teams (schema NewTeam): a team to open in the department. */
public record NewTeam(String name) {
}
