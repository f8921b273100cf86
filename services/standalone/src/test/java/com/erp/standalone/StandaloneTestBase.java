package com.erp.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.WebSocketTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole system as the quick start runs it: one JVM, embedded real servers, the demo organisation. */
@CamelSpringBootTest
@DisableJmx(false) // the console reads the routes over JMX, as in production
@AutoConfigureObservability // Prometheus metrics as in production (tests turn them off otherwise)
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=standalone",
                "erp.embedded.data-dir=", // a temporary folder
                "erp.demo.password=" + StandaloneTestBase.PASSWORD,
                "erp.metrics.token=" + StandaloneTestBase.METRICS_TOKEN,
                "spring.jmx.enabled=true", // Spring's MBeans (the dispatch switch) for the console, as in production
                // reminders due are looked for four times a second (ReminderEndToEndTest moves one's due time)
                "erp.approval-processing.reminders.period-ms=250",
                "erp.employee.reporting-lines.period-ms=500" // a new department head is in the org chart at once
        })
abstract class StandaloneTestBase {

    static final String PASSWORD = "e2e-demo-password";
    /** The scraper's token (erp.metrics.token), made up for the tests. */
    static final String METRICS_TOKEN = "test-scraper-token-0123456789abcdefghij";

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = HttpTestClient.local(port);
    }

    String login(String username) {
        HttpTestClient.Response r = http.post("/api/auth/login", null, Map.of("username", username, "password", PASSWORD));
        assertThat(r.status()).as("login %s: %s", username, r).isEqualTo(200);
        return r.json().path("accessToken").asText();
    }

    /** The caller's inbox item of a document, or null when it is not there. */
    JsonNode inboxItem(String token, String approvalId) {
        for (JsonNode item : inbox(token)) {
            if (approvalId.equals(item.path("approvalId").asText())) {
                return item;
            }
        }
        return null;
    }

    /** The caller's whole inbox, page after page (the suite's people gather more than a page of documents). */
    List<JsonNode> inbox(String token) {
        List<JsonNode> items = new java.util.ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = http.get("/api/inbox?limit=200" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), token).json();
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").asText("");
        } while (!cursor.isEmpty());
        return items;
    }

    /** The ids of the documents in the caller's whole inbox. */
    List<String> inboxIds(String token) {
        return inbox(token).stream().map(i -> i.path("approvalId").asText()).toList();
    }

    /** The employee id of whoever holds this token. */
    long idOf(String token) {
        return http.get("/api/employees/me", token).json().path("id").asLong();
    }

    /** Waits for something that happens asynchronously (Kafka in between), polling like a client would. */
    static <T> T eventually(Supplier<T> value, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String WS = "/ws/notifications";

    /** The next WebSocket messages about one document, skipping any about others. */
    static List<JsonNode> about(WebSocketTestClient socket, String approvalId, int count) {
        List<JsonNode> mine = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (mine.size() < count && System.nanoTime() < deadline) {
            JsonNode next = socket.next(Duration.ofMillis(200));
            if (next != null && approvalId.equals(next.path("approvalId").asText())) {
                mine.add(next);
            }
        }
        assertThat(mine).as("notifications about %s", approvalId).hasSize(count);
        return mine;
    }

    /** The next notification of this type about the document, skipping others about it or about other documents. */
    static JsonNode told(WebSocketTestClient socket, String approvalId, String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode next = socket.next(Duration.ofMillis(200));
            if (next != null && approvalId.equals(next.path("approvalId").asText()) && type.equals(next.path("type").asText())) {
                return next;
            }
        }
        throw new AssertionError("no " + type + " about " + approvalId + " within " + WAIT);
    }

    static void nothingMoreAbout(WebSocketTestClient socket, String approvalId) {
        long until = System.nanoTime() + Duration.ofMillis(700).toNanos();
        while (System.nanoTime() < until) {
            JsonNode next = socket.next(Duration.ofMillis(100));
            assertThat(next == null || !approvalId.equals(next.path("approvalId").asText()))
                    .as("unexpected notification %s", next).isTrue();
        }
    }
}
