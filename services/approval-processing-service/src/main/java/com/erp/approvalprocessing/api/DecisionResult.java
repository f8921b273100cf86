package com.erp.approvalprocessing.api;

import com.erp.routes.common.events.Person;

/** Schema DecisionResult. */
public record DecisionResult(String approvalId, int step, String decision, String status, Person nextApprover) {
}
