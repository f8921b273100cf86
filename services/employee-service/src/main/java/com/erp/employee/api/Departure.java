package com.erp.employee.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;

/**
 * Schema Departure: who left and when, and what their leaving changed: the departments they headed and the teams they
 * led (now without, until someone is named: default lines skip that level), the delegations (대결) that ended, and who
 * takes over the decisions still asked of them (인수자; null when nobody was named).
 */
public record Departure(Person employee, Instant departedAt, List<String> headOf, List<String> leadOf,
                        int delegationsEnded, Person successor) {
}
