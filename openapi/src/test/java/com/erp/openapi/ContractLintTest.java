package com.erp.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** House rules for the bundled contracts, checked on what the services actually load. */
class ContractLintTest {

    static Stream<Path> contracts() throws IOException {
        return Files.list(Path.of("target/classes/openapi")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    private static OpenAPI parse(Path contract) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true); // as Camel loads them: responses and schemas inlined
        var result = new OpenAPIV3Parser().readLocation(contract.toUri().toString(), null, options);
        assertThat(result.getMessages()).as("parse messages of %s", contract).isEmpty();
        return result.getOpenAPI();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void everyOperationIsNamedSecuredAndAnswersErrorsAsProblems(Path contract) {
        OpenAPI api = parse(contract);
        assertThat(api.getServers()).extracting(s -> s.getUrl()).containsExactly("/api");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().readOperationsMap().entrySet()) {
                String where = op.getKey() + " " + path.getKey();
                Operation o = op.getValue();
                if (o.getOperationId() == null) {
                    violations.add(where + ": no operationId (the route is direct:<operationId>)");
                }
                boolean open = o.getSecurity() != null && o.getSecurity().isEmpty();
                if (!open && !o.getResponses().containsKey("401")) {
                    violations.add(where + ": secured but does not document 401");
                }
                if (o.getRequestBody() != null && !o.getResponses().containsKey("400")) {
                    violations.add(where + ": takes a body but does not document 400");
                }
                // a parameter is validated against its schema before the route runs
                boolean parameters = o.getParameters() != null && !o.getParameters().isEmpty()
                        || path.getValue().getParameters() != null && !path.getValue().getParameters().isEmpty();
                if (parameters && !o.getResponses().containsKey("400")) {
                    violations.add(where + ": takes parameters but does not document 400");
                }
                // any request may be shed under overload (OverloadExceptionResolver) or find a store unreachable
                if (!o.getResponses().containsKey("503")) {
                    violations.add(where + ": does not document 503 (overload, a store unreachable)");
                }
                // a body is checked before the operation is chosen: too large (413), a form or unknown charset (415)
                boolean sendsBody = o.getRequestBody() != null || op.getKey() == PathItem.HttpMethod.POST
                        || op.getKey() == PathItem.HttpMethod.PUT || op.getKey() == PathItem.HttpMethod.PATCH;
                if (sendsBody && !(o.getResponses().containsKey("413") && o.getResponses().containsKey("415"))) {
                    violations.add(where + ": takes a body but does not document 413 and 415");
                }
                for (Map.Entry<String, ApiResponse> r : o.getResponses().entrySet()) {
                    boolean error = r.getKey().startsWith("4") || r.getKey().startsWith("5");
                    ApiResponse response = r.getValue();
                    if (error && (response.getContent() == null
                            || !response.getContent().containsKey("application/problem+json"))) {
                        violations.add(where + " " + r.getKey() + ": an error that is not application/problem+json");
                    }
                }
            }
        }
        assertThat(violations).as(contract.getFileName().toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void requestBodiesAreClosedAndNamedForBinding(Path contract) {
        OpenAPI api = parse(contract);
        for (PathItem item : api.getPaths().values()) {
            for (Operation o : item.readOperations()) {
                if (o.getRequestBody() == null) {
                    continue;
                }
                Schema<?> schema = o.getRequestBody().getContent().get("application/json").getSchema();
                // resolved fully, the body schema is the component itself: its title names the record it binds to
                String name = schema.getTitle();
                assertThat(name).as("%s body schema has a title", o.getOperationId()).isNotNull();
                assertThat(api.getComponents().getSchemas()).as("a component named %s", name).containsKey(name);
                assertThat(schema.getAdditionalProperties()).as("%s rejects unknown fields", name).isEqualTo(false);
            }
        }
    }
}
