package com.erp.employee.api;

/** Body of PUT /api/delegations/mine (schema DelegationRequest): dates as ISO days, both included. */
public record DelegationRequest(long deputyId, String startDate, String endDate, String reason) {
}
