package com.erp.employee.api;

import java.util.List;

/** Body of POST /api/employees (schema HireRequest): who is hired, where, as what, from when (today if null). */
public record HireRequest(String username, String name, String email, long departmentId, Long teamId, String position,
                          List<String> roles, String hiredOn) {
}
