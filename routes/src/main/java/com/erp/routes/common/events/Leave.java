package com.erp.routes.common.events;

/**
 * What a leave document (휴가) asks for: the kind, the dates (ISO {@code yyyy-MM-dd}, both inclusive) and the
 * working days they take from the drafter's annual leave, as {@link LeaveRules} counts them (a half day is 0.5).
 */
public record Leave(String kind, String startDate, String endDate, double days) {

    /** The days as whole half days, the unit the ledger counts in (exact, unlike a double). */
    public int halfDays() {
        return LeaveRules.halfDays(days);
    }
}
