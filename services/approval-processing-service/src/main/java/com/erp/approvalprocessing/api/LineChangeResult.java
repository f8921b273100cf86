package com.erp.approvalprocessing.api;

import java.util.List;

import com.erp.routes.common.events.LineStep;

/** Schema LineChangeResult: the steps whose people changed, and the line as it is now. */
public record LineChangeResult(String approvalId, List<Integer> steps, Integer currentStep, String status,
                               List<LineStep> line) {
}
