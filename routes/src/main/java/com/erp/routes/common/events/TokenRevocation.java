package com.erp.routes.common.events;

import java.time.Instant;

/**
 * Someone's tokens issued at a token version below {@code tokenVersion} are no longer to be taken (topic
 * {@code erp.topics.tokens-revoked}, compacted, key = their id): they left (퇴사, then all their tokens are refused), or
 * an administrator changed what their tokens say (roles, department, position, name), or they changed their password
 * or signed out everywhere. employee-service bumps the
 * person's token version in the transaction of the change and publishes this from its outbox; every service refuses
 * those tokens from then on ({@link com.erp.routes.common.security.RevokedSubjects}), though they have not expired. A
 * version, not a time: a sign-in that read the record before the change gets a token of the old version, refused
 * with the others, whatever the clocks say.
 */
public record TokenRevocation(String eventId, int version, Instant occurredAt, Person employee, long tokenVersion,
                              Reason reason) {

    public static final int VERSION = 1;

    public enum Reason { DEPARTED, CHANGED }
}
