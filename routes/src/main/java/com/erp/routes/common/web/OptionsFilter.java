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
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers OPTIONS on the contract's paths: 204 with {@code Allow} naming the methods the contract gives the path,
 * and OPTIONS. Spring MVC would answer it from the handler mappings Camel registers, which name methods a path does
 * not have (GET on a path that only takes POST, and HEAD, which Camel's REST router refuses); the contract is what
 * the REST router serves, and what its 405's {@code Allow} says. A path the contract does not have is handed on (404).
 */
public class OptionsFilter extends OncePerRequestFilter {

    /** A path template of the contract, as a pattern, and what its {@code Allow} says. */
    private record Resource(Pattern path, int variables, String allow) {
    }

    private final List<Resource> resources = new ArrayList<>();

    /**
     * @param basePath where the contract's paths are served (e.g. {@code /api})
     * @param methods  each path template of the contract (e.g. {@code /approvals/{approvalId}}) and its methods
     */
    public OptionsFilter(String basePath, Map<String, Set<String>> methods) {
        methods.forEach((template, those) -> {
            Set<String> allow = new TreeSet<>(those);
            allow.add("OPTIONS");
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
                    String.join(", ", allow)));
        });
        // a literal path before a template that also matches it (/approvals/drafts before /approvals/{approvalId})
        resources.sort(Comparator.comparingInt(Resource::variables));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (Resource resource : resources) {
            if (resource.path().matcher(path).matches()) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                response.setHeader("Allow", resource.allow());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
