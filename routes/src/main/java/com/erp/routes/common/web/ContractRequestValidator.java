package com.erp.routes.common.web;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
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
    /** How much of a value a message may quote: the value is the client's own, echoing all of it only costs. */
    static final int MAX_QUOTED = 100;
    private static final int MAX_MESSAGE = 400;
    /** Enough to fix a request by; a body with thousands of wrong items does not get thousands back. */
    static final int MAX_ERRORS = 20;
    private static final Pattern LONG_QUOTED = Pattern.compile("([\"'])([^\"']{" + MAX_QUOTED + "})[^\"']+\\1");

    /**
     * By identity: an OpenAPI model's hashCode walks every schema in it, which cost more than validating. An
     * application has one merged contract, so the map holds one entry.
     */
    private final Map<OpenAPI, Built> validators =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    private volatile Built last;

    /**
     * {@code queryNames}: every query parameter any operation of the contract declares; {@code headerNames}: every
     * header parameter, lower case.
     */
    private record Built(OpenAPI contract, OpenApiInteractionValidator validator, ApiOperationResolver operations,
                         Set<String> queryNames, Set<String> headerNames) {
    }

    /** The query string, decoded: its pairs, and what could not be decoded or has no value. */
    record Query(List<Map.Entry<String, String>> pairs, List<FieldError> malformed, Set<String> empty) {
    }

    @Override
    public ValidationError validate(Exchange exchange, ValidationContext context) {
        OpenAPI contract = exchange.getProperty(Exchange.REST_OPENAPI, OpenAPI.class);
        if (contract == null) {
            return null;
        }
        Built built = validatorFor(contract);
        Query query = parseQuery(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class));
        Problem problem;
        List<FieldError> repeated = repeatedHeaders(exchange, built);
        if (!repeated.isEmpty()) {
            // a header given twice reaches the route as a list the validator never saw (it checks single values)
            problem = ProblemException.badRequest("A header the contract takes once was given more than once: "
                    + summary(repeated), repeated).toProblem();
        } else if (!query.malformed().isEmpty()) {
            List<FieldError> errors = query.malformed().stream().limit(MAX_ERRORS).toList();
            problem = ProblemException.badRequest("The query string is not correctly percent-encoded: " + summary(errors),
                    errors).toProblem();
        } else {
            Request request = toRequest(exchange, basePath(contract), query);
            // the operation, looked up once for what the query's values need (requests without a query need none)
            ApiOperationMatch match = query.pairs().isEmpty() && query.empty().isEmpty() ? null
                    : built.operations().findApiOperation(request.getPath(), request.getMethod());
            List<FieldError> unreadable = unreadableValues(match, request, query, contract);
            if (!unreadable.isEmpty()) {
                problem = ProblemException.badRequest("A value of the request is not one the contract takes: "
                        + summary(unreadable), unreadable).toProblem();
            } else {
                problem = checked(exchange, built, request, query, match, contract);
                if (problem == null) {
                    return null;
                }
            }
        }
        String path = exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, Problem.MEDIA_TYPE);
        return new ValidationError(problem.status(), ProblemWriter.toJson(problem.withInstance(path)));
    }

    /** The contract's own checks of the request; null (and the query parameters bound) when it passes. */
    private static Problem checked(Exchange exchange, Built built, Request request, Query query, ApiOperationMatch match,
                                   OpenAPI contract) {
        List<FieldError> empty = emptyParameters(match, query.empty(), contract);
        List<ValidationReport.Message> messages = built.validator().validateRequest(request).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                // an empty value was left out, so the validator may call the parameter missing; it is empty
                .filter(m -> !(m.getKey().startsWith("validation.request.parameter") && m.getKey().endsWith("missing")
                        && m.getContext().flatMap(ValidationReport.MessageContext::getParameter)
                                .map(p -> query.empty().contains(p.getName())).orElse(false)))
                .toList();
        if (messages.isEmpty() && empty.isEmpty()) {
            bindQueryParameters(exchange, built, request, query, match);
            if (request.getRequestBody().isEmpty()) {
                // an operation whose body is optional, called without one: the route sees no body, not an empty
                // stream that no binding turns into its record (curl -X POST sends no Content-Type either)
                exchange.getMessage().setBody(null);
            }
            return null;
        }
        return toProblem(messages, empty);
    }

    private Built validatorFor(OpenAPI contract) {
        Built known = last;
        if (known != null && known.contract() == contract) {
            return known;
        }
        Built built = validators.computeIfAbsent(contract, ContractRequestValidator::build);
        last = built;
        return built;
    }

    private static Built build(OpenAPI contract) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createFor(contract)
                .withLevelResolver(LevelResolver.create()
                        // Camel's own REST producer sends a trailing '?': an empty query is not an error.
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
        Set<String> queryNames = new HashSet<>();
        Set<String> headerNames = new HashSet<>();
        if (contract.getPaths() != null) {
            contract.getPaths().values().forEach(item -> {
                List<Parameter> all = new ArrayList<>(item.getParameters() == null ? List.of() : item.getParameters());
                item.readOperations().forEach(op -> all.addAll(op.getParameters() == null ? List.of() : op.getParameters()));
                all.stream().map(p -> resolve(p, contract)).forEach(p -> {
                    if ("query".equals(p.getIn())) {
                        queryNames.add(p.getName());
                    } else if ("header".equals(p.getIn())) {
                        headerNames.add(p.getName().toLowerCase(java.util.Locale.ROOT));
                    }
                });
            });
        }
        return new Built(contract, validator, new ApiOperationResolver(contract, null, false), Set.copyOf(queryNames),
                Set.copyOf(headerNames));
    }

    /** The contract's header parameters the request gives more than once (platform-http makes them a list). */
    private static List<FieldError> repeatedHeaders(Exchange exchange, Built built) {
        if (built.headerNames().isEmpty()) {
            return List.of();
        }
        List<FieldError> repeated = new ArrayList<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (value instanceof java.util.Collection<?> values && values.size() > 1
                    && built.headerNames().contains(name.toLowerCase(java.util.Locale.ROOT))) {
                repeated.add(new FieldError(name, "is given " + values.size() + " times: give it once"));
            }
        });
        return repeated;
    }

    /**
     * Routes read an operation's query parameters as headers, and platform-http also copies every request header
     * into the message: a request header named like a parameter ({@code limit: 0}) would reach the route as that
     * parameter without having been validated. So the operation's query parameters are set from the query string
     * alone; one it does not have is set to its default, or removed. Requests with none of the contract's names
     * cost nothing.
     */
    private static void bindQueryParameters(Exchange exchange, Built built, Request request, Query query,
                                            ApiOperationMatch found) {
        var message = exchange.getMessage();
        if (built.queryNames().stream().noneMatch(name -> message.getHeader(name) != null)) {
            return;
        }
        // (a request header named like a parameter, without a query: not looked up before)
        ApiOperationMatch match = found != null ? found
                : built.operations().findApiOperation(request.getPath(), request.getMethod());
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return;
        }
        List<Parameter> declared = match.getApiOperation().getOperation().getParameters();
        for (Parameter p : declared == null ? List.<Parameter>of() : declared) {
            Parameter parameter = resolve(p, built.contract());
            if (!"query".equals(parameter.getIn())) {
                continue;
            }
            List<String> values = query.pairs().stream().filter(pair -> pair.getKey().equals(parameter.getName()))
                    .map(Map.Entry::getValue).toList();
            if (values.isEmpty()) {
                // as Camel's REST binding does: an absent parameter with a default has its default
                Object byDefault = parameter.getSchema() == null ? null : parameter.getSchema().getDefault();
                if (byDefault == null) {
                    message.removeHeader(parameter.getName());
                } else {
                    message.setHeader(parameter.getName(), byDefault.toString());
                }
            } else {
                message.setHeader(parameter.getName(), values.size() == 1 ? values.get(0) : values);
            }
        }
    }

    private static String basePath(OpenAPI contract) {
        List<Server> servers = contract.getServers();
        if (servers == null || servers.isEmpty() || servers.get(0).getUrl() == null) {
            return "";
        }
        String path = URI.create(servers.get(0).getUrl()).getPath();
        return path == null || path.equals("/") ? "" : path;
    }

    private static Request toRequest(Exchange exchange, String basePath, Query query) {
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
        // header parameters the contract declares (others are ignored by the validator); never Camel's own, nor
        // Content-Type again (the validator would quote it twice)
        message.getHeaders().forEach((name, value) -> {
            if (value instanceof String s && !name.regionMatches(true, 0, "Camel", 0, 5)
                    && !name.equalsIgnoreCase(Exchange.CONTENT_TYPE)) {
                builder.withHeader(name, s);
            }
        });
        String body = MessageHelper.extractBodyAsString(message);
        // only white space is no body: "required" says more than the JSON parser's word for it
        if (body != null && !body.isBlank()) {
            builder.withBody(body);
        }
        for (Map.Entry<String, String> pair : query.pairs()) {
            // an empty value is reported by emptyParameters; given to the validator it would be "missing"
            if (!pair.getValue().isEmpty()) {
                builder.withQueryParam(pair.getKey(), pair.getValue());
            }
        }
        return builder.build();
    }

    static Query parseQuery(String query) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        List<FieldError> malformed = new ArrayList<>();
        Set<String> empty = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return new Query(pairs, malformed, empty);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name = decode(rawName);
            if (name == null) {
                malformed.add(new FieldError(shorten(rawName), "the parameter name has an invalid percent-escape"));
                continue;
            }
            String value = decode(rawValue);
            if (value == null) {
                malformed.add(new FieldError(name, shorten("the value '" + rawValue + "' has an invalid percent-escape "
                        + "(a '%' must be followed by two hexadecimal digits; send '%' itself as %25)")));
                continue;
            }
            if (!name.isEmpty()) {
                pairs.add(Map.entry(name, value));
                if (value.isEmpty()) {
                    empty.add(name);
                }
            }
        }
        return new Query(pairs, malformed, empty);
    }

    /** Decoded, or null when it has an invalid escape (a '%' not followed by two hex digits, or not UTF-8). */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Query parameters of the operation that were sent with an empty value ({@code ?limit=}). */
    private static List<FieldError> emptyParameters(ApiOperationMatch match, Set<String> empty, OpenAPI contract) {
        if (empty.isEmpty() || match == null) {
            return List.of();
        }
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return List.of();
        }
        List<Parameter> declared = match.getApiOperation().getOperation().getParameters();
        List<FieldError> errors = new ArrayList<>();
        for (Parameter p : declared == null ? List.<Parameter>of() : declared) {
            Parameter parameter = resolve(p, contract);
            if ("query".equals(parameter.getIn()) && empty.contains(parameter.getName())
                    && !Boolean.TRUE.equals(parameter.getAllowEmptyValue())) {
                errors.add(new FieldError(parameter.getName(), "is empty: give it a value or leave it out"));
            }
        }
        return errors;
    }

    /**
     * Values the validator passes and the routes would not read as sent: control characters anywhere in the path or a
     * query value (a NUL cannot even reach MongoDB in a search), whitespace in the path (every path parameter is an
     * id), and spaces around a number or a boolean in the query (the validator's number parsing skips them, Camel's
     * conversion does not: a 500 or a silent false instead of a 400).
     */
    private static List<FieldError> unreadableValues(ApiOperationMatch match, Request request, Query query,
                                                     OpenAPI contract) {
        List<FieldError> errors = new ArrayList<>();
        String path = request.getPath();
        if (path != null && path.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.add(new FieldError("path", "must not contain spaces or control characters"));
        }
        if (query.pairs().isEmpty()) {
            return errors;
        }
        Map<String, String> types = new java.util.HashMap<>();
        if (match != null && match.isPathFound() && match.isOperationAllowed()) {
            List<Parameter> declared = match.getApiOperation().getOperation().getParameters();
            for (Parameter p : declared == null ? List.<Parameter>of() : declared) {
                Parameter parameter = resolve(p, contract);
                if ("query".equals(parameter.getIn()) && parameter.getSchema() != null && parameter.getSchema().getType() != null) {
                    types.put(parameter.getName(), parameter.getSchema().getType());
                }
            }
        }
        for (Map.Entry<String, String> pair : query.pairs()) {
            String value = pair.getValue() == null ? "" : pair.getValue();
            String type = types.get(pair.getKey());
            if (value.chars().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(pair.getKey(), "must not contain control characters"));
            } else if (type != null && !"string".equals(type) && !value.equals(value.strip())) {
                errors.add(new FieldError(pair.getKey(), "must be " + ("boolean".equals(type) ? "true or false" : "a number")
                        + " without spaces around it"));
            }
        }
        return errors;
    }

    private static Parameter resolve(Parameter p, OpenAPI contract) {
        if (p.get$ref() == null || contract.getComponents() == null || contract.getComponents().getParameters() == null) {
            return p;
        }
        Parameter target = contract.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1));
        return target == null ? p : target;
    }

    /** A message with every long quoted value cut to {@value #MAX_QUOTED} characters, and not too long itself. */
    static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String cut = LONG_QUOTED.matcher(text).replaceAll("$1$2…$1");
        if (cut.length() <= MAX_MESSAGE) {
            return cut;
        }
        int end = Character.isHighSurrogate(cut.charAt(MAX_MESSAGE - 1)) ? MAX_MESSAGE - 1 : MAX_MESSAGE;
        return cut.substring(0, end) + "…";
    }

    /** @param more errors found besides the validator's (empty parameters) */
    static Problem toProblem(List<ValidationReport.Message> messages, List<FieldError> more) {
        int status = 400;
        List<FieldError> errors = new ArrayList<>(more);
        for (ValidationReport.Message m : messages) {
            if (m.getKey().startsWith("validation.request.contentType")) {
                status = 415;
            } else if (m.getKey().startsWith("validation.request.accept")) {
                status = 406;
            }
            errors.addAll(fieldErrors(m));
        }
        if (errors.size() > MAX_ERRORS) {
            errors = errors.subList(0, MAX_ERRORS);
        }
        // a field can quote the client's input too (an unknown property's name)
        errors = errors.stream().map(e -> new FieldError(shorten(e.field()), e.message())).toList();
        String detail = "The request does not follow the contract: " + summary(errors);
        return switch (status) {
            case 415 -> new Problem(Problem.typeUri("unsupported-media-type"), "Unsupported media type", 415,
                    detail, null, errors);
            case 406 -> new Problem(Problem.typeUri("not-acceptable"), "Not acceptable", 406, detail, null, errors);
            default -> new Problem(Problem.typeUri("validation"), "Invalid request", 400, detail, null, errors);
        };
    }

    /** The first few errors, for the detail. */
    private static String summary(List<FieldError> errors) {
        return String.join("; ", errors.stream().limit(5).map(e -> e.field() + ": " + e.message()).toList());
    }

    /** One message can concern several fields (e.g. several missing required properties). */
    static List<FieldError> fieldErrors(ValidationReport.Message m) {
        String text = shorten(m.getMessage());
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
