package com.erp.employee.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;

/**
 * Schema Departure: who left and when, and what their leaving changed: the departments they headed and the teams they
 * led (now without, until someone is named: default lines skip that level), and the delegations (대결) that ended.
 */
public record Departure(Person employee, Instant departedAt, List<String> headOf, List<String> leadOf,
                        int delegationsEnded) {
}
