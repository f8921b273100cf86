package com.erp.approvalprocessing.domain;

import java.util.List;

/** A change of a line in progress with its people looked up: the steps as they are to be, and the reason (or null). */
public record LineChange(List<com.erp.routes.common.events.LineStep> steps, String reason) {
}
