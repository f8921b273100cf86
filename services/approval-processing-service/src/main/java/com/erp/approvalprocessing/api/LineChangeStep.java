package com.erp.approvalprocessing.api;

import java.util.List;

/** Schema LineChangeStep: a step's new approver (a 결재 step) or agreers (a 합의 step); exactly one of the two. */
public record LineChangeStep(int step, Long approverId, List<Long> agreerIds) {
}
