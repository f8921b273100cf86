package com.erp.approvalrequest.api;

/** Body of PUT /api/admin/dispatch-mode (schema DispatchModeRequest). */
public record DispatchModeRequest(String mode) {
}
