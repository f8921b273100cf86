package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.Problems;
import com.erp.routes.testing.TestPeople;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
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
 * Errors that no route writes as a problem still reach the client as one: a route's unhandled failure, a
 * bare error status, a request platform-http cannot read, Spring MVC's own rejections and Tomcat's.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ProblemAnswersTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = NoServers.EXCLUDE_AUTO_CONFIGURATION)
class ProblemAnswersTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        RouteBuilder plainRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    // no rest-problems configuration: what Camel does by itself
                    from("platform-http:/api/fails?httpMethodRestrict=GET").routeId("fails")
                            .throwException(new IllegalStateException("boom"));
                    from("platform-http:/api/bare?httpMethodRestrict=GET").routeId("bare")
                            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(404))
                            .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                            .setBody(constant("nope"));
                    from("platform-http:/api/echo?httpMethodRestrict=POST").routeId("echo")
                            .setBody(constant("{\"ok\":true}"));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;

    HttpTestClient http;
    String token;

    @BeforeEach
    void client() {
        http = HttpTestClient.local(port);
        token = TestPeople.token(tokens, TestPeople.DRAFTER);
    }

    @Test
    void aFailureNoRouteHandledIsA500ProblemWithAReference() {
        JsonNode p = Problems.assertProblem(http.get("/api/fails", token), 500);
        assertThat(p.path("type").asText()).isEqualTo("/problems/internal");
        assertThat(p.path("detail").asText()).contains("reference").doesNotContain("boom");
    }

    @Test
    void aBareErrorStatusBecomesTheProblemForIt() {
        JsonNode p = Problems.assertProblem(http.get("/api/bare", token), 404);
        assertThat(p.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(p.path("instance").asText()).isEqualTo("/api/bare");
    }

    @Test
    void aRequestPlatformHttpCannotReadIsAProblemNotAnEmpty500() {
        // platform-http parses every form body as name=value pairs and fails on this one before any route runs
        HttpTestClient.Response r = http.postRaw("/api/echo", token, "{\"a\":1}", "application/x-www-form-urlencoded");
        Problems.assertProblem(r, 500);
    }

    @Test
    void springMvcRejectionsHaveTheProjectsTypes() {
        HttpTestClient.Response wrongMethod = http.send(http.request("/api/bare", token)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(Problems.assertProblem(wrongMethod, 405).path("type").asText()).isEqualTo("/problems/method-not-allowed");
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET");

        JsonNode nothing = Problems.assertProblem(http.get("/api/nope", token), 404);
        assertThat(nothing.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(nothing.path("detail").asText()).isEqualTo("There is nothing at /api/nope.");
    }

    @Test
    void aUrlTomcatRefusesIsAProblemNotAnHtmlPage() {
        // an HTTP client refuses to send these; Tomcat refuses them before any filter or servlet runs
        for (String path : List.of("/api/%ZZ", "/api/a%00b", "/api/a%2Fb")) {
            List<String> response = http.raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
            assertThat(response.get(0)).as(path).startsWith("HTTP/1.1 400");
            assertThat(response).as(path).anyMatch(h -> h.toLowerCase().startsWith("content-type: application/problem+json"));
            assertThat(response.get(response.size() - 1)).as(path).contains("\"type\":\"/problems/bad-request\"");
        }
    }
}
