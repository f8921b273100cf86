package com.erp.employee.api;

import java.util.List;

import com.erp.routes.common.events.Person;

/**
 * Schema Delegations: the caller's own delegation (null when they have none) and the ones that make them someone's
 * deputy, not over yet, soonest first.
 */
public record Delegations(Delegation mine, List<Delegation> actingFor) {

    /** Schema Delegation; {@code inForce}: whether the deputy decides for the approver today. */
    public record Delegation(Person approver, Person deputy, String startDate, String endDate, String reason,
                             boolean inForce) {
    }
}
