package com.erp.routes.common.directory;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/** Asks employee-service over HTTP, with the drafter's own token: the way when the services run apart. */
public class HttpEmployeeDirectory extends CachingEmployeeDirectory {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpEmployeeDirectory.class);

    private final Supplier<String> baseUrl;
    private volatile RestClient client;

    /** @param baseUrl resolved on first use, so it may name a port chosen at start-up */
    public HttpEmployeeDirectory(Supplier<String> baseUrl, Duration cacheTtl) {
        super(cacheTtl);
        this.baseUrl = baseUrl;
    }

    @Override
    protected JsonNode fetchApprovalLine(String bearerToken) {
        return get(client().get().uri("/api/employees/me/approval-line"), bearerToken);
    }

    @Override
    protected JsonNode fetchEmployees(String idsCsv, String bearerToken) {
        return get(client().get().uri("/api/employees?ids={ids}", Map.of("ids", idsCsv)), bearerToken);
    }

    @Override
    protected JsonNode fetchDepartments(String bearerToken) {
        return get(client().get().uri("/api/departments"), bearerToken);
    }

    /** The answer, or the problem the caller should see instead (never a 500 for employee-service's state). */
    private static JsonNode get(RestClient.RequestHeadersSpec<?> request, String bearerToken) {
        try {
            return request.header("Authorization", "Bearer " + bearerToken).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            JsonNode problem = e.getResponseBodyAs(JsonNode.class);
            String retryAfter = e.getResponseHeaders() == null ? null : e.getResponseHeaders().getFirst("Retry-After");
            throw refused(e.getStatusCode().value(), problem == null ? null : problem.path("detail").asText(null),
                    retryAfter != null && retryAfter.matches("[0-9]{1,4}") ? Integer.valueOf(retryAfter) : null);
        } catch (ResourceAccessException e) {
            // the cause names an internal address: the log has it, the caller reads only what it means for them
            LOG.warn("employee-service cannot be reached: {}", e.getMessage());
            throw unavailable("employee-service cannot be reached", null);
        }
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
