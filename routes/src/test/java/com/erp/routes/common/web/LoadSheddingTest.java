package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.Problems;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.CamelContext;
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
 * Overload: with the REST workers busy and their queue full, a further request is answered at once with 503
 * problem+json and Retry-After, while the requests already taken still complete.
 */
@CamelSpringBootTest
@SpringBootTest(classes = LoadSheddingTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "erp.http.workers=1",
                "erp.http.queue=1",
                "erp.http.overload-retry-after-seconds=2",
                NoServers.EXCLUDE_AUTO_CONFIGURATION
        })
class LoadSheddingTest {

    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder slowRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/slow?httpMethodRestrict=GET").routeId("slow")
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
    @Autowired
    CamelContext camel;

    @Test
    void aFullPoolAndQueueShedTheNextRequestWith503AndTheOthersComplete() throws Exception {
        HttpTestClient http = HttpTestClient.local(port);
        String token = TestPeople.token(tokens, TestPeople.DRAFTER);

        // the one worker takes the first request and blocks in the route
        NotifyBuilder twoServed = new NotifyBuilder(camel).fromRoute("slow").whenExactlyDone(2).create();
        CompletableFuture<HttpTestClient.Response> running = CompletableFuture.supplyAsync(() -> http.get("/api/slow", token));
        awaitInflight(1);
        // the second waits in the queue (capacity 1)
        CompletableFuture<HttpTestClient.Response> queued = CompletableFuture.supplyAsync(() -> http.get("/api/slow", token));
        awaitQueued(queued);

        HttpTestClient.Response shed = http.get("/api/slow", token);
        JsonNode problem = Problems.assertProblem(shed, 503);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unavailable");
        assertThat(problem.path("detail").asText()).contains("capacity");
        assertThat(shed.header("Retry-After")).isEqualTo("2");

        RELEASE.countDown();
        for (HttpTestClient.Response r : List.of(running.get(30, TimeUnit.SECONDS), queued.get(30, TimeUnit.SECONDS))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("done");
        }
        // the shed request never reached the route
        assertThat(twoServed.matches(30, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitInflight(int n) throws InterruptedException {
        for (int i = 0; i < 300 && camel.getInflightRepository().size("slow") < n; i++) {
            Thread.sleep(20);
        }
        assertThat(camel.getInflightRepository().size("slow")).isEqualTo(n);
    }

    /** Not observable from outside: give the request time to reach the pool's queue, and check it is not answered. */
    private void awaitQueued(CompletableFuture<HttpTestClient.Response> queued) throws InterruptedException {
        Thread.sleep(500);
        assertThat(queued).isNotDone();
    }
}
