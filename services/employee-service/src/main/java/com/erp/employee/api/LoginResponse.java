package com.erp.employee.api;

/** Answer of POST /api/auth/login (schema LoginResponse). */
public record LoginResponse(String accessToken, String tokenType, long expiresIn, Employee employee) {
}
