package com.erp.employee.api;

import java.util.List;

/** Schema Employee. */
public record Employee(long id, String username, String name, String email, String position, List<String> roles,
                      DepartmentRef department, TeamRef team, String hiredOn, java.time.Instant departedAt) {

    /** The record as anyone but its subject and administrators sees it: without who administers or manages. */
    public Employee withoutRoles() {
        return new Employee(id, username, name, email, position, null, department, team, hiredOn, departedAt);
    }

    public record DepartmentRef(long id, String code, String name) {
    }

    public record TeamRef(long id, String name) {
    }
}
