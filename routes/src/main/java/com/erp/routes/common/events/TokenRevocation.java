package com.erp.routes.common.events;

import java.time.Instant;
import java.util.Map;

/**
 * Which tokens of someone are no longer to be taken (topic {@code erp.topics.tokens-revoked}, compacted, key = their
 * id; each record is the person's whole state): those issued at a token version below {@code tokenVersion}, and the
 * ones signed out one by one ({@code signedOut}: token id → when it expires). They left (퇴사, then all their tokens are
 * refused), or an administrator changed what their tokens say (roles, department, position, name), or they changed
 * their password or signed out everywhere (the version raised), or they logged out of one session (its token signed
 * out). employee-service records the change in its transaction and publishes this from its outbox; every service
 * refuses those tokens from then on ({@link com.erp.routes.common.security.RevokedSubjects}), though they have not
 * expired. A version, not a time: a sign-in that read the record before the change gets a token of the old version,
 * refused with the others, whatever the clocks say.
 *
 * @param revision grows with every record of the person (a version raised or a token signed out), so the later of
 *                 two is known in whatever order they are read; records written before it existed carry none (0) and
 *                 count as their token version, where it started
 */
public record TokenRevocation(String eventId, int version, Instant occurredAt, Person employee, long tokenVersion,
                              Reason reason, long revision, Map<String, Instant> signedOut) {

    public static final int VERSION = 1;

    public enum Reason { DEPARTED, CHANGED, SIGNED_OUT }

    public TokenRevocation {
        revision = Math.max(revision, tokenVersion);
        signedOut = signedOut == null ? Map.of() : Map.copyOf(signedOut);
    }

    /** Every token issued below {@code tokenVersion} revoked, and none one by one. */
    public TokenRevocation(String eventId, int version, Instant occurredAt, Person employee, long tokenVersion,
                           Reason reason) {
        this(eventId, version, occurredAt, employee, tokenVersion, reason, tokenVersion, Map.of());
    }

    /** Whether a token of this person issued at {@code version}, with id {@code tokenId} (null: none), is refused. */
    public boolean refuses(long version, String tokenId) {
        return reason == Reason.DEPARTED || version < tokenVersion || tokenId != null && signedOut.containsKey(tokenId);
    }
}
