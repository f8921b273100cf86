package com.erp.approvalrequest.routes;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.erp.routes.testing.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

class DocumentQueryTest extends ApprovalRequestRouteTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";

    @Test
    void theDrafterTheApproversAndAdminsMayReadADocumentNobodyElse() {
        String id = submit("열람 권한");
        String path = "/api/approvals/" + id;

        Response drafter = http.get(path, token(DRAFTER));
        assertThat(drafter.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", path, drafter);
        assertThat(drafter.json().path("title").asText()).isEqualTo("열람 권한");
        assertThat(drafter.json().path("history").findValuesAsText("type")).containsExactly("SUBMITTED");

        assertThat(http.get(path, token(HEAD)).status()).isEqualTo(200);
        assertThat(http.get(path, adminToken()).status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "GET", path, assertProblemResponse(http.get(path, token(OTHER)), 403));
    }

    @Test
    void unknownAndMalformedIds() {
        Response unknown = http.get("/api/approvals/00000000-0000-0000-0000-000000000000", token(DRAFTER));
        assertProblem(unknown, 404);
        assertThat(assertProblem(http.get("/api/approvals/not-a-uuid", token(DRAFTER)), 400)
                .path("errors").findValuesAsText("field")).contains("approvalId");
    }

    @Test
    void myDocumentsNewestFirst() {
        String older = submit("첫 번째");
        String newer = submit("두 번째");
        Response mine = http.get("/api/approvals?limit=100", token(DRAFTER));
        assertMatchesContract(CONTRACT, "GET", "/api/approvals", mine);
        var ids = mine.json().path("items").findValuesAsText("id");
        assertThat(ids).contains(older, newer);
        assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        assertThat(http.get("/api/approvals", token(OTHER)).json().path("items").findValuesAsText("id"))
                .doesNotContain(older, newer);
    }

    private static Response assertProblemResponse(Response r, int status) {
        assertProblem(r, status);
        return r;
    }
}
