package com.erp.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Build step: turns each service contract in {@code src/main/openapi} into one self-contained file under
 * {@code openapi/} on the classpath. The sources share {@code components.yaml} by relative {@code $ref};
 * Camel loads a contract from the classpath as text, where relative references cannot be resolved. So the
 * shared components a contract uses are copied into its own {@code components} under the same names, and
 * its references are rewritten to point there. Each result is checked by parsing it again.
 */
public final class ContractBundler {

    static final String SHARED = "components.yaml";
    private static final String SHARED_REF = SHARED + "#/components/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ContractBundler() {
    }

    public static void main(String[] args) throws IOException {
        Path sourceDir = Path.of(args[0]);
        Path targetDir = Path.of(args[1]);
        Files.createDirectories(targetDir);
        ObjectNode shared = (ObjectNode) YAML.readTree(sourceDir.resolve(SHARED).toFile());
        List<Path> contracts;
        try (Stream<Path> files = Files.list(sourceDir)) {
            contracts = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals(SHARED))
                    .sorted()
                    .toList();
        }
        for (Path contract : contracts) {
            ObjectNode bundled = bundle((ObjectNode) YAML.readTree(contract.toFile()), shared);
            Path out = targetDir.resolve(contract.getFileName());
            Files.writeString(out, YAML.writeValueAsString(bundled));
            check(out);
            System.out.println("[openapi] bundled " + contract.getFileName() + " -> " + out);
        }
    }

    static ObjectNode bundle(ObjectNode contract, ObjectNode shared) {
        ObjectNode components = contract.has("components")
                ? (ObjectNode) contract.get("components") : contract.putObject("components");
        ObjectNode sharedComponents = (ObjectNode) shared.get("components");
        components.set("securitySchemes", sharedComponents.get("securitySchemes").deepCopy());

        // Rewrite the contract's own references, then pull in shared components until none is missing.
        Deque<String> wanted = new ArrayDeque<>();
        rewriteRefs(contract, wanted);
        while (!wanted.isEmpty()) {
            String pointer = wanted.pop(); // e.g. schemas/Problem
            String[] parts = pointer.split("/", 2);
            ObjectNode section = components.has(parts[0])
                    ? (ObjectNode) components.get(parts[0]) : components.putObject(parts[0]);
            if (section.has(parts[1])) {
                continue;
            }
            JsonNode source = sharedComponents.path(parts[0]).get(parts[1]);
            if (source == null) {
                throw new IllegalStateException("no shared component " + pointer + " in " + SHARED);
            }
            JsonNode copy = source.deepCopy();
            section.set(parts[1], copy);
            collectLocalRefs(copy, wanted);
        }
        return contract;
    }

    /** Rewrites {@code components.yaml#/components/x/y} to {@code #/components/x/y}, noting each x/y. */
    private static void rewriteRefs(JsonNode node, Deque<String> wanted) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SHARED_REF)) {
                String pointer = ref.asText().substring(SHARED_REF.length());
                object.set("$ref", TextNode.valueOf("#/components/" + pointer));
                wanted.push(pointer);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                rewriteRefs(it.next().getValue(), wanted);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, wanted));
        }
    }

    /** Shared components refer to each other locally; those must come along too. */
    private static void collectLocalRefs(JsonNode node, Deque<String> wanted) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/components/")) {
                wanted.push(ref.asText().substring("#/components/".length()));
            }
            node.forEach(child -> collectLocalRefs(child, wanted));
        } else if (node.isArray()) {
            node.forEach(child -> collectLocalRefs(child, wanted));
        }
    }

    static void check(Path bundled) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(bundled.toUri().toString(), null, options);
        if (result.getOpenAPI() == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException(bundled.getFileName() + " is not a valid contract: " + result.getMessages());
        }
    }
}
