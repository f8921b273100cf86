package com.erp.approvalrequest.directory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.erp.routes.common.events.Person;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Asks employee-service over HTTP and remembers the answers briefly: a line or a person changes rarely, and
 * every submission needs them, so under load almost every lookup is answered from memory.
 */
public class HttpEmployeeDirectory implements EmployeeDirectory {

    private final Supplier<String> baseUrl;
    private final Cache<Long, List<Person>> lines;
    private final Cache<Long, Person> people;
    private volatile RestClient client;

    /** @param baseUrl resolved on first use: inside standalone it is this application's own port */
    public HttpEmployeeDirectory(Supplier<String> baseUrl, Duration cacheTtl) {
        this.baseUrl = baseUrl;
        this.lines = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
        this.people = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
    }

    @Override
    public List<Person> defaultLine(long drafterId, String bearerToken) {
        return lines.get(drafterId, id -> {
            JsonNode body = client().get().uri("/api/employees/me/approval-line")
                    .header("Authorization", "Bearer " + bearerToken)
                    .retrieve().body(JsonNode.class);
            List<Person> line = new ArrayList<>();
            body.path("approvers").forEach(p -> line.add(new Person(p.path("id").asLong(), p.path("name").asText(),
                    p.path("position").asText(null), p.path("department").asText(null))));
            return List.copyOf(line);
        });
    }

    @Override
    public List<Person> approvers(List<Long> ids, String bearerToken) {
        List<Long> missing = ids.stream().filter(id -> people.getIfPresent(id) == null).distinct().toList();
        if (!missing.isEmpty()) {
            String csv = missing.stream().map(String::valueOf).collect(Collectors.joining(","));
            JsonNode body = client().get().uri("/api/employees?ids={ids}", Map.of("ids", csv))
                    .header("Authorization", "Bearer " + bearerToken)
                    .retrieve().body(JsonNode.class);
            body.forEach(e -> people.put(e.path("id").asLong(), new Person(e.path("id").asLong(),
                    e.path("name").asText(), e.path("position").asText(null),
                    e.path("department").path("name").asText(null))));
        }
        return ids.stream().map(people::getIfPresent).filter(p -> p != null).toList();
    }

    private RestClient client() {
        RestClient c = client;
        if (c == null) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
            factory.setReadTimeout(Duration.ofSeconds(5));
            c = RestClient.builder().baseUrl(baseUrl.get()).requestFactory(factory).build();
            client = c;
        }
        return c;
    }
}
