package com.erp.routes.websocket;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import com.erp.routes.common.security.SameOrigin;
import com.erp.routes.common.web.Problem;
import com.erp.routes.common.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a WebSocket handshake from a page of another origin (403): the socket takes the sign-in cookie, which a
 * browser sends with a handshake from any page, and SameSite does not stop a page of a sibling host. A browser's
 * handshake says where its page came from ({@code Origin}); it must be this server as the browser addressed it
 * ({@code Host}, or {@code X-Forwarded-Host} behind a proxy) or one of {@code erp.websocket.allowed-origins}. A
 * client that is no browser sends no Origin and is judged by its token alone.
 */
public class WebSocketOriginFilter extends OncePerRequestFilter {

    private final Set<String> allowed;

    /** @param allowed origins allowed besides this server's own, e.g. {@code https://erp.example.com} */
    public WebSocketOriginFilter(Set<String> allowed) {
        this.allowed = allowed.stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).filter(o -> !o.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null || !"websocket".equalsIgnoreCase(request.getHeader("Upgrade")) || allows(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.write(response, Problem.forStatus(403, "A WebSocket connection is accepted only from this "
                + "application's own pages, not from " + origin + ".", request.getRequestURI()));
    }

    boolean allows(String origin, HttpServletRequest request) {
        return allowed.contains(origin.strip().toLowerCase(Locale.ROOT)) || SameOrigin.matches(origin, request);
    }
}
