package com.erp.standalone;

import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.erp.routes.common.events.ApprovalEvent;
import com.erp.routes.common.events.EventPayload;
import com.erp.routes.common.events.Person;
import com.erp.routes.common.events.Progress;
import com.erp.routes.common.kafka.KafkaClients;
import com.erp.routes.common.kafka.KafkaHealthIndicator;
import com.erp.routes.testing.HttpTestClient.Response;
import com.erp.routes.testing.KafkaProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Status;

/** What an operator sees: health of every server, and the route console for administrators only. */
class OperationsTest extends StandaloneTestBase {

    @Value("${camel.component.kafka.brokers}")
    String brokers;
    @Autowired
    ObjectMapper json;
    @Autowired
    KafkaClients kafkaClients;

    @Test
    void healthShowsEveryServerUpToAdministratorsAndItsStatusToAnyone() {
        // anyone (a monitor, a probe): the status, not what lies behind it
        Response open = http.get("/actuator/health", null);
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().path("status").asText()).isEqualTo("UP");
        assertThat(open.json().has("components")).isFalse();
        assertThat(http.get("/actuator/health", login("dev.staff")).json().has("components")).isFalse();

        Response health = http.get("/actuator/health", login("admin"));
        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().path("components");
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        for (String server : List.of("kafka", "db", "mongo", "redis")) {
            assertThat(components.path(server).path("status").asText()).as(server).isEqualTo("UP");
        }
        assertThat(http.get("/actuator/health/readiness", null).json().path("status").asText()).isEqualTo("UP");
        // the console's cookie, from its own page, shows them too
        Response fromConsole = http.send(http.request("/actuator/health", null).header("Cookie", loginCookie("admin"))
                .header("Sec-Fetch-Site", "same-origin").GET().build());
        assertThat(fromConsole.json().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
    }

    /**
     * The clients that are not routes (this health check, topic creation, lag, dead-letter replay) speak to the
     * brokers as the Kafka component is told to: a component set to TLS makes them TLS too, which this broker's
     * plain listener does not answer (as a broker that speaks only TLS, MSK, would not answer plain ones).
     */
    @Test
    void theKafkaClientsThatAreNotRoutesTakeTheComponentsSecuritySettings() {
        assertThat(kafkaClients.brokers()).isEqualTo(brokers);
        KafkaHealthIndicator asConfigured = new KafkaHealthIndicator(kafkaClients);
        KafkaHealthIndicator overTls = new KafkaHealthIndicator(
                KafkaClients.of(brokers, option -> option.equals("security-protocol") ? "SSL" : null));
        try {
            assertThat(asConfigured.health().getStatus()).isEqualTo(Status.UP);
            assertThat(overTls.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            asConfigured.destroy();
            overTls.destroy();
        }
    }

    @Test
    void theConsoleIsForAdministratorsAndShowsEveryRouteById() throws Exception {
        String cookie = loginCookie("admin");
        Response console = http.send(http.request("/actuator/hawtio/", null).header("Cookie", cookie).GET().build());
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("hawtio");

        Response routes = http.send(http.request("/actuator/camelroutes", null).header("Cookie", cookie).GET().build());
        assertThat(routes.json().findValuesAsText("id")).contains("rest-api", "employee.login", "approval-request.submit",
                "approval-request.record", "approval-request.outbox-relay", "approval-processing.activate-step",
                "approval-processing.decide", "approval-processing.withdraw", "notification.notify", "notification.deliver",
                "common.dead-letter");

        // the console's JMX bridge sees the routes with their counts
        // as the console's page sends it (a browser says Sec-Fetch-Site and Sec-Fetch-Mode; without them, Jolokia
        // takes no cookie), here through the console's own forward to it
        Response jolokia = http.send(http.request("/actuator/hawtio/jolokia", null).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"read\",\"mbean\":"
                        + "\"org.apache.camel:context=erp-standalone,type=routes,name=\\\"employee.login\\\"\","
                        + "\"attribute\":\"ExchangesCompleted\"}")).build());
        assertThat(jolokia.json().path("value").asLong()).as("jolokia: %s", jolokia).isPositive();

