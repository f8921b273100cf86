package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.security.RevocationRoute;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A service that did not issue a token refuses it once it reads that its subject's tokens were revoked. */
class RevocationTest extends ApprovalRequestRouteTestBase {

    @Autowired
    ObjectMapper json;

    private void revoke(Person p, Instant issuedBefore, TokenRevocation.Reason reason) throws Exception {
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute(RevocationRoute.ID).whenCompleted(1).create();
        Instant now = Instant.now();
        kafka.send("employee.tokens-revoked", String.valueOf(p.id()), json.writeValueAsString(new TokenRevocation(
                "e-" + System.nanoTime(), TokenRevocation.VERSION, now, p, issuedBefore, reason)));
        assertThat(read.matches(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theTokensOfSomeoneWhoLeftAreRefusedWhetherSeenBeforeOrNotOthersAreNot() throws Exception {
        Person leaving = new Person(990_001L, "떠나는 사람", "STAFF", "개발본부");
        String used = token(leaving);
        String unused = token(leaving); // never verified here before the revocation: the decoder's path, not the cache's
        assertThat(http.get("/api/approvals", used).status()).isEqualTo(200);

        revoke(leaving, Instant.now().plusSeconds(1), TokenRevocation.Reason.DEPARTED);

        for (String token : new String[]{used, unused}) {
            Response refused = http.get("/api/approvals", token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().path("detail").asText()).contains("closed");
        }
        assertThat(http.get("/api/approvals", token(DRAFTER)).status()).isEqualTo(200);
    }

    @Test
    void aChangedAccountsOlderTokensAreRefusedItsNewerOnesTakenAndAnOlderRevocationChangesNothing() throws Exception {
        Person moved = new Person(990_002L, "옮긴 사람", "STAFF", "개발본부");
        String before = token(moved);
        Instant bound = Instant.now().plusSeconds(2);
        revoke(moved, bound, TokenRevocation.Reason.CHANGED);
        assertThat(http.get("/api/approvals", before).status()).isEqualTo(401);
        assertThat(http.get("/api/approvals", before).json().path("detail").asText()).contains("sign in again");

        // a token issued after the bound (as a new sign-in's would be) is taken
        Thread.sleep(java.time.Duration.between(Instant.now(), bound).toMillis() + 1100);
        String after = token(moved);
        assertThat(http.get("/api/approvals", after).status()).isEqualTo(200);
        // a replayed older revocation does not bring the bound back
        revoke(moved, bound.minusSeconds(60), TokenRevocation.Reason.CHANGED);
        assertThat(http.get("/api/approvals", after).status()).isEqualTo(200);
        assertThat(http.get("/api/approvals", before).status()).isEqualTo(401);
    }
}
