package com.erp.employee.api;

import java.time.LocalDate;
import java.util.List;

import com.erp.routes.common.events.Person;

/** Schema LeaveCalendar: 부서 휴가 현황, who of a department is on leave in a month. */
public record LeaveCalendar(String month, CalendarDepartment department, List<Leave> leaves) {

    public record CalendarDepartment(long id, String name) {
    }

    /** One leave document's days: APPROVED, or PENDING while it is on its way. */
    public record Leave(Person employee, String leaveKind, LocalDate startDate, LocalDate endDate, double days,
                        String status) {
    }
}
