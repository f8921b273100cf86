package com.erp.employee.api;

import java.time.Instant;
import java.util.List;

/** Schema LeaveEntries: a year's ledger of one employee, newest first. */
public record LeaveEntries(long employeeId, int year, List<Item> items) {

    public record Item(long id, String kind, Instant at, double days, double availableAfter, String approvalId,
                       String title, String leaveKind, String startDate, String endDate, String note, Long questId,
                       Integer attendanceDays) {
    }
}
