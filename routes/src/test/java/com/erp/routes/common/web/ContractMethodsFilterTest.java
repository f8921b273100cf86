package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * OPTIONS says what the contract gives a path, the most specific path first; HEAD goes on as a GET where the path has
 * GET; other methods pass untouched.
 */
class ContractMethodsFilterTest {

    /** The template before the literal path it also matches, in this order: the filter must not rely on it. */
    private final ContractMethodsFilter filter = new ContractMethodsFilter("/api", linked(
            "/approvals/{approvalId}", Set.of("GET", "DELETE"),
            "/approvals", Set.of("GET", "POST"),
            "/approvals/drafts", Set.of("GET", "POST"),
            "/approvals/{approvalId}/decisions", Set.of("POST")));

    private static Map<String, Set<String>> linked(Object... pairs) {
        Map<String, Set<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> methods = (Set<String>) pairs[i + 1];
            map.put((String) pairs[i], methods);
        }
        return map;
    }

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
                .isEqualTo("DELETE, GET, HEAD, OPTIONS");
        // the literal path, not the template that also matches it
        assertThat(send("OPTIONS", "/api/approvals/drafts", new MockFilterChain()).getHeader("Allow"))
                .isEqualTo("GET, HEAD, OPTIONS, POST");
        // spelt as the REST router still serves it: a trailing slash, other letter case
        assertThat(send("OPTIONS", "/api/approvals/", new MockFilterChain()).getHeader("Allow"))
                .isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(send("OPTIONS", "/api/Approvals/a1/Decisions", new MockFilterChain()).getHeader("Allow"))
                .isEqualTo("OPTIONS, POST");
    }

    @Test
    void theMergedContractsLiteralPathsAreAnsweredAsThemselves() throws Exception {
        String merged = ContractRoutes.merge(java.util.List.of(
                new ServiceContract("employee", "openapi/employee-api.yaml", "a"),
                new ServiceContract("approval-request", "openapi/approval-request-api.yaml", "b")));
        ContractMethodsFilter real = new ContractMethodsFilter(ContractRoutes.basePath(merged), ContractRoutes.pathMethods(merged));
        Map<String, Set<String>> methods = ContractRoutes.pathMethods(merged);
        for (String[] pair : new String[][] {{"/api/employees/me", "/employees/me"},
                {"/api/employees/1002", "/employees/{employeeId}"}, {"/api/drafts/d1", "/drafts/{draftId}"}}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            real.doFilter(new MockHttpServletRequest("OPTIONS", pair[0]), response, new MockFilterChain());
            Set<String> expected = new java.util.TreeSet<>(methods.get(pair[1]));
            expected.add("OPTIONS");
            if (expected.contains("GET")) {
                expected.add("HEAD");
            }
            assertThat(response.getHeader("Allow")).as(pair[0]).isEqualTo(String.join(", ", expected));
        }
        assertThat(methods.get("/employees/me")).isNotEqualTo(methods.get("/employees/{employeeId}"));
        // a literal path spelt with escapes is a template's, as the REST router matches the raw path too
        MockHttpServletResponse escaped = new MockHttpServletResponse();
        real.doFilter(new MockHttpServletRequest("OPTIONS", "/api/employees/m%65"), escaped, new MockFilterChain());
        MockHttpServletResponse byId = new MockHttpServletResponse();
        real.doFilter(new MockHttpServletRequest("OPTIONS", "/api/employees/1002"), byId, new MockFilterChain());
        assertThat(escaped.getHeader("Allow")).isEqualTo(byId.getHeader("Allow")).contains("PUT");
    }

    @Test
    void headGoesOnAsAGetWhereThePathHasGetAndAsItselfElsewhere() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = send("HEAD", "/api/approvals/a1", chain);
        assertThat(((jakarta.servlet.http.HttpServletRequest) chain.getRequest()).getMethod()).isEqualTo("GET");
        assertThat(response.getHeader("Allow")).as("answered by the GET, not here").isNull();
        // a path with no GET: the REST router's 405 (with its Allow); a path off the contract: its 404
        for (String path : new String[] {"/api/approvals/a1/decisions", "/api/nothing"}) {
            MockFilterChain on = new MockFilterChain();
            send("HEAD", path, on);
            assertThat(((jakarta.servlet.http.HttpServletRequest) on.getRequest()).getMethod()).as(path).isEqualTo("HEAD");
        }
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
