package com.erp.routes.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.builder.RouteBuilder;

/**
 * Serves the REST contracts of the service modules in this application, contract-first: every operation goes
 * to {@code direct:<operationId>}, requests are validated against the contract before any route runs, and
 * request bodies are bound to the records named after their schemas.
 * <p>
 * camel-rest-openapi consumes a contract through one platform-http endpoint keyed by its base path; two
 * contracts under the same {@code /api} in one application (standalone runs all four) would be the same
 * endpoint, which Camel refuses. So the contracts present are merged into one, served by one route
 * ({@value #ROUTE_ID}). Alone, a service serves just its own contract, by the same code.
 */
public class ContractRoutes extends RouteBuilder {

    public static final String ROUTE_ID = "rest-api";
    /** The bean (a String) holding the merged contract, read by camel-rest-openapi as {@code ref:} (the name must end in .yaml). */
    public static final String CONTRACT_BEAN = "erp-api-contract.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<ServiceContract> contracts;

    public ContractRoutes(List<ServiceContract> contracts) {
        this.contracts = contracts;
    }

    @Override
    public void configure() {
        String packages = contracts.stream().map(ServiceContract::apiPackage).distinct().collect(Collectors.joining(","));
        rest().openApi()
                .specification("ref:" + CONTRACT_BEAN + "?bindingPackageScan=" + packages)
                .missingOperation("fail")
                .routeId(ROUTE_ID);
    }

    /** The path every operation of the (merged) contract is under, from its first server: e.g. {@code /api}. */
    public static String basePath(String contract) {
        String url = read(contract).path("servers").path(0).path("url").asText("");
        String path = url.isEmpty() ? "" : URI.create(url).getPath();
        return path == null || path.equals("/") ? "" : path;
    }

    /** The media types the contract's operations take request bodies in (lower case, without parameters). */
    public static Set<String> requestMediaTypes(String contract) {
        JsonNode root = read(contract);
        Set<String> types = new TreeSet<>();
        for (JsonNode path : root.path("paths")) {
            for (JsonNode operation : path) {
                JsonNode body = operation.path("requestBody");
                String ref = body.path("$ref").asText("");
                if (ref.startsWith("#/components/requestBodies/")) {
                    body = root.path("components").path("requestBodies").path(ref.substring(ref.lastIndexOf('/') + 1));
                }
                body.path("content").fieldNames().forEachRemaining(t ->
                        types.add(t.split(";")[0].trim().toLowerCase(Locale.ROOT)));
            }
        }
        return types;
    }

    /** Each path template of the contract and the methods it has, upper case (for OPTIONS: {@link ContractMethodsFilter}). */
    public static Map<String, Set<String>> pathMethods(String contract) {
        Map<String, Set<String>> methods = new java.util.LinkedHashMap<>();
        read(contract).path("paths").fields().forEachRemaining(path -> {
            Set<String> those = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(name -> {
                if (HTTP_METHODS.contains(name)) {
                    those.add(name.toUpperCase(Locale.ROOT));
                }
            });
            methods.put(path.getKey(), those);
        });
        return methods;
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static JsonNode read(String contract) {
        try {
            return YAML.readTree(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One contract made of several: their paths and components side by side. A path served twice, or a
     * component defined differently by two contracts, is an error, not something to resolve silently.
     */
    public static String merge(List<ServiceContract> contracts) {
        if (contracts.isEmpty()) {
            throw new IllegalArgumentException("no contracts to serve");
        }
        ObjectNode merged = null;
        for (ServiceContract contract : contracts) {
            ObjectNode next = load(contract.location());
            if (merged == null) {
                merged = next;
                continue;
            }
            if (!merged.path("servers").equals(next.path("servers"))) {
                throw new IllegalStateException(contract.location() + " has other servers than the contracts before it");
            }
            mergeInto((ObjectNode) merged.get("paths"), (ObjectNode) next.get("paths"), contract.location(), "path");
            ObjectNode components = merged.with("components");
            for (Iterator<Map.Entry<String, JsonNode>> sections = next.path("components").fields(); sections.hasNext(); ) {
                Map.Entry<String, JsonNode> section = sections.next();
                ObjectNode target = components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey()) : components.putObject(section.getKey());
                mergeInto(target, (ObjectNode) section.getValue(), contract.location(), "component");
            }
            if (next.has("tags")) {
                merged.withArray("tags").addAll((com.fasterxml.jackson.databind.node.ArrayNode) next.get("tags"));
            }
        }
        if (contracts.size() > 1) {
            ((ObjectNode) merged.get("info")).put("title", "erp-approval: "
                    + contracts.stream().map(ServiceContract::service).collect(Collectors.joining(", ")));
        }
        try {
            return YAML.writeValueAsString(merged);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mergeInto(ObjectNode target, ObjectNode source, String from, String what) {
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = target.get(e.getKey());
            if (existing == null) {
                target.set(e.getKey(), e.getValue());
            } else if ("path".equals(what) || !existing.equals(e.getValue())) {
                throw new IllegalStateException(from + " defines " + what + " " + e.getKey() + " differently from another contract");
            }
        }
    }

    private static ObjectNode load(String location) {
        try (InputStream in = ContractRoutes.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract " + location + " on the classpath");
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
