package com.erp.routes.common.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where a request's token may come from. The Authorization header, always. Browsers cannot set headers on
 * a WebSocket handshake, so {@code /ws/**} also accepts the {@code access_token} query parameter and the
 * login cookie; the console (under {@code /actuator}) accepts the login cookie, which is HttpOnly and
 * SameSite=Strict so other sites cannot make a browser send it.
 */
public class ErpBearerTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
    private final String cookieName;

    public ErpBearerTokenResolver(String cookieName) {
        this.cookieName = cookieName;
        headerOrQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean websocket = path.startsWith("/ws/");
        String token = websocket ? headerOrQuery.resolve(request) : headerOnly.resolve(request);
        if (token == null && (websocket || path.startsWith("/actuator/"))) {
            token = cookie(request);
        }
        return token;
    }

    private String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(cookieName) && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return null;
    }
}
