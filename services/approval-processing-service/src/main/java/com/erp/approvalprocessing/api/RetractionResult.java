package com.erp.approvalprocessing.api;

/** Schema RetractionResult: the step that waits for the caller's decision again. */
public record RetractionResult(String approvalId, int step, String status) {
}
