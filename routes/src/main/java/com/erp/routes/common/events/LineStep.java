package com.erp.routes.common.events;

/** One step of an approval line: its position (1-based) and who decides it. */
public record LineStep(int step, Person approver) {
}
