package com.erp.routes.common.security;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Where a request's token may come from. The Authorization header, always. Browsers cannot set headers on
 * a WebSocket handshake, so {@code /ws/**} also accepts the token as the second of the subprotocols the page asks for,
 * after {@value #WEBSOCKET_PROTOCOL} (the application's pages: each tab's own sign-in, where the login cookie is the
 * browser's latest, maybe another person's signed in from another tab), then the login cookie, and the
 * {@code access_token} query parameter only where {@code erp.websocket.query-token} allows it: a token in a URL ends
 * up in access logs and proxies' histories; the console (under {@code /actuator}) accepts the login cookie, which is HttpOnly and
 * SameSite=Strict so other sites cannot make a browser send it, and only from this application's own pages
 * ({@link SameOrigin#fromOwnPage}): a page of a sibling host or another port, which SameSite lets send it, could
 * otherwise drive the console's operations (Jolokia) as the administrator who is signed in; and on what reaches
 * Jolokia ({@link #actsOnAGet}) only from the console's own scripts ({@link SameOrigin#fromOwnScript}), since a link
 * to one of its GETs, opened from a mail or from the sign-in page's next page, is a navigation from this very origin. On the public endpoints
 * ({@link #PUBLIC}) no token is read at all, but on {@code /actuator/health} itself (a token shows an administrator its
 * parts; an expired one is refused there): a client that sends its expired token with every request can still log in again.
 */
public class ErpBearerTokenResolver implements BearerTokenResolver {

    /** Endpoints open to everyone (each with what lies below it). */
    public static final List<String> PUBLIC = List.of("/api/auth/login", "/api/auth/logout", "/api/auth/jwks", "/actuator/health",
            "/actuator/info");

    /** Health as a whole: its parts (Kafka, the store, Redis…) only to administrators; the probes below it to anyone. */
    static final String HEALTH = "/actuator/health";

    /**
     * The subprotocol a page's WebSocket asks for with its token ({@code new WebSocket(url, ["erp.bearer", token])}),
     * which the server chooses in its answer (a browser refuses an answer choosing none of those it asked for).
     */
    public static final String WEBSOCKET_PROTOCOL = "erp.bearer";

    private final DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
    private final DefaultBearerTokenResolver socket = new DefaultBearerTokenResolver();
    private final String cookieName;

    /** @param queryToken whether a WebSocket handshake may carry its token as the {@code access_token} parameter */
    public ErpBearerTokenResolver(String cookieName, boolean queryToken) {
        this.cookieName = cookieName;
        socket.setAllowUriQueryParameter(queryToken);
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // health as a whole is open to everyone, who see its status; a token (or the console's cookie) shows an
        // administrator its parts, so it is read there as on the rest of the console
        if (isPublic(path) && !path.equals(HEALTH)) {
            return null;
        }
        boolean websocket = path.startsWith("/ws/");
        String token = websocket ? socket.resolve(request) : headerOnly.resolve(request);
        if (token == null && websocket) {
            token = protocolToken(request);
            if (token == null) {
                token = cookie(request); // the handshake's Origin is checked by the WebSocket origin filter
            }
        } else if (token == null && path.startsWith("/actuator/")
                // Jolokia acts on a GET as on a POST (also through the console's forward to it): there only the
                // console's own scripts carry the cookie, never a navigation (a link, a sign-in's next page) or an image
                && (actsOnAGet(path) ? SameOrigin.fromOwnScript(request) : SameOrigin.fromOwnPage(request, true))) {
            token = cookie(request);
        }
        return token;
    }

    /**
     * Whether the console path reaches Jolokia, which runs an operation named in a GET's URL: {@code /actuator/jolokia},
     * the console's forward to it ({@code /actuator/hawtio/jolokia}) and its proxy, however the path is spelled
     * (percent-encoded, in capitals).
     */
    public static boolean actsOnAGet(String path) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return true; // no path a browser would send: refused the cookie
        }
        return java.util.Arrays.stream(decoded.toLowerCase(java.util.Locale.ROOT).split("/"))
                .anyMatch(segment -> segment.equals("jolokia") || segment.equals("proxy"));
    }

    public static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /** {@link #PUBLIC} as request matcher patterns. */
    public static String[] publicPatterns() {
        return PUBLIC.stream().flatMap(p -> java.util.stream.Stream.of(p, p + "/**")).toArray(String[]::new);
    }

    /** The token after {@value #WEBSOCKET_PROTOCOL} in the handshake's subprotocols, if it asks for that one. */
    static String protocolToken(HttpServletRequest request) {
        java.util.Enumeration<String> headers = request.getHeaders("Sec-WebSocket-Protocol");
        if (headers == null) {
            return null;
        }
        List<String> protocols = new java.util.ArrayList<>();
        while (headers.hasMoreElements()) {
            for (String p : headers.nextElement().split(",")) {
                protocols.add(p.trim());
            }
        }
        int at = protocols.indexOf(WEBSOCKET_PROTOCOL);
        return at < 0 || at + 1 >= protocols.size() || protocols.get(at + 1).isEmpty() ? null : protocols.get(at + 1);
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
