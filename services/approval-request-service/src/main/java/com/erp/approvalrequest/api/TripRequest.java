package com.erp.approvalrequest.api;

/** Schema TripRequest: where and when a BUSINESS_TRIP document (출장) goes, and why. Also how the document shows it. */
public record TripRequest(String destination, String startDate, String endDate, String purpose) {
}
