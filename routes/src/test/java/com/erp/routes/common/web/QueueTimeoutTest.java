package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A request that waited longer than {@code erp.http.queue-timeout} for a REST worker is answered 503 with
 * Retry-After and never started: its route does not run behind an answer that told the client to retry.
 */
@CamelSpringBootTest
@SpringBootTest(classes = QueueTimeoutTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "erp.http.workers=1",
                "erp.http.queue=10",
                "erp.http.queue-timeout=300ms",
                "erp.http.overload-retry-after-seconds=3",
                NoServers.EXCLUDE_AUTO_CONFIGURATION
        })
class QueueTimeoutTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final AtomicInteger STARTED = new AtomicInteger();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder slowRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/slow?httpMethodRestrict=POST").routeId("slow")
                            .process(e -> STARTED.incrementAndGet())
                            .process(e -> RELEASE.await(30, TimeUnit.SECONDS))
                            .setBody(constant("{\"done\":true}"));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;

    @Test
    void aRequestThatWaitedTooLongForAWorkerIsAnswered503AndNeverStarted() throws Exception {
        HttpTestClient http = HttpTestClient.local(port);
        String token = TestPeople.token(tokens, TestPeople.DRAFTER);

        CompletableFuture<HttpTestClient.Response> running = CompletableFuture.supplyAsync(() -> http.post("/api/slow", token, null));
        for (int i = 0; i < 250 && STARTED.get() < 1; i++) {
            Thread.sleep(20);
        }
        assertThat(STARTED.get()).as("the one worker is busy").isEqualTo(1);
        // the second waits for the worker, longer than the queue timeout
        CompletableFuture<HttpTestClient.Response> waiting = CompletableFuture.supplyAsync(() -> http.post("/api/slow", token, null));
        Thread.sleep(800);
        RELEASE.countDown();

        assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        HttpTestClient.Response shed = waiting.get(30, TimeUnit.SECONDS);
        JsonNode problem = Problems.assertProblem(shed, 503);
        assertThat(problem.path("detail").asText()).contains("waited too long");
        assertThat(shed.header("Retry-After")).isEqualTo("3");
        Thread.sleep(300);
        assertThat(STARTED.get()).as("the shed request's route never ran").isEqualTo(1);
    }
}
