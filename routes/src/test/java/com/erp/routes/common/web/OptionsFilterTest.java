package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** OPTIONS says what the contract gives a path, the most specific path first; other methods pass untouched. */
class OptionsFilterTest {

    private final OptionsFilter filter = new OptionsFilter("/api", Map.of(
            "/approvals", Set.of("GET", "POST"),
            "/approvals/{approvalId}", Set.of("GET", "DELETE"),
            "/approvals/drafts", Set.of("GET", "POST"),
            "/approvals/{approvalId}/decisions", Set.of("POST")));

    private MockHttpServletResponse send(String method, String path, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void aPathOfTheContractIsAnsweredWithItsMethods() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse decisions = send("OPTIONS", "/api/approvals/0b6f7c1e-6a43-4d5e-9a3e-2f1c0d9e8b7a/decisions", chain);
        assertThat(decisions.getStatus()).isEqualTo(204);
        assertThat(decisions.getHeader("Allow")).isEqualTo("OPTIONS, POST");
        assertThat(chain.getRequest()).as("not handed on").isNull();
        assertThat(send("OPTIONS", "/api/approvals/a1", new MockFilterChain()).getHeader("Allow"))
                .isEqualTo("DELETE, GET, OPTIONS");
        // the literal path, not the template that also matches it
        assertThat(send("OPTIONS", "/api/approvals/drafts", new MockFilterChain()).getHeader("Allow"))
                .isEqualTo("GET, OPTIONS, POST");
    }

    @Test
    void aPathTheContractDoesNotHaveAndOtherMethodsAreHandedOn() throws Exception {
        for (String[] request : new String[][] {{"OPTIONS", "/api/nothing"}, {"OPTIONS", "/api/approvals/a1/b/c"},
                {"OPTIONS", "/approvals"}, {"GET", "/api/approvals"}, {"POST", "/api/approvals/a1/decisions"}}) {
            MockFilterChain chain = new MockFilterChain();
            MockHttpServletResponse response = send(request[0], request[1], chain);
            assertThat(chain.getRequest()).as(String.join(" ", request)).isNotNull();
            assertThat(response.getHeader("Allow")).isNull();
        }
    }
}
