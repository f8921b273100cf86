package com.erp.employee.api;

import java.util.List;

import com.erp.routes.common.events.Person;

/** Schema Department: one department of the org chart. */
public record Department(long id, String code, String name, Person head, List<Team> teams) {

    public record Team(long id, String name, Person lead) {
    }
}
