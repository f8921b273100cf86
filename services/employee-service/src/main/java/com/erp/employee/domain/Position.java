package com.erp.employee.domain;

/** Where someone stands in the org chart; decides their place in default approval lines. */
public enum Position {
    STAFF, TEAM_LEAD, DEPT_HEAD, EXECUTIVE
}
