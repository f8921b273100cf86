package com.erp.approvalrequest.directory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Asks employee-service over HTTP, with the drafter's own token: the way when the services run apart. */
public class HttpEmployeeDirectory extends CachingEmployeeDirectory {

    private final Supplier<String> baseUrl;
    private volatile RestClient client;

    /** @param baseUrl resolved on first use, so it may name a port chosen at start-up */
    public HttpEmployeeDirectory(Supplier<String> baseUrl, Duration cacheTtl) {
        super(cacheTtl);
        this.baseUrl = baseUrl;
    }

    @Override
    protected JsonNode fetchApprovalLine(String bearerToken) {
        return client().get().uri("/api/employees/me/approval-line")
                .header("Authorization", "Bearer " + bearerToken)
                .retrieve().body(JsonNode.class);
    }

    @Override
    protected JsonNode fetchEmployees(String idsCsv, String bearerToken) {
        return client().get().uri("/api/employees?ids={ids}", Map.of("ids", idsCsv))
                .header("Authorization", "Bearer " + bearerToken)
                .retrieve().body(JsonNode.class);
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
