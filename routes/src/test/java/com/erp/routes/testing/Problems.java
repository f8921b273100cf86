package com.erp.routes.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.erp.routes.common.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {
    }

    /** The response is a problem with this status; returns its body for further checks. */
    public static JsonNode assertProblem(HttpTestClient.Response r, int status) {
        assertThat(r.status()).as("status of %s", r).isEqualTo(status);
        assertThat(r.contentType()).as("content type of %s", r).startsWith("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    /** The status a business rule answers with: 200 when it lets the change through, else its problem's status. */
    public static int statusOf(Runnable rule) {
        try {
            rule.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }
}
