package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.TokenRevocation;
import com.erp.routes.common.kafka.KafkaClients;
import com.erp.routes.common.security.RevocationCatchUp;
import com.erp.routes.common.security.RevocationRoute;
import com.erp.routes.common.security.RevokedSubjects;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** A service that did not issue a token refuses it once it reads that its subject's tokens were revoked. */
class RevocationTest extends ApprovalRequestRouteTestBase {

    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaClients kafkaClients;
    @Autowired
    org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    private void revoke(Person p, long tokenVersion, TokenRevocation.Reason reason) throws Exception {
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute(RevocationRoute.ID).whenCompleted(1).create();
        kafka.send("employee.tokens-revoked", String.valueOf(p.id()), json.writeValueAsString(new TokenRevocation(
                "e-" + System.nanoTime(), TokenRevocation.VERSION, Instant.now(), p, tokenVersion, reason)));
        assertThat(read.matches(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void everyTokenOfSomeoneWhoLeftIsRefusedWhetherSeenBeforeOrNotOthersAreNot() throws Exception {
        Person leaving = new Person(990_001L, "떠나는 사람", "STAFF", "개발본부");
        String used = token(leaving);
        String unused = TestPeople.token(tokens, leaving, 7); // never verified here before: the decoder's path
        assertThat(http.get("/api/approvals", used).status()).isEqualTo(200);

        revoke(leaving, 1, TokenRevocation.Reason.DEPARTED);

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
        String before = TestPeople.token(tokens, moved, 1);
        assertThat(http.get("/api/approvals", before).status()).isEqualTo(200);
        revoke(moved, 2, TokenRevocation.Reason.CHANGED);
        Response stale = http.get("/api/approvals", before);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().path("detail").asText()).contains("sign in again");

        // a token of the new version (a sign-in after the change) is taken, at once
        String after = TestPeople.token(tokens, moved, 2);
        assertThat(http.get("/api/approvals", after).status()).isEqualTo(200);
        // a replayed older revocation does not lower the version
        revoke(moved, 1, TokenRevocation.Reason.CHANGED);
        assertThat(http.get("/api/approvals", after).status()).isEqualTo(200);
        assertThat(http.get("/api/approvals", before).status()).isEqualTo(401);
    }

    /** A logout in employee-service ends that token here too, once this service reads the person's record. */
    @Test
    void aTokenLoggedOutOfIsRefusedAndThePersonsOtherTokensAreNot() throws Exception {
        Person p = new Person(990_004L, "로그아웃한 사람", "STAFF", "개발본부");
        String laptop = TestPeople.token(tokens, p, 3);
        String phone = TestPeople.token(tokens, p, 3);
        assertThat(http.get("/api/approvals", laptop).status()).isEqualTo(200);
        String laptopId = decoder.decode(laptop).getId();
        NotifyBuilder read = new NotifyBuilder(camel).fromRoute(RevocationRoute.ID).whenCompleted(1).create();
        kafka.send("employee.tokens-revoked", String.valueOf(p.id()), json.writeValueAsString(new TokenRevocation(
                "e-" + System.nanoTime(), TokenRevocation.VERSION, Instant.now(), p, 3,
                TokenRevocation.Reason.SIGNED_OUT, 7, Map.of(laptopId, Instant.now().plusSeconds(3600)))));
        assertThat(read.matches(30, TimeUnit.SECONDS)).isTrue();

        Response refused = http.get("/api/approvals", laptop);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("logged out");
        assertThat(http.get("/api/approvals", phone).status()).isEqualTo(200);
    }

    /**
     * A process that starts after a departure knows it before it is ready: it reads the revocations to their end first
     * (here as a second process would, with a copy of its own), and while it cannot, its readiness says so.
     */
    @Test
    void aStartingProcessIsReadyOnlyOnceItHasReadEveryRevocationBeforeIt() throws Exception {
        Person gone = new Person(990_003L, "먼저 떠난 사람", "STAFF", "개발본부");
        revoke(gone, 1, TokenRevocation.Reason.DEPARTED);

        RevokedSubjects fresh = new RevokedSubjects();
        RevocationCatchUp starting = new RevocationCatchUp(kafkaClients, "employee.tokens-revoked", fresh, json,
                Duration.ofSeconds(30));
        try {
            starting.afterSingletonsInstantiated(); // returns once read to the end
            assertThat(starting.caughtUp()).isTrue();
            assertThat(fresh.departed(gone.id())).isTrue();
            assertThat(fresh.refuses(gone.id(), 5)).isTrue();
            Health health = starting.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat((Integer) health.getDetails().get("read")).isPositive();
        } finally {
            starting.destroy();
        }

        RevocationCatchUp cutOff = new RevocationCatchUp(KafkaClients.plain("127.0.0.1:1"), "employee.tokens-revoked",
                new RevokedSubjects(), json, Duration.ofMillis(300));
        try {
            cutOff.afterSingletonsInstantiated(); // opens anyway after the wait, not ready
            assertThat(cutOff.caughtUp()).isFalse();
            assertThat(cutOff.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        } finally {
            cutOff.destroy();
        }

        // no topic (nothing was ever revoked): nothing to wait for, and asking does not make the topic
        String none = "employee.tokens-revoked-never-" + System.nanoTime();
        RevocationCatchUp early = new RevocationCatchUp(kafkaClients, none, new RevokedSubjects(), json,
                Duration.ofSeconds(30));
        try {
            early.afterSingletonsInstantiated();
            assertThat(early.caughtUp()).isTrue();
        } finally {
            early.destroy();
        }
        try (Admin admin = kafkaClients.admin(Map.of())) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain(none);
        }

        // and this service's readiness is made of it
        Response readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").path("revocations").path("status").asText()).isEqualTo("UP");
    }
}
