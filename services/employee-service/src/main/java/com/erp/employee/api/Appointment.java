package com.erp.employee.api;

/** Body of PUT …/head and …/lead (schema Appointment): who heads the department, or leads the team; null: nobody. */
public record Appointment(Long employeeId) {
}
