package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.events.TokenRevocation.Reason;
import org.junit.jupiter.api.Test;

class RevokedSubjectsTest {

    private static final Person P = new Person(41, "돌아온 사람", "STAFF", "D");

    private static TokenRevocation revocation(long version, Reason reason) {
        return new TokenRevocation("e" + version, TokenRevocation.VERSION, Instant.EPOCH, P, version, reason);
    }

    @Test
    void aDepartureRefusesEveryTokenAndAReturnAtAHigherVersionTakesTheNewOnes() {
        RevokedSubjects revoked = new RevokedSubjects();
        revoked.revoke(revocation(1, Reason.DEPARTED));
        assertThat(revoked.departed(P.id())).isTrue();
        assertThat(revoked.refuses(P.id(), 5)).isTrue();

        revoked.revoke(revocation(2, Reason.CHANGED)); // 복직
        assertThat(revoked.departed(P.id())).isFalse();
        assertThat(revoked.refuses(P.id(), 1)).isTrue();
        assertThat(revoked.refuses(P.id(), 2)).isFalse();
    }

    /** The compacted topic is read again at every start, and by the catch-up and the route both: order must not matter. */
    @Test
    void readingTheRevocationsAgainInAnyOrderEndsWhereTheLatestSays() {
        RevokedSubjects revoked = new RevokedSubjects();
        java.util.List<TokenRevocation> told = new java.util.ArrayList<>();
        revoked.onRevoke(told::add);
        revoked.revoke(revocation(2, Reason.CHANGED));
        revoked.revoke(revocation(1, Reason.DEPARTED)); // the departure the return superseded, read again
        assertThat(revoked.departed(P.id())).isFalse();
        assertThat(revoked.refuses(P.id(), 2)).isFalse();
        // the listeners (open WebSocket sessions) hear only of what is in force
        assertThat(told).extracting(TokenRevocation::tokenVersion).containsExactly(2L);

        revoked.revoke(revocation(3, Reason.DEPARTED)); // and a later departure holds
        revoked.revoke(revocation(2, Reason.CHANGED));
        assertThat(revoked.departed(P.id())).isTrue();
        assertThat(RevokedSubjects.newer(revocation(4, Reason.DEPARTED), revocation(4, Reason.CHANGED))).isTrue();
        assertThat(RevokedSubjects.newer(revocation(4, Reason.CHANGED), revocation(4, Reason.DEPARTED))).isFalse();
    }

    private static TokenRevocation signedOut(long version, long revision, String... tokenIds) {
        java.util.Map<String, Instant> ids = new java.util.HashMap<>();
        for (String id : tokenIds) {
            ids.put(id, Instant.EPOCH.plusSeconds(3600));
        }
        return new TokenRevocation("s" + revision, TokenRevocation.VERSION, Instant.EPOCH, P, version, Reason.SIGNED_OUT,
                revision, ids);
    }

    /** A logout ends its own token only; the person's other sessions (another browser, the phone) go on. */
    @Test
    void aLoggedOutTokenIsRefusedAndTheSameVersionsOtherTokensAreNot() {
        RevokedSubjects revoked = new RevokedSubjects();
        java.util.List<TokenRevocation> told = new java.util.ArrayList<>();
        revoked.onRevoke(told::add);
        revoked.revoke(signedOut(3, 4, "laptop"));
        assertThat(revoked.refuses(P.id(), 3, "laptop")).isTrue();
        assertThat(revoked.refuses(P.id(), 3, "phone")).isFalse();
        assertThat(revoked.refuses(P.id(), 3)).as("a token without an id").isFalse();
        assertThat(revoked.refuses(P.id(), 2, "phone")).as("older than the version, as before").isTrue();
        assertThat(revoked.departed(P.id())).isFalse();

        revoked.revoke(signedOut(3, 5, "laptop", "phone")); // the second logout's record holds both
        assertThat(revoked.refuses(P.id(), 3, "phone")).isTrue();
        revoked.revoke(signedOut(3, 4, "laptop")); // the first, read again, does not take the phone's back
        assertThat(revoked.refuses(P.id(), 3, "phone")).isTrue();
        assertThat(told).extracting(TokenRevocation::revision).containsExactly(4L, 5L);
        assertThat(revoked.validator().validate(org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t")
                .header("alg", "RS256").subject("41").jti("phone").claim(TokenIssuer.CLAIM_TOKEN_VERSION, 3).build())
                .getErrors()).extracting(e -> e.getDescription()).singleElement().asString().contains("logged out");

        // a password change raises the version past them all: its record needs no list
        revoked.revoke(new TokenRevocation("c", TokenRevocation.VERSION, Instant.EPOCH, P, 4, Reason.CHANGED, 6,
                java.util.Map.of()));
        assertThat(revoked.refuses(P.id(), 3, "tablet")).isTrue();
        assertThat(revoked.refuses(P.id(), 4, "laptop")).isFalse();
    }

    /** Records written before revisions existed count as their token version; a logout's comes after them. */
    @Test
    void aRecordWithoutARevisionCountsAsItsTokenVersion() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .findAndRegisterModules();
        TokenRevocation old = json.readValue("""
                {"eventId":"o","version":1,"occurredAt":"2026-01-01T00:00:00Z",
                 "employee":{"id":41,"name":"n","position":"STAFF","department":"D"},"tokenVersion":3,"reason":"CHANGED"}
                """, TokenRevocation.class);
        assertThat(old.revision()).isEqualTo(3);
        assertThat(old.signedOut()).isEmpty();
        TokenRevocation logout = json.readValue(json.writeValueAsString(signedOut(3, 4, "laptop")), TokenRevocation.class);
        assertThat(logout).isEqualTo(signedOut(3, 4, "laptop"));
        assertThat(RevokedSubjects.newer(logout, old)).isTrue();
        assertThat(RevokedSubjects.newer(old, logout)).isFalse();

        // during an upgrade a process that knows no revisions raises the version alone: a password change there
        // (version 4, no revision) comes after a logout recorded by an upgraded one (version 3, revision 5)
        TokenRevocation changedByOld = json.readValue("""
                {"eventId":"p","version":1,"occurredAt":"2026-01-01T00:00:00Z",
                 "employee":{"id":41,"name":"n","position":"STAFF","department":"D"},"tokenVersion":4,"reason":"CHANGED"}
                """, TokenRevocation.class);
        for (List<TokenRevocation> order : List.of(List.of(signedOut(3, 5, "laptop"), changedByOld),
                List.of(changedByOld, signedOut(3, 5, "laptop")))) {
            RevokedSubjects revoked = new RevokedSubjects();
            order.forEach(revoked::revoke);
            assertThat(revoked.refuses(P.id(), 3, "phone")).as("every version-3 token, read in %s", order).isTrue();
            assertThat(revoked.refuses(P.id(), 4, "laptop")).isFalse();
        }
    }
}
