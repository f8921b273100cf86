package com.erp.approvalprocessing.api;

/** One document of a bulk decision, and as a deputy (대결) whom the caller decides it for, if they must say. */
public record BulkDecisionItem(String approvalId, Long onBehalfOf) {
}
