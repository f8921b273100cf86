package com.erp.employee.api;

/** Body of PUT /api/auth/password (schema PasswordChangeRequest). */
public record PasswordChangeRequest(String currentPassword, String newPassword) {
}
