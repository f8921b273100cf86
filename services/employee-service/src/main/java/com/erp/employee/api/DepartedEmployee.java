package com.erp.employee.api;

import java.time.Instant;

import com.erp.routes.common.events.Person;

/** Schema DepartedEmployee: who left, when and why, and who decides in their place now (인수자; null if nobody). */
public record DepartedEmployee(Person employee, String username, Instant departedAt, String reason, Person successor) {
}
