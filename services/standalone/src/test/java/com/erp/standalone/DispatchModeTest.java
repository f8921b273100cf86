package com.erp.standalone;

import static com.erp.routes.testing.ContractAssertions.assertMatchesContract;
import static com.erp.routes.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.erp.devinfra.EmbeddedServers;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.HttpTestClient.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The synchronous (gRPC) and asynchronous (Kafka) dispatch paths, the run-time switch, and the circuit breaker. */
class DispatchModeTest extends StandaloneTestBase {

    private static final String CONTRACT = "approval-request-api.yaml";
    private static final String GRPC_ROUTE = "approval-processing.grpc-dispatch";

    @Autowired
    CamelContext camel;

    @AfterEach
    void processingBackAndAsync() throws Exception {
        camel.getRouteController().startRoute(GRPC_ROUTE);
        camel.getRouteController().startRoute("approval-processing.activate-step");
        http.send(http.request("/api/admin/dispatch-mode", login("admin")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"ASYNC\"}")).build());
    }

    private String adminToken;

    /**
     * Submits as the token's holder; with a path (async/sync), the system is switched to it first by an administrator
     * (an ordinary employee's own X-Dispatch-Mode is refused: {@link #onlyAnAdministratorsOwnChoiceOfPathCounts}).
     */
    private Response submit(String token, String title, String path) {
        if (path != null) {
            if (adminToken == null) {
                adminToken = login("admin");
            }
            assertThat(switchTo(adminToken, path.toUpperCase(java.util.Locale.ROOT)).status()).isEqualTo(200);
        }
        return submitChoosing(token, "{\"type\":\"GENERAL\",\"title\":\"" + title + "\"}", null);
    }

    private Response submitChoosing(String token, String body, String header) {
        HttpRequest.Builder r = http.request("/api/approvals", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            r.header("X-Dispatch-Mode", header);
        }
        return http.send(r.build());
    }

    private Response switchTo(String token, String mode) {
        return http.send(http.request("/api/admin/dispatch-mode", token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"mode\":\"" + mode + "\"}")).build());
    }

    @Test
    void theSynchronousPathAnswers201WithTheFirstStepActive() {
        String staff = login("dev.staff");
        Response r = submit(staff, "동기 제출", "sync");
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertMatchesContract(CONTRACT, "POST", "/api/approvals", r);
        assertThat(r.json().path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(r.json().path("currentStep").asInt()).isEqualTo(1);
        assertThat(r.json().path("nextApprover").path("name").asText()).isEqualTo("이서연");
        String id = r.json().path("id").asText();
        assertThat(r.header("Location")).isEqualTo("/api/approvals/" + id);
        // already in the lead's inbox: nothing to wait for
        assertThat(inboxIds(login("dev.lead"))).contains(id);
        // and the document records it like any other
        eventually(() -> http.get("/api/approvals/" + id, staff).json().path("status").asText(),
                "IN_PROGRESS"::equals, "the document in progress");
    }

    @Test
    void anAdministratorSwitchesTheModeAtRunTimeAndEveryoneSeesIt() {
        String admin = login("admin");
        String staff = login("dev.staff");
        assertProblem(switchTo(staff, "SYNC"), 403);
        assertThat(assertProblem(switchTo(admin, "FAST"), 400).path("errors").findValuesAsText("field")).contains("/mode");

        Response switched = switchTo(admin, "SYNC");
        assertThat(switched.status()).isEqualTo(200);
        assertMatchesContract(CONTRACT, "PUT", "/api/admin/dispatch-mode", switched);
        assertThat(switched.json().path("changedBy").asText()).isEqualTo("admin");
        Response seen = http.get("/api/admin/dispatch-mode", staff);
        assertMatchesContract(CONTRACT, "GET", "/api/admin/dispatch-mode", seen);
        assertThat(seen.json().path("mode").asText()).isEqualTo("SYNC");
        assertThat(seen.json().has("changedBy")).as("which administrator switched it is for administrators").isFalse();
        assertThat(http.get("/api/admin/dispatch-mode", admin).json().path("changedBy").asText()).isEqualTo("admin");
        assertThat(submit(staff, "모드 전환 후", null).status()).isEqualTo(201);

        // visible to operators: /actuator/info, the metrics, and the console (JMX)
        String cookie = http.post("/api/auth/login", null, Map.of("username", "admin", "password", PASSWORD))
                .header("Set-Cookie").split(";")[0];
        JsonNode info = http.send(http.request("/actuator/info", null).GET().build()).json().path("dispatch");
        assertThat(info.path("mode").asText()).isEqualTo("SYNC");
        assertThat(info.has("since")).isTrue();
        assertThat(info.has("changedBy")).as("who switched it is not for anonymous readers").isFalse();
        String metrics = http.send(http.request("/actuator/prometheus", null).header("Cookie", cookie)
                .header("Accept", "text/plain").GET().build()).body();
        assertThat(metrics).contains("erp_dispatch_mode{").contains("erp_dispatch_submissions_total{")
                .contains("routeId=\"approval-request.submit\"").contains("erp_outbox_backlog{");
        Response jmx = http.send(http.request("/actuator/jolokia", null).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", "cors")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"exec\",\"mbean\":\"com.erp:type=DispatchMode,service=approval-request\","
                                + "\"operation\":\"switchMode\",\"arguments\":[\"ASYNC\"]}")).build());
        assertThat(jmx.json().path("value").asText()).as("%s", jmx).isEqualTo("ASYNC");
        assertThat(http.get("/api/admin/dispatch-mode", admin).json().path("changedBy").asText()).isEqualTo("jmx");
        assertThat(submit(staff, "콘솔 전환 후", null).status()).isEqualTo(202);
    }

    @Test
    void onlyAnAdministratorsOwnChoiceOfPathCounts() {
        String staff = login("dev.staff");
        HttpTestClient.Response lead = http.post("/api/auth/login", null, Map.of("username", "dev.lead", "password", PASSWORD));
        String toLead = "{\"type\":\"GENERAL\",\"title\":\"관리자 동기\",\"approverIds\":["
                + lead.json().path("employee").path("id").asLong() + "]}";
        // the mode is ASYNC: an administrator's request may take the synchronous path for itself
        Response admins = submitChoosing(login("admin"), toLead, "sync");
        assertThat(admins.status()).as("%s", admins).isEqualTo(201);
        assertThat(admins.json().path("nextApprover").path("name").asText()).isEqualTo("이서연");
        assertThat(submitChoosing(login("admin"), toLead.replace("관리자 동기", "관리자 비동기"), "async").status()).isEqualTo(202);
        // an employee's may not, either way, and submits nothing
        JsonNode refused = assertProblem(submitChoosing(staff, "{\"type\":\"GENERAL\",\"title\":\"직원 경로 지정\"}", "sync"), 403);
        assertThat(refused.path("detail").asText()).contains("X-Dispatch-Mode");
        assertProblem(submitChoosing(staff, "{\"type\":\"GENERAL\",\"title\":\"직원 경로 지정\"}", "async"), 403);
        assertThat(http.get("/api/approvals?limit=100", staff).json().path("items").findValuesAsText("title"))
                .doesNotContain("직원 경로 지정");
    }

    @Test
    void withProcessingDownTheSyncPathAnswers503FastAndKeepsNothingWhileTheAsyncPathKeepsAccepting() throws Exception {
        String staff = login("dev.staff");
        camel.getRouteController().stopRoute(GRPC_ROUTE);
        camel.getRouteController().stopRoute("approval-processing.activate-step");

        // a refused connection, not a call left to its deadline (which would have gone the async way, 202)
        Response refused = submit(staff, "처리 중단 중 동기", "sync");
        JsonNode problem = assertProblem(refused, 503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(problem.path("detail").asText()).contains("not submitted");
        assertThat(http.get("/api/approvals?limit=100", staff).json().path("items").findValuesAsText("title"))
                .doesNotContain("처리 중단 중 동기");

        // enough failures open the circuit: still 503, now without trying
        for (int i = 0; i < 12; i++) {
            assertThat(submit(staff, "실패 " + i, "sync").status()).isEqualTo(503);
        }
        assertThat(breaker().getCircuitBreakerState()).isEqualTo("OPEN");

        Response queued = submit(staff, "처리 중단 중 비동기", "async");
        assertThat(queued.status()).isEqualTo(202);
        String id = queued.json().path("id").asText();

        // processing returns: the queued document catches up, and the circuit closes again
        camel.getRouteController().startRoute("approval-processing.activate-step");
        camel.getRouteController().startRoute(GRPC_ROUTE);
        eventually(() -> http.get("/api/approvals/" + id, staff).json().path("status").asText(),
                "IN_PROGRESS"::equals, "the queued document activated");
        eventually(() -> submit(staff, "회복 후 동기", "sync").status(), s -> s == 201, "the sync path back");
    }

    /**
     * Processing not reached, and the document cannot be taken back either (here: the route that removes it stopped,
     * as a database away would fail it): a 503 would tell the client nothing was kept while the relay publishes it
     * later, and their retry would make it twice. It goes the asynchronous way instead, 202, and is processed.
     */
    @Test
    void aDocumentThatCannotBeTakenBackAfterProcessingWasNotReachedGoesTheAsyncWay() throws Exception {
        String staff = login("dev.staff");
        camel.getRouteController().stopRoute(GRPC_ROUTE);
        camel.getRouteController().stopRoute("approval-request.withdraw-unsent");
        String id;
        try {
            Response kept = submit(staff, "되돌릴 수 없는 동기", "sync");
            assertThat(kept.status()).as("%s", kept).isEqualTo(202);
            id = kept.json().path("id").asText();
            assertThat(http.get("/api/approvals/" + id, staff).status()).isEqualTo(200);
        } finally {
            camel.getRouteController().startRoute("approval-request.withdraw-unsent");
            camel.getRouteController().startRoute(GRPC_ROUTE);
        }
        eventually(() -> http.get("/api/approvals/" + id, staff).json().path("status").asText(),
                "IN_PROGRESS"::equals, "the kept document activated");
        assertThat(http.get("/api/approvals?limit=100", staff).json().path("items").findValuesAsText("title")
                .stream().filter("되돌릴 수 없는 동기"::equals)).as("once").hasSize(1);
    }

    @Test
    void withKafkaDownTheSyncPathStillAnswers201AndTheEventsFollowWhenItReturns() throws Exception {
        String staff = login("dev.staff");
        var broker = EmbeddedServers.shared(new EmbeddedServers.Options(null, Set.of(), false, 0)).kafka();
        broker.stop();
        String id;
        try {
            // neither side waits for Kafka: the first events of both are stored with the state and queued
            Response r = submit(staff, "카프카 중단 중 동기", "sync");
            assertThat(r.status()).as("%s", r).isEqualTo(201);
            assertThat(r.json().path("status").asText()).isEqualTo("IN_PROGRESS");
            id = r.json().path("id").asText();
            assertThat(breaker().getCircuitBreakerState()).as("processing is there: no failure counted").isEqualTo("CLOSED");
            assertThat(inboxIds(login("dev.lead")))
                    .contains(id);
        } finally {
            broker.start();
        }
        // the events follow once Kafka is back: the document records its activation
        eventually(() -> http.get("/api/approvals/" + id, staff).json().path("status").asText(),
                "IN_PROGRESS"::equals, "the document in progress");
    }

    @Test
    void switchingWhileRequestsAreInFlightFailsNone() throws Exception {
        String admin = login("admin");
        String staff = login("dev.staff");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int n = i;
                statuses.add(pool.submit(() -> submit(staff, "전환 중 " + n, null).status()));
                if (i % 10 == 5) {
                    switchTo(admin, i % 20 == 5 ? "SYNC" : "ASYNC");
                }
            }
            List<Integer> seen = new ArrayList<>();
            for (Future<Integer> f : statuses) {
                seen.add(f.get());
            }
            assertThat(seen).containsOnly(201, 202).contains(201).contains(202);
        } finally {
            pool.shutdownNow();
        }
    }

    private ResilienceProcessor breaker() {
        return camel.getProcessor("processing-grpc-breaker", ResilienceProcessor.class);
    }
}
