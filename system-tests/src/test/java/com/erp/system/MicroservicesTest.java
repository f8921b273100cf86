package com.erp.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.erp.devinfra.EmbeddedServers;
import com.erp.devinfra.FreePort;
import com.erp.devinfra.ServiceProcess;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The microservice deployment: the four services as separate JVMs (their executable jars), configured only by
 * environment variables as Kubernetes would, sharing real Kafka, MariaDB, MongoDB-wire and Redis servers.
 * Tokens issued by employee-service are verified by the others through its JWKS.
 */
class MicroservicesTest {

    private static final String PASSWORD = "multi-process-password";
    // the two services seal and check the gRPC dispatch with it (ERP_DISPATCH_KEY), as in production
    private static final String DISPATCH_KEY = java.util.Base64.getEncoder().encodeToString(new java.security.SecureRandom().generateSeed(32));
    private static EmbeddedServers servers;
    private static Path work;
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ServiceProcess employee;
    private static ServiceProcess request;
    private static ServiceProcess processing;
    private static ServiceProcess notification;

    @BeforeAll
    static void startEverything() throws Exception {
        work = Files.createTempDirectory("erp-multi-process-");
        servers = EmbeddedServers.start(EmbeddedServers.Options.all(work.resolve("data")));
        Path jars = Path.of(System.getProperty("erp.services.dir", "target/services"));

        int employeePort = FreePort.find();
        Map<String, String> common = new HashMap<>(servers.environment());
        Map<String, String> verifier = new HashMap<>(common);
        verifier.put("ERP_AUTH_JWK_SET_URI", "http://127.0.0.1:" + employeePort + "/api/auth/jwks");

        Map<String, String> employeeEnv = new HashMap<>(common);
        employeeEnv.put("ERP_DEMO_ENABLED", "true");
        employeeEnv.put("ERP_DEMO_PASSWORD", PASSWORD);
        int grpcPort = FreePort.find();
        Map<String, String> requestEnv = new HashMap<>(verifier);
        requestEnv.put("EMPLOYEE_SERVICE_URL", "http://127.0.0.1:" + employeePort);
        requestEnv.put("PROCESSING_GRPC_ADDRESS", "127.0.0.1:" + grpcPort);
        requestEnv.put("ERP_DISPATCH_KEY", DISPATCH_KEY);
        // the first call warms a cold gRPC channel and processing's handler in other JVMs: on a busy CI box that took
        // past the 2 s deadline once, and the document (rightly) went the async way; this test is of the crossing
        requestEnv.put("ERP_APPROVAL_REQUEST_SYNC_DEADLINE_MS", "15000");
        Map<String, String> processingEnv = new HashMap<>(verifier);
        processingEnv.put("GRPC_HOST", "127.0.0.1");
        processingEnv.put("GRPC_PORT", String.valueOf(grpcPort));
        processingEnv.put("ERP_DISPATCH_KEY", DISPATCH_KEY);
        processingEnv.put("EMPLOYEE_SERVICE_URL", "http://127.0.0.1:" + employeePort);

        employee = start("employee-service", jars, employeePort, employeeEnv, work);
        request = start("approval-request-service", jars, FreePort.find(), requestEnv, work);
        processing = start("approval-processing-service", jars, FreePort.find(), processingEnv, work);
        notification = start("notification-service", jars, FreePort.find(), verifier, work);

        // started together; each must become ready on its own
        CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(() -> {
            try {
                s.awaitReady(Duration.ofSeconds(180));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toArray(CompletableFuture[]::new)).join();
    }

    private static ServiceProcess start(String name, Path jars, int port, Map<String, String> env, Path logs) throws Exception {
        ServiceProcess p = new ServiceProcess(name, jars.resolve(name + "-exec.jar"), port, env, logs);
        services.add(p);
        return p;
    }

    @AfterAll
    static void stopEverything() {
        services.forEach(ServiceProcess::close);
        if (servers != null) {
            servers.close();
        }
        if (work != null) {
            try (var paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                // a temporary folder: the OS cleans it eventually
            }
        }
    }

    private static String login(String username) {
        HttpTestClient.Response r = new HttpTestClient(employee.baseUrl()).post("/api/auth/login", null,
                Map.of("username", username, "password", PASSWORD));
        assertThat(r.status()).as("login %s: %s", username, r).isEqualTo(200);
        return r.json().path("accessToken").asText();
    }

    private static <T> T eventually(Supplier<T> value, Predicate<T> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen; last seen " + last);
            }
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }

    @Test
    void aDocumentIsSubmittedApprovedAndNotifiedAcrossFourServices() throws Exception {
        String staff = login("dev.staff");
        String lead = login("dev.lead");
        String head = login("dev.head");
        HttpTestClient requests = new HttpTestClient(request.baseUrl());
        HttpTestClient decisions = new HttpTestClient(processing.baseUrl());
        HttpTestClient notifications = new HttpTestClient(notification.baseUrl());

        try (WebSocketTestClient staffWs = WebSocketTestClient.withHeader(notification.port(), "/ws/notifications", staff);
             WebSocketTestClient leadWs = WebSocketTestClient.withHeader(notification.port(), "/ws/notifications", lead)) {

            // approval-request asks employee-service for the default line (and the departments it is sent to, 수신처)
            // with the drafter's token
            long sales = 0;
            for (JsonNode d : new HttpTestClient(employee.baseUrl()).get("/api/departments", staff).json()) {
                sales = "영업본부".equals(d.path("name").asText()) ? d.path("id").asLong() : sales;
            }
            HttpTestClient.Response submitted = requests.post("/api/approvals", staff,
                    Map.of("type", "GENERAL", "title", "분산 배치 시험", "receiverDepartmentIds", List.of(sales)));
            assertThat(submitted.status()).as("submit: %s", submitted).isEqualTo(202);
            String id = submitted.json().path("id").asText();

            JsonNode asked = leadWs.await(1, Duration.ofSeconds(60)).get(0);
            assertThat(asked.path("type").asText()).isEqualTo("APPROVAL_REQUESTED");
            assertThat(asked.path("approvalId").asText()).isEqualTo(id);
            assertThat(decisions.get("/api/inbox", lead).json().path("items").findValuesAsText("approvalId")).contains(id);

            assertThat(decisions.post("/api/approvals/" + id + "/decisions", lead, Map.of("decision", "APPROVE")).status())
                    .isEqualTo(200);
            eventually(() -> decisions.get("/api/inbox", head).json().path("items").findValuesAsText("approvalId"),
                    ids -> ids.contains(id), "the document in the head's inbox");
            assertThat(decisions.post("/api/approvals/" + id + "/decisions", head, Map.of("decision", "APPROVE"))
                    .json().path("status").asText()).isEqualTo("APPROVED");

            List<JsonNode> told = staffWs.await(3, Duration.ofSeconds(60));
            assertThat(told).extracting(n -> n.path("type").asText())
                    .containsExactly("STEP_APPROVED", "STEP_APPROVED", "APPROVAL_COMPLETED");

            JsonNode doc = eventually(() -> requests.get("/api/approvals/" + id, staff).json(),
                    d -> d.hasNonNull("number") && d.path("history").size() == 6, "the document approved and numbered");
            assertThat(doc.path("status").asText()).isEqualTo("APPROVED");
            assertThat(doc.path("line").findValuesAsText("name")).containsExactly("이서연", "박지훈");

            assertThat(notifications.get("/api/notifications", staff).json().path("items").findValuesAsText("type"))
                    .containsExactly("APPROVAL_COMPLETED", "STEP_APPROVED", "STEP_APPROVED");

            // 수신처: the department's head was told; someone of it (the token's department, verified by another
            // service) reads it and finds it among what their department received
            String salesHead = login("sales.head");
            String salesStaff = login("sales.staff");
            assertThat(eventually(() -> notifications.get("/api/notifications", salesHead).json().path("items")
                    .findValuesAsText("type"), types -> types.contains("DOCUMENT_RECEIVED"), "the sales head told"))
                    .contains("DOCUMENT_RECEIVED");
            assertThat(requests.get("/api/approvals/" + id, salesStaff).status()).isEqualTo(200);
            assertThat(requests.get("/api/approvals?box=received", salesStaff).json().path("items").findValuesAsText("id"))
                    .contains(id);
        }

        // the synchronous path (an administrator switches to it) crosses the process boundary over gRPC: 201 with the
        // first step active
        String admin = login("admin");
        assertThat(requests.send(requests.request("/api/admin/dispatch-mode", admin).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"mode\":\"SYNC\"}")).build()).status()).isEqualTo(200);
        HttpTestClient.Response sync = requests.send(requests.request("/api/approvals", staff)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"GENERAL\",\"title\":\"gRPC 경유\"}"))
                .build());
        assertThat(sync.status()).as("sync submit: %s", sync).isEqualTo(201);
        assertThat(sync.json().path("nextApprover").path("name").asText()).isEqualTo("이서연");
        assertThat(decisions.get("/api/inbox", lead).json().path("items").findValuesAsText("approvalId"))
                .contains(sync.json().path("id").asText());

        // a token from anywhere else is refused by every service
        assertThat(requests.get("/api/approvals", "not-a-token").status()).isEqualTo(401);
        assertThat(decisions.get("/api/inbox", null).status()).isEqualTo(401);
    }
}
