package com.erp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests ({@code k8s/}) kept true to the code, since no cluster runs here: the ingress sends every
 * path of every OpenAPI contract to the service that serves it (as ingress-nginx orders regex paths: longest
 * first); the topics and consumer groups are the ones the routes use; services, ports and probes fit the pods;
 * only approval-request may reach the gRPC port; every environment variable names something the services read;
 * and no Secret is in the repository.
 */
class K8sManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("erp.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("k8s");
    private static final Map<String, String> CONTRACTS = Map.of(
            "employee-api.yaml", "employee-service",
            "approval-request-api.yaml", "approval-request-service",
            "approval-processing-api.yaml", "approval-processing-service",
            "notification-api.yaml", "notification-service");

    private static List<Map<String, Object>> base;

    @BeforeAll
    static void load() throws IOException {
        base = documents(K8S.resolve("base"));
    }

    @Test
    void theIngressSendsEveryContractPathToTheServiceThatServesIt() throws IOException {
        List<Route> routes = ingressRoutes();
        for (Map.Entry<String, String> contract : CONTRACTS.entrySet()) {
            Map<String, Object> api = yaml(ROOT.resolve("openapi/src/main/openapi").resolve(contract.getKey())).get(0);
            Map<String, Object> paths = map(api.get("paths"));
            assertThat(paths).isNotEmpty();
            for (String path : paths.keySet()) {
                String concrete = "/api" + path.replaceAll("\\{[^}]+}", "x-1");
                assertThat(route(routes, concrete)).as("%s (%s)", concrete, contract.getKey()).isEqualTo(contract.getValue());
            }
        }
        assertThat(route(routes, "/ws/notifications")).isEqualTo("notification-service");
        assertThat(route(routes, "/")).isEqualTo("ui");
        assertThat(route(routes, "/assets/index.js")).isEqualTo("ui");
    }

    @Test
    void servicesPortsAndProbesFitThePods() {
        Map<String, Object> config = one("ConfigMap", "erp-config");
        Map<String, Object> data = map(config.get("data"));
        Map<String, Map<String, Object>> deployments = byName("Deployment");
        assertThat(deployments.keySet()).containsExactlyInAnyOrder("employee-service", "approval-request-service",
                "approval-processing-service", "notification-service", "ui");

        for (Map<String, Object> service : all("Service")) {
            String name = name(service);
            Map<String, Object> selector = map(map(service.get("spec")).get("selector"));
            Map<String, Object> deployment = deployments.values().stream()
                    .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet())).findFirst().orElse(null);
            assertThat(deployment).as("a Deployment whose pods service %s selects", name).isNotNull();
            Set<String> containerPorts = containerPorts(deployment).keySet();
            for (Map<String, Object> port : list(map(service.get("spec")).get("ports"))) {
                assertThat(containerPorts).as("service %s targets a port its pods have", name).contains((String) port.get("targetPort"));
            }
        }
        for (String name : CONTRACTS.values()) {
            Map<String, Object> container = container(deployments.get(name));
            assertThat(containerPorts(deployments.get(name))).containsEntry("http", Integer.valueOf((String) data.get("SERVER_PORT")));
            assertThat(path(container, "startupProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
            assertThat(path(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
        }
        int grpc = Integer.parseInt((String) data.get("GRPC_PORT"));
        assertThat(containerPorts(deployments.get("approval-processing-service"))).containsEntry("grpc", grpc);
        assertThat((String) data.get("PROCESSING_GRPC_ADDRESS")).isEqualTo("approval-processing-service:" + grpc);
        Map<String, Object> grpcService = byName("Service").get("approval-processing-service");
        assertThat(list(map(grpcService.get("spec")).get("ports"))).anyMatch(p -> Integer.valueOf(grpc).equals(p.get("port")));
    }

    @Test
    void onlyApprovalRequestReachesTheGrpcPort() {
        Map<String, Object> spec = map(one("NetworkPolicy", "grpc-only-from-approval-request").get("spec"));
        assertThat(map(spec.get("podSelector")).get("matchLabels"))
                .isEqualTo(Map.of("app.kubernetes.io/name", "approval-processing-service"));
        List<Map<String, Object>> rules = list(spec.get("ingress"));
        assertThat(rules).hasSize(1);
        assertThat(list(rules.get(0).get("from"))).containsExactly(
                Map.of("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "approval-request-service"))));
        // the HTTP rule must not open it either
        for (Map<String, Object> policy : all("NetworkPolicy")) {
            for (Map<String, Object> rule : list(map(policy.get("spec")).get("ingress"))) {
                if (!name(policy).equals("grpc-only-from-approval-request")) {
                    assertThat(list(rule.get("ports"))).as("policy %s names its ports", name(policy)).isNotEmpty()
                            .noneMatch(p -> "grpc".equals(p.get("port")) || Integer.valueOf(9090).equals(p.get("port")));
                }
            }
        }
        // every pod selected, ingress its only type, no rule: what no other policy admits is refused
        assertThat(one("NetworkPolicy", "default-deny-ingress").get("spec"))
                .isEqualTo(Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress")));
    }

    @Test
    void theTopicsAndConsumerGroupsAreTheOnesTheRoutesUse() throws IOException {
        Map<String, Object> erp = map(yaml(ROOT.resolve("routes/src/main/resources/META-INF/erp/common.yml")).get(0).get("erp"));
        Map<String, Object> topics = map(erp.get("topics"));
        String dlq = (String) topics.get("dlq-suffix");
        Set<String> expected = new TreeSet<>();
        topics.forEach((key, value) -> {
            if (!key.equals("dlq-suffix") && !key.equals("partitions")) {
                expected.add((String) value);
                expected.add(value + dlq);
            }
        });
        List<Map<String, Object>> kafkaTopics = documents(K8S.resolve("overlays/dev")).stream()
                .filter(d -> "KafkaTopic".equals(d.get("kind"))).toList();
        Set<String> declared = kafkaTopics.stream().map(t -> (String) map(t.get("spec")).get("topicName"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).isEqualTo(expected);
        assertThat(kafkaTopics).allMatch(t -> topics.get("partitions").equals(map(t.get("spec")).get("partitions")));

        for (Map<String, Object> scaled : all("ScaledObject")) {
            String service = (String) map(map(scaled.get("spec")).get("scaleTargetRef")).get("name");
            String module = service.replace("-service", "");
            Map<String, Object> own = map(yaml(ROOT.resolve("services/" + service + "/src/main/resources/META-INF/erp/" + module + ".yml")).get(0).get("erp"));
            Object group = map(own.get(module)).get("group-id");
            Map<String, Object> trigger = map(list(map(scaled.get("spec")).get("triggers")).get(0).get("metadata"));
            assertThat(trigger.get("consumerGroup")).as("KEDA's group for %s", service).isEqualTo(group);
            assertThat(trigger.get("bootstrapServersFromEnv")).isEqualTo("CAMEL_COMPONENT_KAFKA_BROKERS");
        }
    }

    @Test
    void everyEnvironmentVariableNamesSomethingTheServicesRead() throws IOException {
        Set<String> names = new TreeSet<>(map(one("ConfigMap", "erp-config").get("data")).keySet());
        for (Map<String, Object> deployment : all("Deployment")) {
            for (Map<String, Object> env : list(container(deployment).get("env"))) {
                names.add((String) env.get("name"));
            }
        }
        String overlay = Files.readString(K8S.resolve("overlays/dev/kustomization.yaml"))
                + Files.readString(K8S.resolve("overlays/aws/servers.env"));
        Matcher assignment = Pattern.compile("(?m)^\\s*(?:- )?([A-Z][A-Z0-9_]+)=").matcher(overlay);
        while (assignment.find()) {
            names.add(assignment.group(1));
        }
        Set<String> placeholders = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("services"))) {
            for (Path yml : files.filter(p -> p.toString().endsWith(".yml") && p.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(yml);
                Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]").matcher(text);
                while (m.find()) {
                    placeholders.add(m.group(1));
                }
            }
        }
        for (Path yml : List.of(ROOT.resolve("routes/src/main/resources/META-INF/erp/common.yml"),
                ROOT.resolve("services/employee-service/src/main/resources/META-INF/erp/employee.yml"))) {
            flatten("", yaml(yml).get(0), properties);
        }
        for (String name : names) {
            boolean framework = name.startsWith("SPRING_") || name.startsWith("CAMEL_COMPONENT_") || name.startsWith("LOGGING_")
                    || name.equals("SERVER_PORT");
            boolean known = placeholders.contains(name) || properties.contains(relaxed(name));
            assertThat(framework || known).as("%s: neither a framework property nor one the services read", name).isTrue();
        }
    }

    /** The load suite measures start-up and idle memory with the image's JVM options and layout (ServiceImage). */
    @Test
    void theServiceImageStartsAsTheLoadSuiteMeasuresIt() throws IOException {
        String dockerfile = Files.readString(K8S.resolve("images/service.Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^COPY k8s/images/service\\.jvm /app/service\\.jvm$")
                .containsPattern("-Djarmode=tools -jar \\S+ extract --destination /app/service\\b")
                .containsPattern("java @/app/service\\.jvm -XX:ArchiveClassesAtExit=/app/service\\.jsa")
                .contains("MALLOC_ARENA_MAX=2")
                .contains("ENTRYPOINT [\"java\", \"@/app/service.jvm\", \"-XX:SharedArchiveFile=/app/service.jsa\", \"-jar\", "
                        + "\"/app/service/app.jar\"]");
        assertThat(Files.readString(ROOT.resolve("performance/pom.xml")))
                .as("the suite reads the same options file").contains("<directory>${project.basedir}/../k8s/images</directory>");
    }

    @Test
    void noSecretIsInTheRepository() throws IOException {
        List<Map<String, Object>> everything = documents(K8S);
        assertThat(everything).isNotEmpty().noneMatch(d -> "Secret".equals(d.get("kind")));
        assertThat(Files.readString(K8S.resolve("overlays/aws/servers.env"))).doesNotContainIgnoringCase("password");
    }

    /** On AWS, KEDA reads the lag from MSK, which lets in only a SCRAM user over TLS: it signs in as the services do. */
    @Test
    void kedaSignsInToMskOnAws() throws IOException {
        Path aws = K8S.resolve("overlays/aws");
        Map<String, Object> auth = yaml(aws.resolve("keda-kafka-auth.yaml")).get(0);
        assertThat(auth.get("kind")).isEqualTo("TriggerAuthentication");
        List<Map<String, Object>> refs = list(map(auth.get("spec")).get("secretTargetRef"));
        assertThat(refs).extracting(r -> r.get("parameter") + "=" + r.get("name") + "/" + r.get("key"))
                .containsExactlyInAnyOrder("username=erp-secrets/KAFKA_SCRAM_USERNAME",
                        "password=erp-secrets/KAFKA_SCRAM_PASSWORD");
        String kustomization = Files.readString(aws.resolve("kustomization.yaml"));
        assertThat(kustomization).contains("- keda-kafka-auth.yaml", "path: /spec/triggers/0/metadata/sasl",
                "value: scram_sha512", "path: /spec/triggers/0/authenticationRef", "name: " + name(auth),
                "path: /spec/triggers/0/metadata/tls");
        // both scalers are patched (the patch targets every ScaledObject)
        assertThat(all("ScaledObject")).hasSize(2);
        // the keys are the ones Terraform writes into erp-secrets
        assertThat(Files.readString(K8S.resolveSibling("terraform/modules/secrets/main.tf")))
                .contains("KAFKA_SCRAM_USERNAME", "KAFKA_SCRAM_PASSWORD");
    }

    @Test
    void bothOverlaysRenderWithKustomize() throws Exception {
        Assumptions.assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl"))),
                "kubectl is not installed (the other tests read the files themselves)");
        for (String overlay : List.of("dev", "aws")) {
            Process p = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays/" + overlay).toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("kubectl kustomize %s:\n%s", overlay, out).isZero();
        }
    }

    // --- ingress-nginx's matching: with use-regex every path is a case-insensitive regex anchored at the start,
    // tried longest first

    private record Route(Pattern pattern, int length, String service) {
    }

    private static List<Route> ingressRoutes() {
        Map<String, Object> ingress = all("Ingress").get(0);
        assertThat(map(map(ingress.get("metadata")).get("annotations"))).containsEntry("nginx.ingress.kubernetes.io/use-regex", "true");
        List<Route> routes = new ArrayList<>();
        for (Map<String, Object> rule : list(map(ingress.get("spec")).get("rules"))) {
            for (Map<String, Object> path : list(map(rule.get("http")).get("paths"))) {
                String p = (String) path.get("path");
                String service = (String) map(map(path.get("backend")).get("service")).get("name");
                assertThat(byName("Service")).as("the ingress's backend %s", service).containsKey(service);
                routes.add(new Route(Pattern.compile("^" + p, Pattern.CASE_INSENSITIVE), p.length(), service));
            }
        }
        routes.sort(Comparator.comparingInt(Route::length).reversed());
        return routes;
    }

    private static String route(List<Route> routes, String path) {
        return routes.stream().filter(r -> r.pattern().matcher(path).find()).map(Route::service).findFirst().orElse(null);
    }

    // --- reading the manifests

    static List<Map<String, Object>> documents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                docs.addAll(yaml(f));
            }
            return docs;
        }
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Object doc : new Yaml().loadAll(in)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    private static List<Map<String, Object>> all(String kind) {
        return base.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Map<String, Object>> byName(String kind) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        all(kind).forEach(d -> out.put(name(d), d));
        return out;
    }

    private static Map<String, Object> one(String kind, String name) {
        Map<String, Object> d = byName(kind).get(name);
        assertThat(d).as("%s %s", kind, name).isNotNull();
        return d;
    }

    private static String name(Map<String, Object> doc) {
        return (String) map(doc.get("metadata")).get("name");
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return list(map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0);
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> deployment) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        list(container(deployment).get("ports")).forEach(p -> ports.put((String) p.get("name"), (Integer) p.get("containerPort")));
        return ports;
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static void flatten(String prefix, Map<String, Object> node, Set<String> into) {
        node.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                flatten(key, map(m), into);
            } else {
                into.add(relaxed(key));
            }
        });
    }

    /** Spring's relaxed binding, one way: erp.auth.jwk-set-uri and ERP_AUTH_JWK_SET_URI both become erpauthjwkseturi. */
    private static String relaxed(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }
}
