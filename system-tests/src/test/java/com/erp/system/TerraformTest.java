package com.erp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Terraform of {@code terraform/} kept true to itself and to the code, since no AWS account (nor the providers'
 * download) is reachable here: HashiCorp's own HCL parser reads every file (terraform/check, npm), then every
 * reference resolves (variables, locals, resources, module outputs), every module call passes what the module
 * declares, nothing secret is written down, the managed servers let in the cluster only and speak TLS, and what
 * Terraform writes for Kubernetes (servers.env, the secrets, the images) is what k8s/ reads. Where {@code terraform} is
 * installed, {@code terraform fmt -check} runs too.
 */
class TerraformTest {

    private static final Path ROOT = Path.of(System.getProperty("erp.root.dir", "..")).toAbsolutePath().normalize();
    private static final Path TF = ROOT.resolve("terraform");
    private static final Set<String> META_ARGUMENTS = Set.of("source", "count", "for_each", "depends_on", "providers");
    private static final Pattern VAR = Pattern.compile("(?<![\\w.])var\\.(\\w+)");
    private static final Pattern LOCAL = Pattern.compile("(?<![\\w.])local\\.(\\w+)");
    private static final Pattern MODULE_OUTPUT = Pattern.compile("(?<![\\w.])module\\.(\\w+)(?:\\[[^\\]]*])?\\.(\\w+)");
    private static final Pattern RESOURCE = Pattern.compile("(?<![\\w.])((?:data\\.)?(?:aws|random)_\\w+)\\.(\\w+)");
    private static final Pattern ASSIGNED_NAME = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=");

    /** Each folder of terraform/ ("" the root, "modules/eks", ...): its files merged. */
    private static Map<String, TfModule> modules;
    private static Map<String, JsonNode> tfvars;

