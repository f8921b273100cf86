package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;

class ContractRoutesTest {

    private static final List<ServiceContract> ALL = List.of(
            new ServiceContract("employee", "openapi/employee-api.yaml", "a"),
            new ServiceContract("approval-request", "openapi/approval-request-api.yaml", "b"),
            new ServiceContract("approval-processing", "openapi/approval-processing-api.yaml", "c"),
            new ServiceContract("notification", "openapi/notification-api.yaml", "d"));

    @Test
    void theFourContractsMergeIntoOneThatServesEveryOperation() {
        OpenAPI merged = new OpenAPIV3Parser().readContents(ContractRoutes.merge(ALL)).getOpenAPI();
        assertThat(merged.getPaths().keySet()).contains("/auth/login", "/approvals", "/approvals/{approvalId}",
                "/approvals/{approvalId}/decisions", "/inbox", "/notifications", "/notifications/read");
        assertThat(merged.getComponents().getSchemas()).containsKeys("LoginRequest", "SubmitApprovalRequest",
                "DecisionRequest", "Notification", "Problem");
        assertThat(merged.getInfo().getTitle()).contains("employee").contains("notification");
    }

    @Test
    void aPathServedTwiceIsRefused() {
        List<ServiceContract> twice = List.of(ALL.get(0), new ServiceContract("again", "openapi/employee-api.yaml", "x"));
        assertThatThrownBy(() -> ContractRoutes.merge(twice)).hasMessageContaining("defines path");
    }

    @Test
    void aServiceAloneServesItsOwnContractUnchanged() {
        OpenAPI one = new OpenAPIV3Parser().readContents(ContractRoutes.merge(List.of(ALL.get(3)))).getOpenAPI();
        assertThat(one.getPaths()).hasSize(2);
        assertThat(one.getInfo().getTitle()).isEqualTo("erp-approval notification-service");
    }

    @Test
    void theMergedContractSaysWhereItIsServedAndWhatBodiesItTakes() {
        String merged = ContractRoutes.merge(ALL);
        assertThat(ContractRoutes.basePath(merged)).isEqualTo("/api");
        // so a form body can be refused before Camel parses it: no operation takes one
        assertThat(ContractRoutes.requestMediaTypes(merged)).containsExactly("application/json");
        // and which methods each path has (OPTIONS answers by it)
        assertThat(ContractRoutes.pathMethods(merged)).containsEntry("/inbox", java.util.Set.of("GET"))
                .containsEntry("/approvals/{approvalId}/decisions", java.util.Set.of("POST"))
                .containsEntry("/approvals", java.util.Set.of("GET", "POST"))
                // a path with parameters of its own: they are not a method
                .hasEntrySatisfying("/drafts/{draftId}", m -> assertThat(m).isNotEmpty()
                        .allMatch(x -> java.util.Set.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(x)));
    }
}
