package com.erp.approvalrequest.api;

import java.time.Instant;

/** Schema DispatchModeState. */
public record DispatchModeState(String mode, Instant since, String changedBy) {
}