        // and the dead letters: one put in a dead-letter topic is counted, and replayed from the console
        String id = java.util.UUID.randomUUID().toString();
        ApprovalEvent lost = ApprovalEvent.of(id, 2, java.time.Instant.now(), new EventPayload.Withdrawn(999_001, "콘솔 재처리",
                new Person(999_001, "없는 사람", "STAFF", "D"), 1, List.of(new Person(999_002, "없는 결재자", "STAFF", "D")),
                null, new Progress(Progress.Status.WITHDRAWN, null, List.of())));
        new KafkaProbe(brokers).send("approval.withdrawn.dlq", id, json.writeValueAsString(lost),
                Map.of("x-dlq-original-topic", "approval.withdrawn", "x-dlq-reason", "test"));
        assertThat(jolokiaExec(cookie, "countPending").path("value").asLong()).isPositive();
        JsonNode replay = jolokiaExec(cookie, "replayTopic", "approval.withdrawn.dlq");
        // ours, and any other test's that dead-lettered to this topic meanwhile
        assertThat(Integer.parseInt(replay.path("value").asText().split(" ")[0])).as("jolokia: %s", replay).isPositive();
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> back = new KafkaProbe(brokers)
                .await("approval.withdrawn", r -> id.equals(r.key()), 1, java.time.Duration.ofSeconds(20));
        assertThat(back).hasSize(1);
        assertThat(KafkaProbe.header(back.get(0), "x-dlq-replayed-from")).startsWith("approval.withdrawn.dlq/");
        // employee-service's outbox rows Kafka refused for good: counted (none here) in the same console
        JsonNode refused = jolokiaExecOn(cookie, "com.erp:type=OutboxDeadLetters,service=employee", "count");
        assertThat(refused.path("status").asInt()).as("jolokia: %s", refused).isEqualTo(200);
        assertThat(refused.path("value").asLong()).isZero();

