package com.erp.routes.common.events;

import java.time.Instant;

/**
 * 퇴사: someone left (topic {@code erp.topics.employee-departed}, compacted, key = their id), published by
 * employee-service from its outbox in the transaction that recorded it. Every service refuses their tokens from then
 * on ({@link com.erp.routes.common.security.RevokedSubjects}), though those tokens have not expired yet.
 */
public record DepartureEvent(String eventId, int version, Instant occurredAt, Person employee, Instant departedAt) {

    public static final int VERSION = 1;
}
