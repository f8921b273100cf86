package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.RestClientRequestValidator;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class ContractRequestValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CamelContext camel = new DefaultCamelContext();
    private final ContractRequestValidator validator = new ContractRequestValidator();
    private final OpenAPI contract = load("openapi/approval-request-api.yaml");

    private static OpenAPI load(String location) {
        ParseOptions options = new ParseOptions();
        options.setResolveFully(true);
        return new OpenAPIV3Parser().read(location, null, options);
    }

    private RestClientRequestValidator.ValidationError validate(String method, String path, String query, String body) {
        return validate(method, path, query, body, "application/json");
    }

    private RestClientRequestValidator.ValidationError validate(String method, String path, String query, String body,
                                                                String contentType) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.REST_OPENAPI, contract);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        if (body != null) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
            exchange.getMessage().setBody(body);
        }
        return validator.validate(exchange, null);
    }

    private static JsonNode problem(RestClientRequestValidator.ValidationError error) throws Exception {
        return JSON.readTree(error.body());
    }

    @Test
    void aHeaderTheContractTakesOnceIs400WhenGivenTwice() throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.REST_OPENAPI, contract);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, "/api/approvals");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setBody("{\"type\":\"GENERAL\",\"title\":\"t\"}");
        // what platform-http makes of "X-Dispatch-Mode: sync" sent twice
        exchange.getMessage().setHeader("X-Dispatch-Mode", java.util.List.of("sync", "sync"));

        RestClientRequestValidator.ValidationError error = validator.validate(exchange, null);
        assertThat(error).isNotNull();
        assertThat(error.statusCode()).isEqualTo(400);
        JsonNode problem = problem(error);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("X-Dispatch-Mode");
        assertThat(problem.path("detail").asText()).contains("more than once");

        exchange.getMessage().setHeader("X-Dispatch-Mode", "sync");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json"); // the refusal set its own
        assertThat(validator.validate(exchange, null)).as("once is fine").isNull();
    }

    @Test
    void aValidRequestPasses() {
        assertThat(validate("POST", "/api/approvals", null, "{\"type\":\"GENERAL\",\"title\":\"t\"}")).isNull();
        assertThat(validate("GET", "/api/approvals", "limit=5", null)).isNull();
    }

    @Test
    void missingAndUnknownFieldsAreNamed() throws Exception {
        var error = validate("POST", "/api/approvals", null, "{\"type\":\"GENERAL\",\"extra\":1}");
        assertThat(error.statusCode()).isEqualTo(400);
        JsonNode p = problem(error);
        assertThat(p.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(p.path("errors").findValuesAsText("field")).contains("/title", "/extra");
        assertThat(p.path("detail").asText()).contains("/title");
    }

    @Test
    void wrongTypesAndLimitsAreNamed() throws Exception {
        var error = validate("POST", "/api/approvals", null,
                "{\"type\":\"MEMO\",\"title\":\"\",\"approverIds\":[1,1]}");
        List<String> fields = problem(error).path("errors").findValuesAsText("field");
        assertThat(fields).contains("/type", "/title", "/approverIds");
    }

    @Test
    void badQueryParametersAreNamed() throws Exception {
        var error = validate("GET", "/api/approvals", "limit=0", null);
        assertThat(problem(error).path("errors").findValuesAsText("field")).containsExactly("limit");
    }

    /**
     * What the validator itself passes and a route would not read as sent: spaces around a number (Camel's
     * conversion does not trim: a 500), a NUL in a search (MongoDB refuses it in a pattern: a 500), a space in an id.
     */
    @Test
    void spacesAroundANumberControlCharactersAndSpacesInThePathAre400() throws Exception {
        JsonNode padded = problem(validate("GET", "/api/approvals", "limit=+10", null));
        assertThat(padded.path("status").asInt()).isEqualTo(400);
        assertThat(padded.path("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(padded.path("detail").asText()).contains("a number without spaces");
        JsonNode nul = problem(validate("GET", "/api/approvals", "q=abc%00", null));
        assertThat(nul.path("errors").findValuesAsText("field")).containsExactly("q");
        assertThat(nul.path("detail").asText()).contains("control characters");
        assertThat(problem(validate("GET", "/api/approvals/ 42", null, null)).path("errors").findValuesAsText("field"))
                .containsExactly("path");
        // spaces inside a text are the text's own
        assertThat(validate("GET", "/api/approvals", "q=%20%EC%B6%9C%EC%9E%A5%20%EB%B3%B4%EA%B3%A0&limit=10", null)).isNull();
    }

    @Test
    void unparseableJsonIs400() throws Exception {
        var error = validate("POST", "/api/approvals", null, "{\"type\": ");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(problem(error).path("detail").asText()).isNotBlank();
    }

    @Test
    void aBadPercentEscapeIs400NamingTheParameter() throws Exception {
        var error = validate("GET", "/api/approvals", "limit=5&x=%ZZ", null);
        assertThat(error.statusCode()).isEqualTo(400);
        JsonNode p = problem(error);
        assertThat(p.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("x");
        assertThat(p.path("detail").asText()).contains("percent-escape");

        // in a name, where there is no name to give
        assertThat(problem(validate("GET", "/api/approvals", "%G1=2", null)).path("errors").findValuesAsText("field"))
                .containsExactly("%G1");
    }

    @Test
    void anEmptyValueIsCalledEmptyNotMissing() throws Exception {
        var error = validate("GET", "/api/approvals", "limit=", null);
        assertThat(error.statusCode()).isEqualTo(400);
        JsonNode p = problem(error);
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("limit");
        assertThat(p.path("detail").asText()).contains("empty").doesNotContain("missing");
        // a parameter the operation does not have is ignored, empty or not
        assertThat(validate("GET", "/api/approvals", "unknown=", null)).isNull();
    }

    @Test
    void valuesAreQuotedOnlyInPart() throws Exception {
        String title = "x".repeat(50_000);
        var error = validate("POST", "/api/approvals", null, "{\"type\":\"GENERAL\",\"title\":\"" + title + "\"}");
        JsonNode p = problem(error);
        assertThat(p.path("errors").findValuesAsText("field")).containsExactly("/title");
        assertThat(p.path("errors").get(0).path("message").asText()).contains("x".repeat(100))
                .doesNotContain("x".repeat(101)).contains("maximum allowed: 200");
        assertThat(error.body().length()).isLessThan(2_000);
    }

    @Test
    void aBodyWithThousandsOfErrorsGetsSomeBack() throws Exception {
        String ids = String.join(",", java.util.Collections.nCopies(5_000, "\"a\""));
        var error = validate("POST", "/api/approvals", null,
                "{\"type\":\"GENERAL\",\"title\":\"t\",\"approverIds\":[" + ids + "]}");
        assertThat(problem(error).path("errors").size()).isEqualTo(ContractRequestValidator.MAX_ERRORS);
    }

    @Test
    void theContentTypeIsQuotedOnce() throws Exception {
        var error = validate("POST", "/api/approvals", null, "{}", "text/plain");
        assertThat(error.statusCode()).isEqualTo(415);
        assertThat(problem(error).path("detail").asText()).contains("'[text/plain]'");
    }

    @Test
    void shortenCutsLongQuotedRunsAndLongMessages() {
        assertThat(ContractRequestValidator.shorten("String \"" + "a".repeat(150) + "\" is too long"))
                .isEqualTo("String \"" + "a".repeat(100) + "…\" is too long");
        assertThat(ContractRequestValidator.shorten("Value '" + "b".repeat(150) + "' is not allowed"))
                .isEqualTo("Value '" + "b".repeat(100) + "…' is not allowed");
        assertThat(ContractRequestValidator.shorten("short \"ok\"")).isEqualTo("short \"ok\"");
        assertThat(ContractRequestValidator.shorten("y".repeat(1000))).hasSize(401).endsWith("…");
    }
}