    @BeforeAll
    static void parse() throws Exception {
        Process node = new ProcessBuilder("node", "hcl2json.mjs", "..").directory(TF.resolve("check").toFile()).start();
        byte[] out = node.getInputStream().readAllBytes();
        String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("terraform/check (npm ci there first): %s", err).isZero();

        modules = new TreeMap<>();
        tfvars = new TreeMap<>();
        JsonNode files = new ObjectMapper().readTree(out);
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (file.getKey().endsWith(".tfvars")) {
                tfvars.put(file.getKey(), file.getValue());
                continue;
            }
            int slash = file.getKey().lastIndexOf('/');
            String folder = slash < 0 ? "" : file.getKey().substring(0, slash);
            modules.computeIfAbsent(folder, TfModule::new).add(file.getValue());
        }
    }

    @Test
    void everyPartOfTheDesignIsThereAndWellFormed() throws Exception {
        assertThat(modules.keySet()).containsExactlyInAnyOrder("", "modules/network", "modules/eks", "modules/mariadb",
                "modules/documentdb", "modules/redis", "modules/kafka", "modules/secrets", "modules/registry",
                "modules/edge", "modules/access");
        assertThat(tfvars.keySet()).containsExactlyInAnyOrder("environments/dev.tfvars", "environments/prod.tfvars");
    }

    /** Reported as skipped where terraform is not installed (CI has none: the checks above are this file's own). */
    @Test
    void terraformFindsItFormatted() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("terraform"), "terraform is not on the PATH");
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", ".").directory(TF.toFile())
                .redirectErrorStream(true).start();
        String listed = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fmt.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(fmt.exitValue()).as("terraform fmt -check: %s", listed).isZero();
    }

    @Test
    void everyReferenceResolvesInItsModule() {
        for (TfModule module : modules.values()) {
            for (String text : module.expressions()) {
                forEach(VAR, text, m -> assertThat(module.variables).as("%s: var.%s", module.folder, m.group(1))
                        .containsKey(m.group(1)));
                forEach(LOCAL, text, m -> assertThat(module.locals).as("%s: local.%s", module.folder, m.group(1))
                        .contains(m.group(1)));
                forEach(RESOURCE, text, m -> assertThat(module.resources).as("%s: %s.%s", module.folder, m.group(1),
                        m.group(2)).contains(m.group(1) + "." + m.group(2)));
                forEach(MODULE_OUTPUT, text, m -> {
                    assertThat(module.calls).as("%s: module.%s", module.folder, m.group(1)).containsKey(m.group(1));
                    TfModule called = called(module, m.group(1));
                    assertThat(called.outputs).as("%s: module.%s.%s", module.folder, m.group(1), m.group(2))
                            .containsKey(m.group(2));
                });
            }
        }
    }

    @Test
    void everyModuleCallPassesWhatTheModuleDeclaresAndNothingElse() {
        Set<String> calledFolders = new TreeSet<>();
        for (TfModule caller : modules.values()) {
            for (Map.Entry<String, JsonNode> call : caller.calls.entrySet()) {
                TfModule called = called(caller, call.getKey());
                calledFolders.add(called.folder);
                Set<String> passed = new TreeSet<>();
                call.getValue().fieldNames().forEachRemaining(passed::add);
                passed.removeAll(META_ARGUMENTS);
                Set<String> required = called.variables.entrySet().stream().filter(v -> !v.getValue().has("default"))
                        .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
                assertThat(called.variables.keySet()).as("%s: module %s takes", caller.folder, call.getKey())
                        .containsAll(passed);
                assertThat(passed).as("%s: module %s needs", caller.folder, call.getKey()).containsAll(required);
            }
        }
        // every module is called, and every module's variable is used by it
        assertThat(calledFolders).containsExactlyInAnyOrderElementsOf(
                modules.keySet().stream().filter(f -> !f.isEmpty()).toList());
        for (TfModule module : modules.values()) {
            Set<String> used = new TreeSet<>();
            module.expressions().forEach(text -> forEach(VAR, text, m -> used.add(m.group(1))));
            assertThat(used).as("%s: variables it never uses", module.folder).containsAll(module.variables.keySet());
        }
    }

    @Test
    void everyVariableAndOutputSaysWhatItIs() {
        for (TfModule module : modules.values()) {
            module.variables.forEach((name, v) -> {
                assertThat(v.path("description").asText()).as("%s: variable %s", module.folder, name).isNotBlank();
                assertThat(v.has("type")).as("%s: variable %s has a type", module.folder, name).isTrue();
            });
            module.outputs.forEach((name, o) -> assertThat(o.path("description").asText())
                    .as("%s: output %s", module.folder, name).isNotBlank());
        }
    }

    @Test
    void theEnvironmentsSetOnlyTheRootsVariablesWithTheirShape() {
        TfModule root = modules.get("");
        tfvars.forEach((file, values) -> values.fields().forEachRemaining(setting -> {
            JsonNode variable = root.variables.get(setting.getKey());
            assertThat(variable).as("%s sets %s", file, setting.getKey()).isNotNull();
            String type = variable.path("type").asText();
            if (type.startsWith("${object(")) {
                Set<String> attributes = names(type);
                Set<String> given = new TreeSet<>();
                setting.getValue().fieldNames().forEachRemaining(given::add);
                assertThat(given).as("%s: %s", file, setting.getKey()).isEqualTo(attributes);
            }
        }));
        // MSK puts as many brokers in each zone
        for (JsonNode values : tfvars.values()) {
            int brokers = values.path("kafka").path("brokers").asInt(3);
            int zones = values.path("zones").asInt(3);
            assertThat(brokers % zones).isZero();
        }
    }

    @Test
    void noSecretIsWrittenDown() throws IOException {
        Pattern secretName = Pattern.compile("password|auth_token|secret_string|private_key|token");
        for (TfModule module : modules.values()) {
            module.walk((name, value) -> {
                if (secretName.matcher(name).find() && value.isTextual() && !name.contains("description")) {
                    assertThat(value.asText()).as("%s: %s is an expression, never a literal", module.folder, name)
                            .startsWith("${");
                }
            });
        }
        try (Stream<Path> files = Files.walk(TF)) {
            for (Path file : files.filter(p -> !p.toString().contains("node_modules") && Files.isRegularFile(p)).toList()) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain("-----BEGIN").doesNotContainPattern("AKIA[0-9A-Z]{16}")
                        .doesNotContainPattern("\\b\\d{12}\\b"); // no account id
            }
        }
        // the passwords Terraform makes are only given to the servers, the secret and sensitive outputs
        modules.get("modules/secrets").outputs.forEach((name, output) -> {
            if (name.contains("password") || name.contains("token")) {
                assertThat(output.path("sensitive").asBoolean()).as("output %s is sensitive", name).isTrue();
            }
        });
    }

    @Test
    void theManagedServersLetInTheClusterOnlyAndSpeakTls() {
        // each server's only door (modules/access) lets in the cluster's security group, on one port
        JsonNode door = modules.get("modules/access").one("aws_vpc_security_group_ingress_rule");
        assertThat(door.path("referenced_security_group_id").asText()).isEqualTo("${var.client_security_group_id}");
        assertThat(door.has("cidr_ipv4") || door.has("cidr_ipv6") || door.has("prefix_list_id")).isFalse();
        assertThat(door.path("from_port").asText()).isEqualTo("${var.port}").isEqualTo(door.path("to_port").asText());
        for (String folder : List.of("modules/mariadb", "modules/documentdb", "modules/redis", "modules/kafka")) {
            TfModule server = modules.get(folder);
            assertThat(server.all("aws_security_group")).as("%s: no door of its own", folder).isEmpty();
            assertThat(server.all("aws_vpc_security_group_ingress_rule")).as(folder).isEmpty();
            JsonNode access = server.calls.get("access");
            assertThat(access).as("%s uses modules/access", folder).isNotNull();
            assertThat(access.path("client_security_group_id").asText()).isEqualTo("${var.client_security_group_id}");
            assertThat(server.expressions()).as(folder).anyMatch(e -> e.contains("module.access.security_group_id"));
        }
        for (TfModule module : modules.values()) {
            module.walk((name, value) -> {
                if (name.equals("publicly_accessible")) {
                    assertThat(value.asBoolean()).as(module.folder).isFalse();
                }
            });
        }
        TfModule mariadb = modules.get("modules/mariadb");
        assertThat(parameters(mariadb.one("aws_db_parameter_group"))).containsEntry("require_secure_transport", "1");
        assertThat(mariadb.one("aws_db_instance").path("storage_encrypted").asBoolean()).isTrue();
        TfModule documentdb = modules.get("modules/documentdb");
        assertThat(parameters(documentdb.one("aws_docdb_cluster_parameter_group"))).containsEntry("tls", "enabled");
        assertThat(documentdb.one("aws_docdb_cluster").path("storage_encrypted").asBoolean()).isTrue();
        assertThat(documentdb.outputs.get("mongodb_uri").path("value").asText()).contains("tls=true", "retryWrites=false");
        JsonNode redis = modules.get("modules/redis").one("aws_elasticache_replication_group");
        assertThat(redis.path("transit_encryption_enabled").asBoolean()).isTrue();
        assertThat(redis.path("at_rest_encryption_enabled").asBoolean()).isTrue();
        assertThat(redis.path("auth_token").asText()).isEqualTo("${var.auth_token}");
        // nothing evicted: the keys with a TTL are the ones that make redelivery harmless
        assertThat(parameters(modules.get("modules/redis").one("aws_elasticache_parameter_group")))
                .containsEntry("maxmemory-policy", "noeviction");
        assertThat(redis.path("parameter_group_name").asText()).isEqualTo("${aws_elasticache_parameter_group.this.name}");
        TfModule kafka = modules.get("modules/kafka");
        JsonNode transit = kafka.one("aws_msk_cluster").path("encryption_info").get(0).path("encryption_in_transit").get(0);
        assertThat(transit.path("client_broker").asText()).isEqualTo("TLS");
        assertThat(transit.path("in_cluster").asBoolean()).isTrue();
        // and lets in only who signs in: the SCRAM user, kept where MSK reads it, the services' password the same
        JsonNode auth = kafka.one("aws_msk_cluster").path("client_authentication").get(0);
        assertThat(auth.path("unauthenticated").asBoolean()).isFalse();
        assertThat(auth.path("sasl").get(0).path("scram").asBoolean()).isTrue();
        assertThat(kafka.calls.get("access").path("port").asInt()).as("MSK's SASL/SCRAM listener").isEqualTo(9096);
        JsonNode user = kafka.one("aws_secretsmanager_secret");
        assertThat(user.path("name").asText()).startsWith("AmazonMSK_");
        assertThat(user.path("kms_key_id").asText()).as("a key of its own").isEqualTo("${aws_kms_key.scram.arn}");
        assertThat(kafka.one("aws_msk_scram_secret_association").path("secret_arn_list").toString())
                .contains("aws_secretsmanager_secret.scram.arn");
        assertThat(kafka.one("aws_secretsmanager_secret_version").path("secret_string").asText())
                .contains("username = var.username", "password = var.password");
        JsonNode root = modules.get("").calls.get("kafka");
        assertThat(root.path("password").asText()).isEqualTo("${module.secrets.kafka_password}");
        assertThat(modules.get("modules/secrets").one("aws_secretsmanager_secret_version").path("secret_string").asText())
                .contains("CAMEL_COMPONENT_KAFKA_SASL_JAAS_CONFIG", "ScramLoginModule", "random_password.kafka.result")
                // KEDA's Kafka scaler signs in as the same user (k8s/overlays/aws/keda-kafka-auth.yaml)
                .contains("KAFKA_SCRAM_USERNAME = var.kafka_username", "KAFKA_SCRAM_PASSWORD = random_password.kafka.result");
        String broker = kafka.one("aws_msk_configuration").path("server_properties").asText();
        // the services create their topics with three copies (ERP_KAFKA_TOPIC_REPLICAS); none is made by a typo
        assertThat(broker).contains("auto.create.topics.enable=false", "min.insync.replicas=2",
                "unclean.leader.election.enable=false",
                // committed offsets outlive the dead letters (30 days): the dead-letter replay's marks
                "offsets.retention.minutes=43200");
    }

    /** servers.env is written by `terraform output -raw k8s_servers_env`: the same keys, so the committed file is true. */
    @Test
    void theServersEnvIsWhatTerraformWrites() throws IOException {
        String written = modules.get("").outputs.get("k8s_servers_env").path("value").asText();
        assertThat(envKeys(written)).isEqualTo(envKeys(Files.readString(ROOT.resolve("k8s/overlays/aws/servers.env"))));
        assertThat(written).contains("ERP_KAFKA_TOPIC_REPLICAS=3", "CAMEL_COMPONENT_KAFKA_SECURITY_PROTOCOL=SASL_SSL",
                "CAMEL_COMPONENT_KAFKA_SASL_MECHANISM=SCRAM-SHA-512", "module.kafka.bootstrap_brokers_sasl_scram",
                "SPRING_DATA_REDIS_SSL_ENABLED=true", "SPRING_DATA_MONGODB_SSL_BUNDLE=rds");
        // RDS's and DocumentDB's certificates are checked against AWS's authorities, at the path the image has them
        Matcher ca = Pattern.compile("_CERTIFICATE=file:(\\S+)").matcher(written);
        assertThat(ca.find()).isTrue();
        assertThat(modules.get("modules/mariadb").outputs.get("jdbc_url").path("value").asText())
                .contains("sslMode=verify-full", "serverSslCert=" + ca.group(1));
        assertThat(Files.readString(ROOT.resolve("k8s/images/service.Dockerfile"))).containsPattern("(?m)^ADD \\S+ " + ca.group(1) + "$");
    }

    /** Terraform's secrets and the ExternalSecret give every key of erp-secrets the services read on AWS. */
    @Test
    void theSecretsAreTheOnesTheClusterReads() throws IOException {
        Set<String> read = new TreeSet<>();
        for (Map<String, Object> doc : K8sManifestsTest.documents(ROOT.resolve("k8s/base"))) {
            collectSecretKeys(doc, read);
        }
        assertThat(read).contains("ERP_AUTH_SIGNING_KEY", "ERP_DISPATCH_KEY");
        // and on AWS, KEDA's sign-in to MSK (TriggerAuthentication's secretTargetRef)
        for (Map<String, Object> doc : K8sManifestsTest.documents(ROOT.resolve("k8s/overlays/aws"))) {
            if ("TriggerAuthentication".equals(doc.get("kind"))) {
                for (Object ref : (List<?>) ((Map<?, ?>) doc.get("spec")).get("secretTargetRef")) {
                    if ("erp-secrets".equals(((Map<?, ?>) ref).get("name"))) {
                        read.add((String) ((Map<?, ?>) ref).get("key"));
                    }
                }
            }
        }
        assertThat(read).contains("KAFKA_SCRAM_USERNAME", "KAFKA_SCRAM_PASSWORD");

        TfModule secrets = modules.get("modules/secrets");
        Set<String> fromTerraform = names(secrets.one("aws_secretsmanager_secret_version").path("secret_string").asText());
        Map<String, Object> external = K8sManifestsTest.documents(ROOT.resolve("k8s/overlays/aws")).stream()
                .filter(d -> "ExternalSecret".equals(d.get("kind"))).findFirst().orElseThrow();
        Map<?, ?> spec = (Map<?, ?>) external.get("spec");
        Set<String> fromOperator = ((List<?>) spec.get("data")).stream().map(d -> (String) ((Map<?, ?>) d).get("secretKey"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> given = new TreeSet<>(fromTerraform);
        given.addAll(fromOperator);
        assertThat(given).isEqualTo(read);

        // the ExternalSecret names the secrets Terraform makes for prod: name-environment/app, .../signing-key
        String prefix = modules.get("").variables.get("name").path("default").asText() + "-"
                + tfvars.get("environments/prod.tfvars").path("environment").asText();
        assertThat(secrets.named("aws_secretsmanager_secret", "app").path("name").asText()).isEqualTo("${var.name}/app");
        assertThat(secrets.named("aws_secretsmanager_secret", "signing_key").path("name").asText())
                .isEqualTo("${var.name}/signing-key");
        assertThat(modules.get("").calls.get("secrets").path("name").asText()).isEqualTo("${local.prefix}");
        String extract = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) spec.get("dataFrom")).get(0)).get("extract")).get("key");
        String signing = (String) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) spec.get("data")).get(0)).get("remoteRef")).get("key");
        assertThat(extract).isEqualTo(prefix + "/app");
        assertThat(signing).isEqualTo(prefix + "/signing-key");
        // and the signing key is never Terraform's: no resource holds a version of it
        assertThat(secrets.all("aws_secretsmanager_secret_version")).hasSize(1);
    }

    /** The load balancer Terraform makes sends to the node port the README has ingress-nginx installed on. */
    @Test
    void theLoadBalancerSendsWhereTheReadmeInstallsTheIngress() throws IOException {
        String port = modules.get("").variables.get("ingress_node_port").path("default").asText();
        assertThat(Files.readString(TF.resolve("README.md"))).contains("controller.service.nodePorts.http=" + port);
        TfModule edge = modules.get("modules/edge");
        assertThat(edge.one("aws_lb").path("internal").asBoolean()).isTrue();
        assertThat(edge.one("aws_lb_target_group").path("port").asText()).isEqualTo("${var.ingress_node_port}");
        JsonNode origin = edge.one("aws_cloudfront_distribution").path("origin").get(0);
        assertThat(origin.path("vpc_origin_config").get(0).path("vpc_origin_id").asText())
                .isEqualTo("${aws_cloudfront_vpc_origin.ingress.id}");
        assertThat(edge.one("aws_cloudfront_distribution").path("default_cache_behavior").get(0)
                .path("viewer_protocol_policy").asText()).isEqualTo("redirect-to-https");
    }

    @Test
    void theRegistryHasEveryImageTheManifestsRun() throws IOException {
        Set<String> run = new TreeSet<>();
        for (Map<String, Object> doc : K8sManifestsTest.documents(ROOT.resolve("k8s/base"))) {
            if ("Deployment".equals(doc.get("kind"))) {
                Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) doc.get("spec")).get("template")).get("spec");
                for (Object c : (List<?>) pod.get("containers")) {
                    run.add(((String) ((Map<?, ?>) c).get("image")).replaceAll(":.*", ""));
                }
            }
        }
        Set<String> kept = new TreeSet<>();
        modules.get("").localValue("images").elements().forEachRemaining(i -> kept.add(i.asText()));
        assertThat(kept).isEqualTo(run);
    }

    // --- reading the parsed files

    private static TfModule called(TfModule caller, String call) {
        String source = caller.calls.get(call).path("source").asText();
        String folder = Path.of(caller.folder.isEmpty() ? "." : caller.folder).resolve(source).normalize().toString();
        TfModule module = modules.get(folder);
        assertThat(module).as("module %s: %s", call, source).isNotNull();
        return module;
    }

    private static void forEach(Pattern pattern, String text, java.util.function.Consumer<Matcher> check) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            check.accept(m);
        }
    }

    /** Attribute names assigned in an expression such as "${object({ min = number ... })}" or "${jsonencode({ A = ... })}". */
    private static Set<String> names(String expression) {
        String inner = expression.substring(expression.indexOf('{', expression.indexOf('(')) + 1);
        Set<String> names = new TreeSet<>();
        forEach(ASSIGNED_NAME, inner.replace(",", "\n"), m -> names.add(m.group(1)));
        return names;
    }

    private static Map<String, String> parameters(JsonNode group) {
        Map<String, String> values = new LinkedHashMap<>();
        group.path("parameter").elements().forEachRemaining(p -> values.put(p.path("name").asText(), p.path("value").asText()));
        return values;
    }

    private static Set<String> envKeys(String env) {
        return env.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.substring(0, l.indexOf('='))).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static void collectSecretKeys(Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            Object ref = map.get("secretKeyRef");
            if (ref instanceof Map<?, ?> r && "erp-secrets".equals(r.get("name"))) {
                keys.add((String) r.get("key"));
            }
            map.values().forEach(v -> collectSecretKeys(v, keys));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectSecretKeys(v, keys));
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** One folder's blocks, from all its files. */
    private static final class TfModule {
        final String folder;
        final Map<String, JsonNode> variables = new TreeMap<>();
        final Map<String, JsonNode> outputs = new TreeMap<>();
        final Set<String> locals = new TreeSet<>();
        final Set<String> resources = new TreeSet<>();
        final Map<String, JsonNode> calls = new TreeMap<>();
        final List<JsonNode> files = new ArrayList<>();

        TfModule(String folder) {
            this.folder = folder;
        }

        void add(JsonNode file) {
            files.add(file);
            file.path("variable").fields().forEachRemaining(e -> variables.put(e.getKey(), e.getValue().get(0)));
            file.path("output").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue().get(0)));
            file.path("module").fields().forEachRemaining(e -> calls.put(e.getKey(), e.getValue().get(0)));
            file.path("locals").elements().forEachRemaining(block -> block.fieldNames().forEachRemaining(locals::add));
            file.path("resource").fields().forEachRemaining(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> resources.add(type.getKey() + "." + name)));
            file.path("data").fields().forEachRemaining(type -> type.getValue().fieldNames()
                    .forEachRemaining(name -> resources.add("data." + type.getKey() + "." + name)));
        }

        /** Every block of this resource type, whatever its name. */
        ArrayNode all(String type) {
            ArrayNode all = new ObjectMapper().createArrayNode();
            for (JsonNode file : files) {
                file.path("resource").path(type).elements()
                        .forEachRemaining(blocks -> blocks.elements().forEachRemaining(all::add));
            }
            return all;
        }

        /** The one block of this resource type. */
        JsonNode one(String type) {
            ArrayNode all = all(type);
            assertThat(all.size()).as("%s: %s", folder, type).isEqualTo(1);
            return all.get(0);
        }

        JsonNode named(String type, String name) {
            for (JsonNode file : files) {
                JsonNode blocks = file.path("resource").path(type).path(name);
                if (blocks.isArray()) {
                    return blocks.get(0);
                }
            }
            throw new AssertionError(folder + ": no " + type + "." + name);
        }

        JsonNode localValue(String name) {
            for (JsonNode file : files) {
                for (JsonNode block : file.path("locals")) {
                    if (block.has(name)) {
                        return block.get(name);
                    }
                }
            }
            throw new AssertionError(folder + ": no local " + name);
        }

        /** Every string in every block: where expressions are. */
        List<String> expressions() {
            List<String> texts = new ArrayList<>();
            walk((name, value) -> {
                if (value.isTextual()) {
                    texts.add(value.asText());
                }
            });
            return texts;
        }

        void walk(BiConsumer<String, JsonNode> visitor) {
            files.forEach(file -> walk("", file, visitor));
        }

        private static void walk(String name, JsonNode node, BiConsumer<String, JsonNode> visitor) {
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> {
                    if (e.getKey().contains("${")) { // a map key may be an expression too
                        visitor.accept("", com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()));
                    }
                    walk(e.getKey(), e.getValue(), visitor);
                });
            } else if (node.isArray()) {
                node.elements().forEachRemaining(e -> walk(name, e, visitor));
            } else {
                visitor.accept(name, node);
            }
        }
    }
}
