package com.erp.routes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks real responses against the service contracts, so the code and the OpenAPI files cannot drift apart
 * unnoticed: every response a test asserts on should also pass through here.
 */
public final class ContractAssertions {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ContractAssertions() {
    }

    /** @param contract e.g. {@code employee-api.yaml}; @param path the full path, e.g. {@code /api/employees/me} */
    public static void assertMatchesContract(String contract, String method, String path, HttpTestClient.Response r) {
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(contract, ContractAssertions::load);
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
        if (r.contentType() != null) {
            response.withContentType(r.contentType());
        }
        if (r.body() != null && !r.body().isEmpty()) {
            response.withBody(r.body());
        }
        r.headers().forEach((k, v) -> response.withHeader(k, v));
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        assertThat(report.getMessages())
                .as("%s %s -> %s does not match %s", method, path, r, contract)
                .filteredOn(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .isEmpty();
    }

    private static OpenApiInteractionValidator load(String contract) {
        try (InputStream in = ContractAssertions.class.getResourceAsStream("/openapi/" + contract)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract " + contract);
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
