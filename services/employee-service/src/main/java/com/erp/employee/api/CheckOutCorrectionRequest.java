package com.erp.employee.api;

import java.time.Instant;

/**
 * Body of PUT /api/attendance/{employeeId}/{date}/check-out (schema CheckOutCorrectionRequest): 퇴근 기록 정정, the
 * check-out someone forgot (or recorded wrong), and why.
 */
public record CheckOutCorrectionRequest(Instant checkOut, String reason) {
}
