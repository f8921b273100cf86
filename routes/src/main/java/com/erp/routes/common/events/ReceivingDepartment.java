package com.erp.routes.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * 수신처: a department a document is sent to once it is approved, as written into events and documents. {@code head}
 * is who headed it when the document was submitted (null if nobody did). notification tells the department's head
 * now, from the org chart employee-service publishes ({@link ReportingLines#departmentHeads()}), and this one only
 * while it has no chart with heads; anyone of the department may read and acknowledge it (접수) for the department.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivingDepartment(long id, String name, Person head) {
}
