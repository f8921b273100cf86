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
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(Exchange.REST_OPENAPI, contract);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
        exchange.getMessage().setHeader(Exchange.HTTP_PATH, path);
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        if (body != null) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            exchange.getMessage().setBody(body);
        }
        return validator.validate(exchange, null);
    }

    private static JsonNode problem(RestClientRequestValidator.ValidationError error) throws Exception {
        return JSON.readTree(error.body());
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
                "{\"type\":\"LEAVE\",\"title\":\"\",\"approverIds\":[1,1]}");
        List<String> fields = problem(error).path("errors").findValuesAsText("field");
        assertThat(fields).contains("/type", "/title", "/approverIds");
    }

    @Test
    void badQueryParametersAreNamed() throws Exception {
        var error = validate("GET", "/api/approvals", "limit=0", null);
        assertThat(problem(error).path("errors").findValuesAsText("field")).containsExactly("limit");
    }

    @Test
    void unparseableJsonIs400() throws Exception {
        var error = validate("POST", "/api/approvals", null, "{\"type\": ");
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(problem(error).path("detail").asText()).isNotBlank();
    }
}
