package com.erp.routes.common.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import org.apache.camel.Exchange;
import org.apache.camel.spi.RestClientRequestValidator;
import org.apache.camel.support.ExchangeHelper;
import org.apache.camel.support.MessageHelper;

/**
 * Validates each request against its service's OpenAPI contract and answers a violation with an RFC 9457
 * problem that names every invalid field. Replaces the validator of camel-openapi-validator, which answers in
 * plain text and builds a new validator (parsing every schema again) for every request; here one validator
 * is built per contract and reused.
 */
public class ContractRequestValidator implements RestClientRequestValidator {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /**
     * By identity: an OpenAPI model's hashCode walks every schema in it, which cost more than validating. An
     * application has one merged contract, so the map holds one entry.
     */
    private final Map<OpenAPI, OpenApiInteractionValidator> validators =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile Built last;

    private record Built(OpenAPI contract, OpenApiInteractionValidator validator) {
    }

    @Override
    public ValidationError validate(Exchange exchange, ValidationContext context) {
        OpenAPI contract = exchange.getProperty(Exchange.REST_OPENAPI, OpenAPI.class);
        if (contract == null) {
            return null;
        }
        OpenApiInteractionValidator validator = validatorFor(contract);
        ValidationReport report = validator.validateRequest(toRequest(exchange, basePath(contract)));
        if (!report.hasErrors()) {
            return null;
        }
        Problem problem = toProblem(report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).toList());
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return new ValidationError(problem.status(), ProblemWriter.toJson(problem.withInstance(path)));
    }

    private OpenApiInteractionValidator validatorFor(OpenAPI contract) {
        Built known = last;
        if (known != null && known.contract() == contract) {
            return known.validator();
        }
        OpenApiInteractionValidator validator = validators.computeIfAbsent(contract, ContractRequestValidator::build);
        last = new Built(contract, validator);
        return validator;
    }

    private static OpenApiInteractionValidator build(OpenAPI contract) {
        return OpenApiInteractionValidator.createFor(contract)
                .withLevelResolver(LevelResolver.create()
                        // Camel's own REST producer sends a trailing '?': an empty query is not an error.
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    private static String basePath(OpenAPI contract) {
        List<Server> servers = contract.getServers();
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
            return "";
        }
        String path = URI.create(servers.get(0).getUrl()).getPath();
        return path == null || path.equals("/") ? "" : path;
    }

    private static Request toRequest(Exchange exchange, String basePath) {
        var message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        if (path != null && path.startsWith(basePath)) {
            path = path.substring(basePath.length());
        }
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        String contentType = ExchangeHelper.getContentType(exchange);
        if (contentType != null) {
            builder.withContentType(contentType);
        }
        // header parameters the contract declares (others are ignored by the validator); never Camel's own
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String s && !name.regionMatches(true, 0, "Camel", 0, 5)) {
                builder.withHeader(name, s);
            }
        });
        String body = MessageHelper.extractBodyAsString(message);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        String query = message.getHeader(Exchange.HTTP_QUERY, String.class);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.isEmpty()) {
                    builder.withQueryParam(name, value);
                }
            }
        }
        return builder.build();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static Problem toProblem(List<ValidationReport.Message> messages) {
        int status = 400;
        List<FieldError> errors = new ArrayList<>();
        for (ValidationReport.Message m : messages) {
            if (m.getKey().startsWith("validation.request.contentType")) {
                status = 415;
            } else if (m.getKey().startsWith("validation.request.accept")) {
                status = 406;
            }
            errors.addAll(fieldErrors(m));
        }
        String detail = "The request does not follow the contract: " + String.join("; ",
                errors.stream().limit(5).map(e -> e.field() + ": " + e.message()).toList());
        return switch (status) {
            case 415 -> new Problem(Problem.typeUri("unsupported-media-type"), "Unsupported media type", 415,
                    detail, null, errors);
            case 406 -> new Problem(Problem.typeUri("not-acceptable"), "Not acceptable", 406, detail, null, errors);
            default -> new Problem(Problem.typeUri("validation"), "Invalid request", 400, detail, null, errors);
        };
    }

    /** One message can concern several fields (e.g. several missing required properties). */
    static List<FieldError> fieldErrors(ValidationReport.Message m) {
        String text = m.getMessage();
        Optional<ValidationReport.MessageContext> ctx = m.getContext();
        if (ctx.flatMap(ValidationReport.MessageContext::getParameter).isPresent()) {
            return List.of(new FieldError(ctx.get().getParameter().get().getName(), text));
        }
        String pointer = ctx.flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        if (m.getKey().endsWith(".required") || m.getKey().endsWith(".additionalProperties")) {
            // The pointer is the enclosing object; the field names are quoted in the message.
            int bracket = text.lastIndexOf('[');
            List<FieldError> named = new ArrayList<>();
            if (bracket >= 0) {
                Matcher names = QUOTED.matcher(text.substring(bracket));
                while (names.find()) {
                    String field = (pointer.endsWith("/") ? pointer : pointer + "/") + names.group(1);
                    named.add(new FieldError(field, m.getKey().endsWith(".required")
                            ? "is required" : "is not allowed"));
                }
            }
            if (!named.isEmpty()) {
                return named;
            }
        }
        if (m.getKey().startsWith("validation.request.body.missing")) {
            return List.of(new FieldError("body", text));
        }
        return List.of(new FieldError(pointer.isEmpty() ? "body" : pointer, text));
    }
}
