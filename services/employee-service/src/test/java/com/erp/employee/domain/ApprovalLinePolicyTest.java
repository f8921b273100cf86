package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApprovalLinePolicyTest {

    private final Department dept = new Department("DEV", "개발본부");
    private final Team team = new Team(dept, "플랫폼팀");
    private final Employee staff = person(1, "staff", team, Position.STAFF);
    private final Employee lead = person(2, "lead", team, Position.TEAM_LEAD);
    private final Employee head = person(3, "head", null, Position.DEPT_HEAD);

    ApprovalLinePolicyTest() {
        team.setLead(lead);
        dept.setHead(head);
    }

    private Employee person(long id, String name, Team t, Position position) {
        Employee e = new Employee(name, "x", name, null, dept, t, position, EnumSet.of(Role.EMPLOYEE));
        set(e, "id", id);
        return e;
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(List<Employee> line) {
        return line.stream().map(Employee::getName).toList();
    }

    @Test
    void staffGoToTheirTeamLeadThenTheirHead() {
        assertThat(names(ApprovalLinePolicy.defaultLine(staff))).containsExactly("lead", "head");
    }

    @Test
    void aTeamLeadGoesToTheHead() {
        assertThat(names(ApprovalLinePolicy.defaultLine(lead))).containsExactly("head");
    }

    @Test
    void aHeadHasNoDefaultLine() {
        assertThat(ApprovalLinePolicy.defaultLine(head)).isEmpty();
    }

    @Test
    void nobodyApprovesTheirOwnDocumentOrAppearsTwice() {
        team.setLead(staff); // the staff member leads the team themselves
        assertThat(names(ApprovalLinePolicy.defaultLine(staff))).containsExactly("head");

        team.setLead(head); // the head leads the team too
        assertThat(names(ApprovalLinePolicy.defaultLine(staff))).containsExactly("head");
    }

    @Test
    void inactiveApproversAreLeftOut() {
        set(lead, "active", false);
        assertThat(names(ApprovalLinePolicy.defaultLine(staff))).containsExactly("head");
    }

    @Test
    void aStaffMemberWithoutATeamGoesStraightToTheHead() {
        Employee loner = person(4, "loner", null, Position.STAFF);
        assertThat(names(ApprovalLinePolicy.defaultLine(loner))).containsExactly("head");
    }
}
