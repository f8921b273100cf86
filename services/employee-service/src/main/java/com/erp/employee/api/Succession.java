package com.erp.employee.api;

import com.erp.routes.common.events.Person;

/** Schema Succession: who left, and who decides in their place from {@code since} (a date) on, with no end. */
public record Succession(Person employee, Person successor, String since) {
}
