package com.erp.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The harness's HTTP client (java.net.http, HTTP/1.1, a connection pool of its own). */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public record Result(int status, String body, String retryAfter) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "perf-http");
                t.setDaemon(true);
                return t;
            }))
            .build();

    public HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    public CompletableFuture<Result> send(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Result(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null)));
    }

    public Result get(String url, String token) {
        return send(request(url, token).GET().build()).join();
    }

    public Result postJson(String url, String token, String json) {
        return postJsonAsync(url, token, json).join();
    }

    public CompletableFuture<Result> postJsonAsync(String url, String token, String json) {
        return send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A submission (or a no-op one) on a given dispatch path. */
    public CompletableFuture<Result> submit(String url, String token, String title, String mode) {
        HttpRequest.Builder b = request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"GENERAL\",\"title\":\"" + title + "\"}"));
        if (mode != null) {
            b.header("X-Dispatch-Mode", mode);
        }
        return send(b.build());
    }
}
