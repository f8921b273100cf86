package com.erp.employee.api;

import java.util.List;

/** Schema Employee. */
public record Employee(long id, String username, String name, String email, String position, List<String> roles,
                      DepartmentRef department, TeamRef team, String hiredOn, java.time.Instant departedAt) {

    public record DepartmentRef(long id, String code, String name) {
    }

    public record TeamRef(long id, String name) {
    }
}
