package com.erp.routes.common;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.EndpointHelper;

/**
 * The endpoints for which Camel's tracer makes no span ({@code erp.tracing.exclude-patterns}: Camel's endpoint
 * patterns, comma-separated), each endpoint's answer worked out once. Camel's own exclusion matches every pattern
 * against the endpoint's URI at every send and every exchange a route begins, and a pattern that is not the URI nor
 * a prefix of it ({@code direct:*} against a {@code kafka:} URI) is compiled as a regular expression each time: a
 * profile of approval-request under load found a sixth of all it allocated there.
 */
final class UntracedEndpoints {

    /** Endpoints made on the fly ({@code toD}) could be many: past this many URIs an answer is worked out each time. */
    private static final int MAX_REMEMBERED = 4096;

    private final List<String> patterns;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

    UntracedEndpoints(String patterns) {
        this.patterns = patterns == null ? List.of() : Arrays.stream(patterns.split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matches(Endpoint endpoint) {
        String uri = endpoint == null ? null : endpoint.getEndpointUri();
        if (uri == null || patterns.isEmpty()) {
            return false;
        }
        Boolean known = answers.get(uri);
        if (known != null) {
            return known;
        }
        boolean untraced = match(endpoint.getCamelContext(), uri);
        if (answers.size() < MAX_REMEMBERED) {
            answers.put(uri, untraced);
        }
        return untraced;
    }

    private boolean match(CamelContext camel, String uri) {
        for (String pattern : patterns) {
            if (EndpointHelper.matchEndpoint(camel, uri, pattern)) {
                return true;
            }
        }
        return false;
    }
}
