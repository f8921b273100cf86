package com.erp.employee.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The default approval line (결재선) the org chart gives a drafter: their team lead, then their department
 * head, leaving out anyone who is the drafter or already on the line, and anyone inactive. A department
 * head gets an empty line (their documents go to whoever they name).
 */
public final class ApprovalLinePolicy {

    private ApprovalLinePolicy() {
    }

    public static List<Employee> defaultLine(Employee drafter) {
        List<Employee> line = new ArrayList<>();
        if (drafter.getPosition() == Position.STAFF && drafter.getTeam() != null) {
            add(line, drafter, drafter.getTeam().getLead());
        }
        if (drafter.getPosition() != Position.DEPT_HEAD && drafter.getPosition() != Position.EXECUTIVE) {
            add(line, drafter, drafter.getDepartment().getHead());
        }
        return line;
    }

    private static void add(List<Employee> line, Employee drafter, Employee approver) {
        if (approver == null || !approver.isActive() || Objects.equals(approver.getId(), drafter.getId())
                || line.stream().anyMatch(e -> Objects.equals(e.getId(), approver.getId()))) {
            return;
        }
        line.add(approver);
    }
}
