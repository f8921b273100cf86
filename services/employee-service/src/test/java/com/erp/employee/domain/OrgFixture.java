package com.erp.employee.domain;

import java.lang.reflect.Field;
import java.util.EnumSet;

/** A department of one team, for tests of the org chart's rules: staff (1) and lead (2) in the team, the head (3). */
public final class OrgFixture {

    public final Department dept = new Department("DEV", "개발본부");
    public final Team team = new Team(dept, "플랫폼팀");
    public final Employee staff = person(1, "staff", team, Position.STAFF);
    public final Employee lead = person(2, "lead", team, Position.TEAM_LEAD);
    public final Employee head = person(3, "head", null, Position.DEPT_HEAD);

    public OrgFixture() {
        team.setLead(lead);
        dept.setHead(head);
    }

    /** Someone of the department, with an id as if stored. */
    public Employee person(long id, String name, Team t, Position position) {
        Employee e = new Employee(name, "x", name, null, dept, t, position, EnumSet.of(Role.EMPLOYEE),
                java.time.LocalDate.of(2020, 3, 2));
        set(e, "id", id);
        return e;
    }

    /** Sets a field the entity has no setter for (its id, whether it is active). */
    public static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
