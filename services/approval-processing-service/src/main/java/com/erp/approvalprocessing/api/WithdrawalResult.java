package com.erp.approvalprocessing.api;

/** Schema WithdrawalResult. */
public record WithdrawalResult(String approvalId, int step, String status) {
}
