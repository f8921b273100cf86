package com.erp.approvalprocessing.api;

import java.util.List;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Schema ReminderResult: who was reminded of the document's active step. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReminderResult(String approvalId, int step, List<Person> reminded, List<Person> deputies) {
}
