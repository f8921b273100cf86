package com.erp.routes.common.directory;

import java.util.List;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.ReceivingDepartment;

/**
 * Who may approve (bean {@code employeeDirectory}, {@link DirectoryConfiguration}): employee-service owns the org
 * chart; approval-request (a submission's line) and approval-processing (a line changed in progress) ask it on the
 * drafter's behalf, with the drafter's own token.
 */
public interface EmployeeDirectory {

    /** The drafter's default approval line from the org chart. */
    List<Person> defaultLine(long drafterId, String bearerToken);

    /** The active employees among these ids, in the order given; unknown or inactive ids are left out. */
    List<Person> approvers(List<Long> ids, String bearerToken);

    /** The departments among these ids (수신처), in the order given, each with its head now; unknown ids are left out. */
    List<ReceivingDepartment> departments(List<Long> ids, String bearerToken);

    /** Whether a department of the org chart has this name now. */
    boolean hasDepartmentNamed(String name, String bearerToken);
}
