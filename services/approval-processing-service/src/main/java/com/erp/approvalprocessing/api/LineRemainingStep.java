package com.erp.approvalprocessing.api;

import java.util.List;

/** Schema LineRemainingStep: a step of the line's rest, an approver (a 결재 step) or agreers (a 합의 step). */
public record LineRemainingStep(Long approverId, List<Long> agreerIds) {
}
