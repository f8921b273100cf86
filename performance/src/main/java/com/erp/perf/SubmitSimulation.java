package com.erp.perf;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Submissions over HTTP, one request per virtual user: an open model at a fixed arrival rate
 * ({@code perf.model=open}, {@code perf.rate} per second) or a closed one that keeps {@code perf.users} in
 * flight (saturation). {@code perf.mode} (async|sync) goes into X-Dispatch-Mode; {@code perf.path} may name the
 * no-op endpoint instead. Gatling makes a new instance per run, so one class serves every run of a suite.
 */
public class SubmitSimulation extends Simulation {

    private static String prop(String name) {
        String value = System.getProperty("perf." + name);
        if (value == null) {
            throw new IllegalStateException("perf." + name + " is not set");
        }
        return value;
    }

    private final int seconds = Integer.parseInt(prop("seconds"));

    private final HttpProtocolBuilder protocol = http.baseUrl(prop("baseUrl"))
            .disableWarmUp()
            // one pool of keep-alive connections, as behind a gateway (a new connection per request would run the
            // load generator out of ports at 2,000/s)
            .shareConnections()
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            .header("Authorization", "Bearer " + prop("token"));

    private HttpRequestActionBuilder submit() {
        HttpRequestActionBuilder request = http("submit").post(prop("path"))
                .body(StringBody("{\"type\":\"GENERAL\",\"title\":\"load #{randomUuid()}\"}"))
                .check(status().in(201, 202));
        String mode = prop("mode");
        return mode.isEmpty() ? request : request.header("X-Dispatch-Mode", mode);
    }

    {
        ScenarioBuilder scenario = scenario("submit").exec(submit());
        PopulationBuilder population = "open".equals(prop("model"))
                ? scenario.injectOpen(constantUsersPerSec(Double.parseDouble(prop("rate"))).during(seconds))
                : scenario.injectClosed(constantConcurrentUsers(Integer.parseInt(prop("users"))).during(seconds));
        setUp(population).protocols(protocol).maxDuration(Duration.ofSeconds(seconds + 30L));
    }
}
