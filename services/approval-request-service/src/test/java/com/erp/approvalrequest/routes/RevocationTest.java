package com.erp.approvalrequest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.erp.routes.common.events.DepartureEvent;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.security.RevocationRoute;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 퇴사: a service that did not issue a token refuses it once it reads that its subject left, before it expires. */
class RevocationTest extends ApprovalRequestRouteTestBase {

    @Autowired
    ObjectMapper json;

    @Test
    void theTokensOfSomeoneWhoLeftAreRefusedOthersAreNot() throws Exception {
        Person leaving = new Person(990_001L, "떠나는 사람", "STAFF", "개발본부");
        String token = token(leaving);
        assertThat(http.get("/api/approvals", token).status()).isEqualTo(200);

        NotifyBuilder read = new NotifyBuilder(camel).fromRoute(RevocationRoute.ID).whenCompleted(1).create();
        Instant now = Instant.now();
        kafka.send("employee.departed", String.valueOf(leaving.id()), json.writeValueAsString(
                new DepartureEvent("e-" + now.toEpochMilli(), DepartureEvent.VERSION, now, leaving, now)));
        assertThat(read.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // the same token, whose signature this service remembers, is refused now, in words
        Response refused = http.get("/api/approvals", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asText()).contains("closed");
        assertThat(http.get("/api/approvals", token(DRAFTER)).status()).isEqualTo(200);
    }
}
