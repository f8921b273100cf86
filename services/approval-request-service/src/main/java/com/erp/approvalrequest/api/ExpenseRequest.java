package com.erp.approvalrequest.api;

/**
 * Schema ExpenseRequest: what an EXPENSE document (지출결의) claims: an amount in won, its category, the day it was
 * spent. Also how the document shows it.
 */
public record ExpenseRequest(Long amount, String category, String spentOn) {
}
