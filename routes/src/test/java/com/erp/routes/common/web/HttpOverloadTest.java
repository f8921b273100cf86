package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.Problems;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Overload of the REST workers (one worker, a queue of one, here): a request that finds the worker busy and the
 * queue full is answered at once, and one that waited in the queue longer than {@code erp.http.queue-timeout} is
 * answered without being started; both 503 problem+json with Retry-After, while the requests taken still complete.
 */
@CamelSpringBootTest
@SpringBootTest(classes = HttpOverloadTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "erp.http.workers=1",
                "erp.http.queue=1",
                "erp.http.queue-timeout=3s",
                "erp.http.overload-retry-after-seconds=2",
                NoServers.EXCLUDE_AUTO_CONFIGURATION
        })
class HttpOverloadTest {

    /** Holds the route until a test lets it go; a new one per test. */
    static volatile CountDownLatch release;
    static final AtomicInteger STARTED = new AtomicInteger();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder slowRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/slow").routeId("slow")
                            .process(e -> STARTED.incrementAndGet())
                            .process(e -> release.await(30, TimeUnit.SECONDS))
                            .setBody(constant("{\"done\":true}"));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    CamelContext camel;

    HttpTestClient http;
    String token;

    @BeforeEach
    void setUp() {
        release = new CountDownLatch(1);
        STARTED.set(0);
        http = HttpTestClient.local(port);
        token = TestPeople.token(tokens, TestPeople.DRAFTER);
    }

    @Test
    void aFullPoolAndQueueShedTheNextRequestAtOnceAndTheOthersComplete() throws Exception {
        // the one worker takes the first request and blocks in the route
        CompletableFuture<HttpTestClient.Response> running = CompletableFuture.supplyAsync(() -> http.get("/api/slow", token));
        awaitStarted();
        // the second waits in the queue (capacity 1)
        CompletableFuture<HttpTestClient.Response> queued = CompletableFuture.supplyAsync(() -> http.get("/api/slow", token));
        Thread.sleep(500); // not observable from outside: time to reach the queue
        assertThat(queued).isNotDone();

        HttpTestClient.Response shed = http.get("/api/slow", token);
        JsonNode problem = Problems.assertProblem(shed, 503);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unavailable");
        assertThat(problem.path("detail").asText()).contains("capacity");
        assertThat(shed.header("Retry-After")).isEqualTo("2");

        release.countDown();
        for (HttpTestClient.Response r : List.of(running.get(30, TimeUnit.SECONDS), queued.get(30, TimeUnit.SECONDS))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("done");
        }
        assertThat(STARTED.get()).as("the shed request never reached the route").isEqualTo(2);
    }

    @Test
    void aRequestThatWaitedTooLongForAWorkerIsAnswered503AndNeverStarted() throws Exception {
        CompletableFuture<HttpTestClient.Response> running = CompletableFuture.supplyAsync(() -> http.post("/api/slow", token, null));
        awaitStarted();
        // the second waits for the worker, longer than the queue timeout
        CompletableFuture<HttpTestClient.Response> waiting = CompletableFuture.supplyAsync(() -> http.post("/api/slow", token, null));
        Thread.sleep(3_500);
        release.countDown();

        assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        HttpTestClient.Response shed = waiting.get(30, TimeUnit.SECONDS);
        JsonNode problem = Problems.assertProblem(shed, 503);
        assertThat(problem.path("detail").asText()).contains("waited too long");
        assertThat(shed.header("Retry-After")).isEqualTo("2");
        Thread.sleep(300);
        assertThat(STARTED.get()).as("the shed request's route never ran").isEqualTo(1);
        assertThat(camel.getInflightRepository().size("slow")).isZero();
    }

    private void awaitStarted() throws InterruptedException {
        for (int i = 0; i < 250 && STARTED.get() < 1; i++) {
            Thread.sleep(20);
        }
        assertThat(STARTED.get()).as("the one worker is busy").isEqualTo(1);
    }
}
