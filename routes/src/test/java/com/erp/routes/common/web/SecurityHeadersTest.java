package com.erp.routes.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.erp.routes.common.security.TokenIssuer;
import com.erp.routes.testing.HttpTestClient;
import com.erp.routes.testing.NoServers;
import com.erp.routes.testing.TestPeople;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The security headers (nosniff, no caching, no framing) are on the servlet response before a REST route runs.
 * A route answers on a REST worker, while the servlet thread leaves the filter chain at once (the request went
 * async): headers written when the chain returns would be written into the response the worker is writing, two
 * threads on one header block. Under load that corrupted answers (a response with both Content-Length and chunked
 * encoding, a NullPointerException inside Tomcat). Each header is still sent once, also when the route sets one.
 */
@CamelSpringBootTest
@SpringBootTest(classes = SecurityHeadersTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = NoServers.EXCLUDE_AUTO_CONFIGURATION)
class SecurityHeadersTest {

    /** The servlet response's headers as the route found them. */
    static final Map<String, String> SEEN_BY_ROUTE = new ConcurrentHashMap<>();
    static final CountDownLatch ROUTE_LOOKED = new CountDownLatch(1);

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        /**
         * Inside the security chain: keeps the servlet thread there until the route has looked, so the route runs
         * where the race was (while the thread has yet to leave the chain), every time, not only under load.
         */
        @Bean
        FilterRegistrationBean<Filter> holdTheServletThread() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                chain.doFilter(request, response);
                if (request.isAsyncStarted()) {
                    try {
                        ROUTE_LOOKED.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            registration.setOrder(0); // after the security chain (-100): within it
            return registration;
        }

        @Bean
        RouteBuilder headersRoute() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/headers?httpMethodRestrict=GET").routeId("headers")
                            .process(e -> {
                                HttpServletResponse response = e.getMessage(PlatformHttpMessage.class).getResponse();
                                for (String name : response.getHeaderNames()) {
                                    SEEN_BY_ROUTE.put(name.toLowerCase(java.util.Locale.ROOT), response.getHeader(name));
                                }
                                ROUTE_LOOKED.countDown();
                            })
                            // as a download does: the header the security chain also writes
                            .setHeader("X-Content-Type-Options", constant("nosniff"))
                            .setBody(constant("{\"ok\":true}"));
                }
            };
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TokenIssuer tokens;

    @Test
    void theSecurityHeadersAreWrittenBeforeTheRouteAnswersAndSentOnce() {
        HttpTestClient.Response answer = HttpTestClient.local(port).get("/api/headers", TestPeople.token(tokens, TestPeople.DRAFTER));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(SEEN_BY_ROUTE).containsEntry("x-content-type-options", "nosniff").containsEntry("x-frame-options", "DENY");
        assertThat(SEEN_BY_ROUTE.get("cache-control")).contains("no-store");
        for (String name : List.of("X-Content-Type-Options", "X-Frame-Options", "Cache-Control")) {
            List<String> values = answer.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).toList();
            assertThat(values).as(name).hasSize(1);
        }
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** A response header sent in a request does not come back: a route that sets none answers none. */
    @Test
    void responseHeadersARequestCarriesAreNotEchoed() {
        HttpTestClient http = HttpTestClient.local(port);
        HttpTestClient.Response answer = http.send(http.request("/api/headers", TestPeople.token(tokens, TestPeople.DRAFTER))
                .header("Set-Cookie", "erp_token=chosen; Path=/").header("Location", "https://elsewhere.example")
                .header("Retry-After", "999").GET().build());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Set-Cookie")).isNull();
        assertThat(answer.header("Location")).isNull();
        assertThat(answer.header("Retry-After")).isNull();
    }
}
