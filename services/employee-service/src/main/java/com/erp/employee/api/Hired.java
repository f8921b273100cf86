package com.erp.employee.api;

/**
 * Schema Hired: the new employee and their temporary password, shown this once (only its hash is kept); they sign in
 * with it and replace it (PUT /api/auth/password).
 */
public record Hired(Employee employee, String temporaryPassword) {
}
