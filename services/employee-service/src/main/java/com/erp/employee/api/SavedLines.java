package com.erp.employee.api;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema SavedLines: the caller's saved approval lines (자주 쓰는 결재선), by name. */
public record SavedLines(List<SavedLine> items) {

    /**
     * Schema SavedLine. {@code unavailable}: the people of the line who are no longer active employees; a document
     * cannot name them, so a client leaves them out when it uses the line.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SavedLine(long id, String name, List<Person> approvers, Agreement agreement, List<Person> cc,
                            List<Person> receivers, List<Person> unavailable, Instant savedAt,
                            List<Employee.DepartmentRef> receivingDepartments) {
    }

    /** The 합의 step's agreers and the approver it comes before (null: the last one). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Agreement(List<Person> agreers, Integer position) {
    }
}
