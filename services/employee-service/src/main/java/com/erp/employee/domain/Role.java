package com.erp.employee.domain;

/** What someone may do: EMPLOYEE (everyone), MANAGER (approve quests, see a team), ADMIN (operate the system). */
public enum Role {
    EMPLOYEE, MANAGER, ADMIN
}
