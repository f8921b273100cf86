package com.erp.routes.common.events;

/** 대결 on an event: {@code deputy} decides for {@code approver} (an approver or agreer of the step) today. */
public record StandIn(Person deputy, Person approver) {
}
