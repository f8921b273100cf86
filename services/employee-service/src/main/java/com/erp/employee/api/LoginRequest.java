package com.erp.employee.api;

/** Body of POST /api/auth/login (schema LoginRequest). */
public record LoginRequest(String username, String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + "]";
    }
}
