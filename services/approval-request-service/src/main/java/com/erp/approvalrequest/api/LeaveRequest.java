package com.erp.approvalrequest.api;

/** Schema LeaveRequest: the days a LEAVE document asks for; {@code endDate} may be left out for one day. */
public record LeaveRequest(String kind, String startDate, String endDate) {
}
