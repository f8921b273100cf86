package com.erp.employee.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApprovalLinePolicyTest {

    private final OrgFixture org = new OrgFixture();
    private final Team team = org.team;
    private final Employee staff = org.staff;
    private final Employee lead = org.lead;
    private final Employee head = org.head;

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
        OrgFixture.set(lead, "active", false);
        assertThat(names(ApprovalLinePolicy.defaultLine(staff))).containsExactly("head");
    }

    @Test
    void aStaffMemberWithoutATeamGoesStraightToTheHead() {
        Employee loner = org.person(4, "loner", null, Position.STAFF);
        assertThat(names(ApprovalLinePolicy.defaultLine(loner))).containsExactly("head");
    }
}
