package com.erp.employee.api;

import java.util.List;

import com.erp.routes.common.events.Person;

/** Schema ApprovalLine: approvers in order. */
public record ApprovalLine(List<Person> approvers) {
}
