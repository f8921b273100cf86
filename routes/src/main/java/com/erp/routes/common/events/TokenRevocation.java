package com.erp.routes.common.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Someone's tokens issued before {@code issuedBefore} are no longer to be taken (topic
 * {@code erp.topics.tokens-revoked}, compacted, key = their id): they left (퇴사), or an administrator changed what
 * their tokens say (roles, department, position, name). Published by employee-service from its outbox in the
 * transaction of the change; every service refuses those tokens from then on
 * ({@link com.erp.routes.common.security.RevokedSubjects}), though they have not expired.
 */
public record TokenRevocation(String eventId, int version, Instant occurredAt, Person employee, Instant issuedBefore,
                              Reason reason) {

    public static final int VERSION = 1;

    public enum Reason { DEPARTED, CHANGED }

    /**
     * The bound for a change at {@code at}: the next whole second (a token's issue time, {@code iat}, has whole
     * seconds), so that every token issued up to the change is refused. A sign-in right after it waits for that second
     * ({@link com.erp.routes.common.security.RevokedSubjects#notBefore}).
     */
    public static Instant issuedBefore(Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        return second.equals(at) ? at : second.plusSeconds(1);
    }
}
