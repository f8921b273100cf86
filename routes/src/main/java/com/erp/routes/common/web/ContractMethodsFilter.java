package com.erp.routes.common.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OPTIONS and HEAD on the contract's paths, which Camel's REST router does not serve. OPTIONS: 204 with {@code Allow}
 * naming the methods the contract gives the path, OPTIONS, and HEAD where it has GET (Spring MVC would answer from the
 * handler mappings Camel registers, which name methods a path does not have: GET on a path that only takes POST). HEAD
 * where the contract has GET: the GET, its status and headers, without the body (the server sends none to a HEAD);
 * elsewhere it is handed on to the router's 405. A path the contract does not have is handed on (404).
 */
public class ContractMethodsFilter extends OncePerRequestFilter {

    /** A path template of the contract, as a pattern, what its {@code Allow} says and whether it has GET. */
    private record Resource(Pattern path, int variables, String allow, boolean get) {
    }

    /** The request as a GET to everything after this filter; the server still knows it for a HEAD. */
    private static final class AsGet extends HttpServletRequestWrapper {
        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }

    private final List<Resource> resources = new ArrayList<>();

    /**
     * @param basePath where the contract's paths are served (e.g. {@code /api})
     * @param methods  each path template of the contract (e.g. {@code /approvals/{approvalId}}) and its methods
     */
    public ContractMethodsFilter(String basePath, Map<String, Set<String>> methods) {
        methods.forEach((template, those) -> {
            Set<String> allow = new TreeSet<>(those);
            allow.add("OPTIONS");
            boolean get = those.contains("GET");
            if (get) {
                allow.add("HEAD");
            }
            StringBuilder regex = new StringBuilder(Pattern.quote(basePath));
            int variables = 0;
            for (String segment : template.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                boolean variable = segment.startsWith("{") && segment.endsWith("}");
                regex.append('/').append(variable ? "[^/]+" : Pattern.quote(segment));
                variables += variable ? 1 : 0;
            }
            // as Camel's REST router matches: segments ignoring case, a trailing slash or none
            regex.append("/?");
            resources.add(new Resource(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE), variables,
                    String.join(", ", allow), get));
        });
        // a literal path before a template that also matches it (/approvals/drafts before /approvals/{approvalId})
        resources.sort(Comparator.comparingInt(Resource::variables));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // not decoded: the REST router matches the raw path too (/employees/m%65 is /employees/{employeeId} there)
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Resource resource : resources) {
            if (resource.path().matcher(path).matches()) {
                if ("HEAD".equals(request.getMethod())) {
                    chain.doFilter(resource.get() ? new AsGet(request) : request, response);
                    return;
                }
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                response.setHeader("Allow", resource.allow());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