        // the JVM's diagnostics, which write files where they are told, are no operation of the console's
        // (jolokia-access.xml), whoever asks
        java.nio.file.Path heap = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "erp-operations-test-" + System.nanoTime() + ".hprof");
        JsonNode dump = jolokiaExecOn(cookie, "com.sun.management:type=HotSpotDiagnostic", "dumpHeap", heap.toString(),
                "true");
        assertThat(dump.path("status").asInt()).as("jolokia: %s", dump).isEqualTo(403);
        assertThat(java.nio.file.Files.exists(heap)).isFalse();
        assertThat(jolokiaExecOn(cookie, "com.sun.management:type=DiagnosticCommand", "vmFlags").path("status").asInt())
                .isEqualTo(403);

        // the administrator's cookie, sent by a page of another port or a sibling host (the same site to a browser,
        // so SameSite lets it go): that page cannot drive the console
        for (String[] page : List.of(new String[] {"Sec-Fetch-Site", "same-site"},
                new String[] {"Origin", "http://127.0.0.1:1"})) {
            assertProblem(http.send(http.request("/actuator/jolokia", null).header("Cookie", cookie).header(page[0], page[1])
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"com.erp:type=DeadLetters\","
                            + "\"operation\":\"countPending\",\"arguments\":[]}")).build()), 401);
        }
        // a link or an image on a plain-HTTP page: a GET that names the operation, with neither header
        assertProblem(http.send(http.request("/actuator/jolokia/exec/com.erp:type=DeadLetters/countPending", null)
                .header("Cookie", cookie).GET().build()), 401);
        // a link opened in the browser where the administrator is signed in (from a mail: none; the sign-in page's next
        // page: same-origin), to Jolokia or to the console's forward to it: a navigation, not the console's script;
        // answered 401, not sent to the sign-in page with the operation as its next page
        String adminToken = http.post("/api/auth/login", null, Map.of("username", "admin", "password", PASSWORD)).json()
                .path("accessToken").asText();
        String modeBefore = http.get("/api/admin/dispatch-mode", adminToken).json().path("mode").asText();
        String other = "SYNC".equals(modeBefore) ? "ASYNC" : "SYNC";
        String switchToSync = "/jolokia/exec/com.erp:type=DispatchMode,service=approval-request/switchMode/" + other;
        for (String path : List.of("/actuator" + switchToSync, "/actuator/hawtio" + switchToSync)) {
            for (String site : List.of("same-origin", "none")) {
                Response link = http.send(http.request(path, null).header("Cookie", cookie).header("Accept", "text/html")
                        .header("Sec-Fetch-Site", site).header("Sec-Fetch-Mode", "navigate").GET().build());
                assertThat(link.status()).as("%s from %s: %s", path, site, link).isEqualTo(401);
            }
        }
        assertThat(http.get("/api/admin/dispatch-mode", adminToken).json().path("mode").asText())
                .as("not switched by a link").isEqualTo(modeBefore).isNotEmpty();
        assertThat(http.send(http.request("/actuator/camelroutes", null).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin").GET().build()).status()).isEqualTo(200);

        String staffCookie = loginCookie("dev.staff");
        assertProblem(http.send(http.request("/actuator/hawtio/", null).header("Cookie", staffCookie).GET().build()), 403);
        Response anonymous = http.send(HttpRequest.newBuilder(java.net.URI.create(http.baseUrl() + "/actuator/hawtio/"))
                .header("Accept", "text/html").GET().build());
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).contains("/login.html");
        assertThat(http.get("/login.html", null).status()).isEqualTo(200);
    }

    private JsonNode jolokiaExec(String cookie, String operation, String... arguments) {
        return jolokiaExecOn(cookie, "com.erp:type=DeadLetters", operation, arguments);
    }

    private JsonNode jolokiaExecOn(String cookie, String mbean, String operation, String... arguments) {
        String args = java.util.Arrays.stream(arguments).map(a -> "\"" + a + "\"").collect(java.util.stream.Collectors.joining(","));
        return http.send(http.request("/actuator/jolokia", null).header("Cookie", cookie).header("Sec-Fetch-Site", "same-origin")
                .header("Sec-Fetch-Mode", "cors")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"" + mbean + "\","
                        + "\"operation\":\"" + operation + "\",\"arguments\":[" + args + "]}")).build()).json();
    }

    /**
     * Prometheus scrapes with a token of its own (erp.metrics.token, from a secret), not an administrator's that does
     * everything and lapses: it reads the metrics and nothing else.
     */
    @Test
    void theScrapersTokenReadsTheMetricsAndNothingElse() {
        Response scraped = scrape(METRICS_TOKEN);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("erp_dispatch_mode");
        assertThat(scrape(login("admin")).status()).as("an administrator still").isEqualTo(200);
        assertThat(scrape(login("dev.staff")).status()).isEqualTo(403);
        assertThat(scrape(METRICS_TOKEN + "x").status()).isEqualTo(401);
        assertThat(scrape(METRICS_TOKEN.substring(1)).status()).isEqualTo(401);
        for (String path : List.of("/actuator/metrics", "/actuator/env", "/actuator/camelroutes", "/actuator/jolokia",
                "/actuator/hawtio/", "/actuator/prometheus/", "/actuator/%70rometheus", "/api/notifications",
                "/api/employees/me")) {
            assertProblem(http.get(path, METRICS_TOKEN), 401);
        }
        Response post = http.send(http.request("/actuator/jolokia", METRICS_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")).build());
        assertProblem(post, 401);
    }

    private Response scrape(String token) {
        return http.send(http.request("/actuator/prometheus", token).setHeader("Accept", "text/plain").GET().build());
    }

    @Test
    void everyOperatorEndpointIsForAdministratorsOnlyWhateverCarriesTheToken() {
        String staffCookie = loginCookie("dev.staff");
        String headToken = http.post("/api/auth/login", null, Map.of("username", "dev.head", "password", PASSWORD))
                .json().path("accessToken").asText();
        // the JMX bridge can switch the dispatch mode, the routes endpoint can stop routes, metrics tell a lot
        for (String path : List.of("/actuator/jolokia", "/actuator/camelroutes", "/actuator/prometheus",
                "/actuator/metrics", "/actuator/env", "/actuator/hawtio/")) {
            assertProblem(http.send(http.request(path, null).header("Cookie", staffCookie)
                    .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors").GET().build()), 403);
            assertProblem(http.send(http.request(path, headToken).GET().build()), 403);
        }
        Response jmxSwitch = http.send(http.request("/actuator/jolokia", headToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":"
                        + "\"com.erp:type=DispatchMode,service=approval-request\",\"operation\":\"switchMode\","
                        + "\"arguments\":[\"SYNC\"]}")).build());
        assertProblem(jmxSwitch, 403);
        Response stopRoute = http.send(http.request("/actuator/camelroutes/approval-request.submit/stop", headToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(stopRoute, 403);
        assertThat(http.get("/api/admin/dispatch-mode", headToken).json().path("mode").asText()).isEqualTo("ASYNC");
    }

    private String loginCookie(String username) {
        Response r = http.post("/api/auth/login", null, Map.of("username", username, "password", PASSWORD));
        String setCookie = r.header("Set-Cookie");
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
