package com.erp.routes.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
}
